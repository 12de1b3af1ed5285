import { z } from "zod";
import type { Outcome, RequestType, TaskAction } from "@/lib/generated/prisma/enums";

// Reads what the requester stated (Request.details, written by the portal's schemas)
// leniently: the console must still work on a request whose details are incomplete.
const storedDetails = z
  .object({
    categories: z.array(z.number().int()).optional(),
    action: z.enum(["CORRECT", "ADD", "DELETE"]).optional(),
    wanted: z.enum(["SUSPEND_USE", "DELETE", "STOP_THIRD_PARTY"]).optional(),
    recipient: z.string().optional(),
    items: z
      .array(
        z
          .object({ category: z.number().int(), current: z.string().optional(), corrected: z.string().optional() })
          .loose(),
      )
      .optional(),
  })
  .loose();

export type StoredDetails = z.infer<typeof storedDetails>;

export function readDetails(details: unknown): StoredDetails {
  const parsed = storedDetails.safeParse(details);
  return parsed.success ? parsed.data : {};
}

/** Art 2.1 items the request is about: the listed categories, or those of the items to correct. */
export function affectedCategories(details: unknown, decided?: number[]): number[] {
  if (decided?.length) return [...new Set(decided)].sort((a, b) => a - b);
  const d = readDetails(details);
  const list = d.categories ?? d.items?.map((i) => i.category) ?? [];
  return [...new Set(list)].sort((a, b) => a - b);
}

/** Which work an accepted request becomes, or null when it creates no tasks. */
export function taskActionFor(
  type: RequestType,
  outcome: Outcome,
  details: unknown,
  decided: Record<string, unknown>,
): TaskAction | null {
  if (outcome === "NOT_FULFILLED" || outcome === "NO_DATA_HELD") return null;
  if (type !== "CORRECTION" && type !== "SUSPENSION" && type !== "THIRD_PARTY_STOP") return null;
  if (outcome === "ALTERNATIVE_MEASURE") return "ALTERNATIVE_MEASURE"; // Art 8 proviso
  const d = readDetails(details);
  if (type === "CORRECTION") return (decided.action as TaskAction | undefined) ?? d.action ?? "CORRECT";
  if (type === "THIRD_PARTY_STOP") return "STOP_THIRD_PARTY";
  return (decided.measure as TaskAction | undefined) ?? d.wanted ?? "SUSPEND_USE";
}

/** What the system owner is to do, as data (no personal data beyond what the task needs). */
export function taskInstructions(
  action: TaskAction,
  categories: number[],
  details: unknown,
  decided: Record<string, unknown>,
): string {
  const d = readDetails(details);
  const lines = [`${action} [${categories.join(", ")}]`];
  if (action === "ALTERNATIVE_MEASURE" && typeof decided.alternativeMeasure === "string")
    lines.push(decided.alternativeMeasure);
  for (const item of d.items ?? [])
    if (categories.includes(item.category))
      lines.push(`(${item.category}) ${item.current ?? "—"} → ${item.corrected ?? "—"}`);
  if (d.recipient) lines.push(`→ ${d.recipient}`);
  return lines.join("\n");
}
