import { z } from "zod";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/server/db";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor, StaffActor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { idSchema, longText, versionSchema } from "@/lib/requests/shared-schemas";
import { loadForChange, updateRequestVersioned } from "@/lib/requests/versioned-update";
import { takeEffect } from "./decision-effect";

export const approveDecisionSchema = z.object({
  decisionId: idSchema,
  /** The request's version the officer reviewed. */
  version: versionSchema,
  comment: z.string().trim().max(2000).optional(),
});
export type ApproveDecisionInput = z.input<typeof approveDecisionSchema>;

export const sendBackDecisionSchema = z.object({
  decisionId: idSchema,
  version: versionSchema,
  comment: longText(2000),
});
export type SendBackDecisionInput = z.input<typeof sendBackDecisionSchema>;

async function pendingDecision(tx: Tx, actor: StaffActor, decisionId: string) {
  const decision = await tx.decision.findUnique({ where: { id: decisionId } });
  if (!decision) throw new AppError("NOT_FOUND", "decision");
  if (decision.approval !== "PENDING" || decision.superseded)
    throw new AppError("INVALID_STATE", "console.state.notPending", { _form: ["console.state.notPending"] });
  // Four eyes: the officer who approves is never the one who decided.
  if (decision.decidedById === actor.id)
    throw new AppError("FORBIDDEN", "own decision", { _form: ["console.state.ownDecision"] });
  return decision;
}

/** A privacy officer approves a refusal or partial refusal; it then takes effect. */
export async function approveDecision(opts: {
  actor: Actor | null;
  input: ApproveDecisionInput;
  now?: Date;
}): Promise<{ version: number; status: RequestStatus }> {
  const { actor } = opts;
  assertPermission(actor, "approve:decision");
  const q = parseInput(approveDecisionSchema, opts.input, "approve decision");
  const now = opts.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const pending = await pendingDecision(tx, actor, q.decisionId);
    const r = await loadForChange(tx, { id: pending.requestId, version: q.version });
    const decision = await tx.decision.update({
      where: { id: pending.id },
      data: { approval: "APPROVED", approvedById: actor.id, approvedAt: now, officerComment: q.comment ?? null },
    });
    await writeAuditEvent(tx, {
      actor,
      action: "decision.approved",
      entity: "Decision",
      entityId: decision.id,
      requestId: r.id,
      data: { outcome: decision.outcome, decidedById: decision.decidedById },
    });
    const version = await takeEffect(tx, actor, r, decision, now);
    const after = await tx.request.findUniqueOrThrow({ where: { id: r.id }, select: { status: true } });
    return { version, status: after.status };
  });
}

/** The officer sends the decision back with a comment; staff decide again. */
export async function sendBackDecision(opts: {
  actor: Actor | null;
  input: SendBackDecisionInput;
  now?: Date;
}): Promise<{ version: number }> {
  const { actor } = opts;
  assertPermission(actor, "approve:decision");
  const q = parseInput(sendBackDecisionSchema, opts.input, "send back decision");
  return prisma.$transaction(async (tx) => {
    const pending = await pendingDecision(tx, actor, q.decisionId);
    const ref = { id: pending.requestId, version: q.version };
    await loadForChange(tx, ref);
    await tx.decision.update({
      where: { id: pending.id },
      data: { approval: "SENT_BACK", superseded: true, officerComment: q.comment },
    });
    const version = await updateRequestVersioned(tx, ref, {});
    await writeAuditEvent(tx, {
      actor,
      action: "decision.sent_back",
      entity: "Decision",
      entityId: pending.id,
      requestId: pending.requestId,
      data: { outcome: pending.outcome },
    });
    return { version };
  });
}
