import type { ApprovalState, RequestStatus } from "@/lib/generated/prisma/enums";
import type { Request } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { loadForChange, updateRequestVersioned } from "@/lib/requests/versioned-update";
import { isOpen, needsIdentity } from "@/lib/requests/request-states";
import { resumedClock } from "@/lib/requests/clock-changes";
import {
  decideRequestSchema,
  decisionDetails,
  OUTCOMES_NEEDING_APPROVAL,
  type DecideRequest,
  type DecideRequestInput,
} from "./decision-schemas";
import { takeEffect } from "./decision-effect";

export { decideRequestSchema, type DecideRequestInput };

const state = (key: string) => new AppError("INVALID_STATE", key, { _form: [key] });

/**
 * Identity rules (docs/design.md §3): a failed check ends in NOT_FULFILLED on ground (1)
 * only; ground (1) needs a failed check; anything else needs a verified identity.
 */
function checkIdentity(r: Request, d: DecideRequest): void {
  if (!needsIdentity(r.type)) return;
  const citesIdentity = d.grounds.some((g) => g.ground === "IDENTITY_UNCONFIRMED");
  if (r.identity === "FAILED") {
    if (d.outcome !== "NOT_FULFILLED" || !citesIdentity) throw state("console.state.identityFailed");
    return;
  }
  if (citesIdentity)
    throw new AppError("INVALID_INPUT", "ground 1 without failed check", {
      grounds: ["console.errors.identityNotFailed"],
    });
  if (r.identity !== "VERIFIED") throw state("console.state.identityNotVerified");
}

export type DecideResult = { decisionId: string; approval: ApprovalState; status: RequestStatus; version: number };

/**
 * Records staff's decision with its grounds. Refusals, partial refusals and alternative
 * measures wait for a privacy officer (PENDING); anything else takes effect at once.
 */
export async function decideRequest(opts: {
  actor: Actor | null;
  input: DecideRequestInput;
  now?: Date;
}): Promise<DecideResult> {
  const { actor } = opts;
  assertPermission(actor, "decide:request");
  const d = parseInput(decideRequestSchema, opts.input, "decision");
  const now = opts.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const ref = { id: d.requestId, version: d.version };
    const r = await loadForChange(tx, ref);
    if (r.type !== d.type) throw new AppError("INVALID_INPUT", "type", { type: ["console.errors.typeMismatch"] });
    if (!isOpen(r.status)) throw state("console.state.requestClosed");
    if (await tx.decision.count({ where: { requestId: r.id, approval: "PENDING", superseded: false } }))
      throw state("console.state.decisionPending");
    checkIdentity(r, d);

    const approval: ApprovalState = OUTCOMES_NEEDING_APPROVAL.includes(d.outcome) ? "PENDING" : "NOT_REQUIRED";
    const decision = await tx.decision.create({
      data: {
        requestId: r.id,
        outcome: d.outcome,
        explanation: d.explanation,
        internalNote: d.internalNote ?? null,
        details: decisionDetails(d) as object,
        decidedById: actor.id,
        approval,
        grounds: { create: d.grounds.map((g) => ({ ground: g.ground, explanation: g.explanation })) },
      },
    });
    await writeAuditEvent(tx, {
      actor,
      action: "decision.recorded",
      entity: "Decision",
      entityId: decision.id,
      requestId: r.id,
      data: { outcome: d.outcome, grounds: d.grounds.map((g) => g.ground), approval },
    });

    if (approval === "PENDING") {
      // Waiting for the officer is the desk's time, not the requester's: a paused clock resumes.
      const clock = r.status === "WAITING_FOR_REQUESTER" ? resumedClock(r, now) : {};
      const version = await updateRequestVersioned(tx, ref, { status: "IN_PROGRESS", ...clock });
      await writeAuditEvent(tx, {
        actor,
        action: "decision.submitted_for_approval",
        entity: "Decision",
        entityId: decision.id,
        requestId: r.id,
        data: { outcome: d.outcome },
      });
      return { decisionId: decision.id, approval, status: "IN_PROGRESS", version };
    }
    const version = await takeEffect(tx, actor, r, decision, now);
    const after = await tx.request.findUniqueOrThrow({ where: { id: r.id }, select: { status: true } });
    return { decisionId: decision.id, approval, status: after.status, version };
  });
}
