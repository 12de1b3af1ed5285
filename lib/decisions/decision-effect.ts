import type { Decision, Request } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import type { Actor } from "@/lib/audit/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { updateRequestVersioned } from "@/lib/requests/versioned-update";
import { stoppedClock } from "@/lib/requests/clock-changes";
import { createTasksForDecision } from "@/lib/tasks/create-tasks";
import { closeIfComplete } from "@/lib/tasks/close-request";
import { issueNotice } from "@/lib/notices/issue-notice";

/**
 * A decision that needs no approval, or has just been approved, takes effect: the
 * request is DECIDED with its outcome and the clock stops; accepted work becomes tasks;
 * the decision notice goes out. With nothing left to do (a refusal, an answer, no data
 * held) the request closes at once. `r` must be the request as loaded at `r.version`.
 */
export async function takeEffect(tx: Tx, actor: Actor, r: Request, decision: Decision, now: Date): Promise<number> {
  let version = await updateRequestVersioned(tx, r, {
    status: "DECIDED",
    decidedAt: now,
    outcome: decision.outcome,
    ...stoppedClock(r, now),
  });
  await writeAuditEvent(tx, {
    actor,
    action: "request.decided",
    entity: "Request",
    entityId: r.id,
    requestId: r.id,
    data: { decisionId: decision.id, outcome: decision.outcome, approval: decision.approval },
  });
  await createTasksForDecision(tx, actor, r, decision);
  await issueNotice(
    tx,
    actor,
    {
      requestId: r.id,
      kind: decision.outcome === "ALTERNATIVE_MEASURE" ? "ALTERNATIVE_MEASURE" : "DECISION",
      decisionId: decision.id,
    },
    now,
  );
  version = (await closeIfComplete(tx, actor, r.id, now)) ?? version;
  return version;
}
