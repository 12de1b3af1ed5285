import { z } from "zod";
import type { WithholdingGround } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requestRefSchema } from "@/lib/requests/shared-schemas";
import { decideRequest, type DecideResult } from "@/lib/decisions/decide-request";
import type { Collection } from "./engine";
import { openJson } from "./sealed-json";

export const decideFromCollectionSchema = z.object({
  ...requestRefSchema.shape,
  /** Shown to the requester in the decision notice. */
  explanation: z.string().trim().max(4000).default(""),
  /** Per cited ground, why it applies (shown to the requester, Art 6.1). */
  groundExplanations: z.record(z.string(), z.string().trim().max(2000)).default({}),
});
export type DecideFromCollectionInput = z.input<typeof decideFromCollectionSchema>;

const state = (key: string) => new AppError("INVALID_STATE", key, { _form: [key] });

export type WithholdingProposal = {
  outcome: "FULFILLED" | "PARTIALLY_FULFILLED";
  grounds: WithholdingGround[];
  withheldItems: string;
};

/**
 * What the exclusions mean for the decision: none, a full disclosure; any, a partial one
 * citing each ground used, with the withheld items named by field label (never by value).
 */
export async function proposeWithholding(requestId: string, locale: "ja" | "en"): Promise<WithholdingProposal> {
  const collections = await prisma.collection.findMany({
    where: { requestId, superseded: false },
    include: { exclusions: true, system: { select: { nameJa: true, nameEn: true } } },
  });
  if (collections.some((c) => c.status === "PENDING" || c.status === "RUNNING"))
    throw state("connected.state.collectionRunning");
  if (!collections.some((c) => c.status === "DONE")) throw state("connected.state.nothingCollected");
  const grounds = [...new Set(collections.flatMap((c) => c.exclusions.map((x) => x.ground)))];
  const items: string[] = [];
  for (const c of collections) {
    if (!c.exclusions.length || !c.resultSealed) continue;
    const result = openJson<Collection>(c.resultSealed);
    const system = locale === "en" ? c.system.nameEn : c.system.nameJa;
    for (const x of c.exclusions) {
      const table = result.tables.find((t) => t.table === x.table);
      const col = x.column ? table?.columns.find((k) => k.name === x.column) : undefined;
      const label = col ? (locale === "en" ? col.labelEn : col.labelJa) : locale === "en" ? "whole record" : "記録全体";
      items.push(`${system} / ${x.table} / ${label}`);
    }
  }
  return {
    outcome: grounds.length ? "PARTIALLY_FULFILLED" : "FULFILLED",
    grounds,
    withheldItems: [...new Set(items)].join("\n"),
  };
}

/**
 * Records the disclosure decision the collection implies: the outcome and grounds come from
 * the exclusions, so what is withheld and what the officer approves cannot drift apart. A
 * partial disclosure waits for the officer like any other (decideRequest).
 */
export async function decideFromCollection(opts: {
  actor: Actor | null;
  input: DecideFromCollectionInput;
}): Promise<DecideResult> {
  const { actor } = opts;
  assertPermission(actor, "decide:request");
  const q = parseInput(decideFromCollectionSchema, opts.input, "decision");
  const r = await prisma.request.findUnique({ where: { id: q.requestId }, select: { type: true, locale: true } });
  if (!r) throw new AppError("NOT_FOUND", "request");
  if (r.type !== "DISCLOSURE") throw state("console.package.notDisclosure");
  const p = await proposeWithholding(q.requestId, r.locale);
  const missing = p.grounds.filter((g) => !q.groundExplanations[g]);
  if (missing.length)
    throw new AppError(
      "INVALID_INPUT",
      "ground explanation",
      Object.fromEntries(missing.map((g) => [`ground-${g}`, ["errors.required"]])),
    );
  return decideRequest({
    actor,
    input: {
      requestId: q.requestId,
      version: q.version,
      type: "DISCLOSURE",
      outcome: p.outcome,
      explanation: q.explanation,
      grounds: p.grounds.map((g) => ({
        ground: g as "HARM_TO_LIFE_OR_RIGHTS",
        explanation: q.groundExplanations[g] ?? "",
      })),
      ...(p.withheldItems ? { withheldItems: p.withheldItems.slice(0, 2000) } : {}),
    },
  });
}
