import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { idSchema } from "@/lib/requests/shared-schemas";
import { closeIfComplete } from "@/lib/tasks/close-request";
import {
  applyCorrection,
  applyErasure,
  isConnectedSystemError,
  type ChangeResult,
  type CorrectionPlan,
  type ErasurePlan,
} from "./engine";
import { hashKeyFor, loadConnection } from "./connection";
import { openJson } from "./sealed-json";

export const changePlanRefSchema = z.object({ planId: idSchema });
type PlanRef = z.input<typeof changePlanRefSchema>;

const state = (key: string) => new AppError("INVALID_STATE", key, { _form: [key] });

/**
 * An officer approves a dry run (Art 7, Art 8: nothing changes in a company system
 * without it). Four eyes: not the person who planned it.
 */
export async function approveChangePlan(opts: { actor: Actor | null; input: PlanRef; now?: Date }): Promise<void> {
  const { actor } = opts;
  assertPermission(actor, "approve:decision");
  const q = parseInput(changePlanRefSchema, opts.input, "approve plan");
  await prisma.$transaction(async (tx) => {
    const p = await tx.changePlan.findUnique({ where: { id: q.planId } });
    if (!p) throw new AppError("NOT_FOUND", "plan");
    if (p.state !== "PENDING_APPROVAL") throw state("connected.state.planNotPending");
    if (p.createdById === actor.id)
      throw new AppError("FORBIDDEN", "own plan", { _form: ["console.state.ownDecision"] });
    await tx.changePlan.update({
      where: { id: p.id },
      data: { state: "APPROVED", approvedById: actor.id, approvedAt: opts.now ?? new Date() },
    });
    await writeAuditEvent(tx, {
      actor,
      action: "connected.change_approved",
      entity: "ChangePlan",
      entityId: p.id,
      requestId: p.requestId,
      data: { systemId: p.systemId, kind: p.kind, plannedBy: p.createdById },
    });
  });
}

export type ExecuteResult = {
  state: "EXECUTED" | "FAILED";
  verified: boolean;
  rowsChanged: number;
  requestClosed: boolean;
};

/**
 * Runs an approved plan with the system's write role: one transaction in the target, rows
 * guarded by their planned before-values, re-read afterwards. Success closes the system's
 * task (and the request when nothing else is open). Failure changes nothing in the target
 * (the engine rolls back), keeps the reason, and leaves the task open for a person.
 */
export async function executeChangePlan(opts: {
  actor: Actor | null;
  input: PlanRef;
  now?: Date;
}): Promise<ExecuteResult> {
  const { actor } = opts;
  assertPermission(actor, "work:task");
  const q = parseInput(changePlanRefSchema, opts.input, "execute plan");
  const now = opts.now ?? new Date();
  // Claim first, so two clicks never run the same plan twice.
  const claimed = await prisma.changePlan.updateMany({
    where: { id: q.planId, state: "APPROVED", executedAt: null },
    data: { executedAt: now, executedById: actor.id },
  });
  if (claimed.count === 0) {
    if (!(await prisma.changePlan.count({ where: { id: q.planId } }))) throw new AppError("NOT_FOUND", "plan");
    throw state("connected.state.planNotApproved");
  }
  const p = await prisma.changePlan.findUniqueOrThrow({ where: { id: q.planId } });
  let result: ChangeResult | null = null;
  let failure: { code: string; reason: string } | null = null;
  try {
    const conn = await loadConnection(prisma, p.systemId);
    if (!conn.write) throw state("connected.state.noWriteUrl");
    const options = { hashKey: hashKeyFor(p.systemId) };
    result =
      p.kind === "CORRECTION"
        ? await applyCorrection(conn.write, conn.map, openJson<CorrectionPlan>(p.planSealed), options)
        : await applyErasure(conn.write, conn.map, openJson<ErasurePlan>(p.planSealed), options);
  } catch (e) {
    failure = isConnectedSystemError(e)
      ? { code: e.code, reason: e.message }
      : e instanceof AppError
        ? { code: "NO_WRITE_ROLE", reason: "No write role is configured for this system." }
        : { code: "ERROR", reason: "The change failed for a reason the connection did not report." };
  }
  return prisma.$transaction(async (tx) => {
    if (!result) {
      const f = failure ?? { code: "ERROR", reason: "No result." };
      await tx.changePlan.update({
        where: { id: p.id },
        data: { state: "FAILED", failureCode: f.code, failureReason: f.reason },
      });
      await writeAuditEvent(tx, {
        actor,
        action: "connected.change_failed",
        entity: "ChangePlan",
        entityId: p.id,
        requestId: p.requestId,
        data: { systemId: p.systemId, kind: p.kind, code: f.code },
      });
      return { state: "FAILED", verified: false, rowsChanged: 0, requestClosed: false };
    }
    const rowsChanged = result.tables.reduce((n, t) => n + t.rowsChanged, 0);
    await tx.changePlan.update({
      where: { id: p.id },
      data: { state: "EXECUTED", result: result as unknown as Prisma.InputJsonValue, verified: result.verified },
    });
    // Column names and hashes only (the engine hashes with the system's key), never values.
    await writeAuditEvent(tx, {
      actor,
      action: "connected.change_executed",
      entity: "ChangePlan",
      entityId: p.id,
      requestId: p.requestId,
      data: { systemId: p.systemId, kind: p.kind, verified: result.verified, tables: result.tables },
    });
    let requestClosed = false;
    if (p.taskId && result.verified) {
      const task = await tx.task.findUniqueOrThrow({ where: { id: p.taskId } });
      if (task.status === "OPEN" || task.status === "FAILED") {
        const note = `${p.kind}: ${result.tables.map((t) => `${t.table} ${t.rowsChanged}`).join(", ")} (verified)`;
        await tx.task.update({
          where: { id: task.id },
          data: {
            status: "DONE",
            resultNote: note,
            completedById: actor.id,
            completedAt: now,
            version: { increment: 1 },
          },
        });
        await writeAuditEvent(tx, {
          actor,
          action: "task.completed",
          entity: "Task",
          entityId: task.id,
          requestId: p.requestId,
          data: { status: "DONE", from: task.status, systemId: p.systemId, changePlanId: p.id },
        });
        requestClosed = (await closeIfComplete(tx, actor, p.requestId, now)) !== null;
      }
    }
    return { state: "EXECUTED", verified: result.verified, rowsChanged, requestClosed };
  });
}
