import type { Decision, Request } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { announce } from "@/lib/integrations/announce";
import { affectedCategories, taskActionFor, taskInstructions } from "./affected-items";

/**
 * An accepted correction, deletion, suspension or third-party stop becomes one task per
 * active system in the data map holding any affected category (docs/design.md §3). A request
 * whose categories no system holds is refused here, so the data map is fixed first.
 */
export async function createTasksForDecision(tx: Tx, actor: Actor, r: Request, decision: Decision): Promise<number> {
  const decided =
    decision.details && typeof decision.details === "object" && !Array.isArray(decision.details)
      ? (decision.details as Record<string, unknown>)
      : {};
  const action = taskActionFor(r.type, decision.outcome, r.details, decided);
  if (!action) return 0;
  const categories = affectedCategories(
    r.details,
    Array.isArray(decided.categories) ? (decided.categories as number[]) : undefined,
  );
  const systems = await tx.systemOfRecord.findMany({
    where: { active: true, categories: { hasSome: categories } },
    orderBy: { key: "asc" },
  });
  if (systems.length === 0)
    throw new AppError("INVALID_STATE", "console.state.noSystemForCategories", {
      _form: ["console.state.noSystemForCategories"],
    });
  for (const s of systems) {
    const held = s.categories.filter((c) => categories.includes(c));
    const task = await tx.task.create({
      data: {
        requestId: r.id,
        systemId: s.id,
        action,
        categories: held,
        instructions: taskInstructions(action, held, r.details, decided),
      },
      select: { id: true },
    });
    await writeAuditEvent(tx, {
      actor,
      action: "task.created",
      entity: "Task",
      entityId: task.id,
      requestId: r.id,
      data: { systemId: s.id, action, categories: held, decisionId: decision.id },
    });
    await announce(tx, { event: "task.created", taskId: task.id }); // webhook to API-handled systems (issue 9)
  }
  return systems.length;
}
