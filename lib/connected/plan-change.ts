import { z } from "zod";
import type { ChangePlanKind } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { idSchema } from "@/lib/requests/shared-schemas";
import {
  isConnectedSystemError,
  planCorrection,
  planErasure,
  type Collection,
  type CorrectionPlan,
  type ErasurePlan,
} from "./engine";
import { loadConnection } from "./connection";
import { openJson, sealJson } from "./sealed-json";
import { summariseCorrection, summariseErasure, type PlanSummary } from "./plan-summary";

const rowKeySchema = z.record(z.string().max(128), z.union([z.string().max(500), z.number()]));

export const planChangeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("ERASURE"), requestId: idSchema, systemId: idSchema }),
  z.object({
    kind: z.literal("CORRECTION"),
    requestId: idSchema,
    systemId: idSchema,
    table: z.string().trim().min(1).max(128),
    column: z.string().trim().min(1).max(128),
    rowKeys: z.array(rowKeySchema).min(1, { message: "connected.errors.rowsRequired" }).max(1000),
    /** Empty: set the field to nothing (an Art 7 deletion of one field). */
    newValue: z.string().max(2000, { message: "errors.tooLong" }),
  }),
]);
export type PlanChangeInput = z.input<typeof planChangeSchema>;

const state = (key: string) => new AppError("INVALID_STATE", key, { _form: [key] });

/** "READ_ONLY_VIOLATION" → "readOnlyViolation": message keys hold letters and dots only. */
export const engineErrorKey = (code: string) =>
  `connected.engineError.${code.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())}`;

/** A system's failure while planning, as a form error naming the kind of failure (never the driver's text). */
function planFailure(e: unknown): AppError {
  const code = isConnectedSystemError(e) ? e.code : "ERROR";
  return new AppError("UNAVAILABLE", `connected ${code}`, { _form: [engineErrorKey(code)] });
}

/**
 * The dry run: reads what a correction, erasure or suspension would change in one connected
 * system (before/after for every row; counts per table) and keeps it, sealed, for the
 * officer. Only for a request whose decision made a task for that system, and only from a
 * collection (the rows are exactly the person's). A new dry run replaces one not yet run.
 */
export async function planChange(opts: {
  actor: Actor | null;
  input: PlanChangeInput;
}): Promise<{ planId: string; summary: PlanSummary }> {
  const { actor } = opts;
  assertPermission(actor, "work:task");
  const q = parseInput(planChangeSchema, opts.input, "change plan");
  const r = await prisma.request.findUnique({ where: { id: q.requestId }, select: { id: true, status: true } });
  if (!r) throw new AppError("NOT_FOUND", "request");
  if (r.status !== "DECIDED") throw state("console.state.notDecided");
  const task = await prisma.task.findFirst({
    where: { requestId: r.id, systemId: q.systemId, status: { in: ["OPEN", "FAILED"] }, action: { not: "COLLECT" } },
    orderBy: { createdAt: "desc" },
  });
  if (!task) throw state("connected.state.noOpenTask");
  const kind: ChangePlanKind =
    task.action === "CORRECT" || task.action === "ADD"
      ? "CORRECTION"
      : task.action === "SUSPEND_USE"
        ? "SUSPENSION"
        : "ERASURE";
  if ((q.kind === "CORRECTION") !== (kind === "CORRECTION")) throw state("connected.state.wrongPlanKind");
  if (task.action !== "DELETE" && task.action !== "SUSPEND_USE" && kind !== "CORRECTION")
    throw state("connected.state.wrongPlanKind");
  const collection = await prisma.collection.findFirst({
    where: { requestId: r.id, systemId: q.systemId, status: "DONE", superseded: false },
    orderBy: { createdAt: "desc" },
  });
  if (!collection?.resultSealed) throw state("connected.state.nothingCollected");
  const conn = await loadConnection(prisma, q.systemId);

  let plan: CorrectionPlan | ErasurePlan;
  let summary: PlanSummary;
  try {
    if (q.kind === "CORRECTION") {
      // Staff pick rows from the collection: a key the collection does not hold is not the person's.
      const held = openJson<Collection>(collection.resultSealed).tables.find((t) => t.table === q.table);
      const keys = new Set(held?.rows.map((row) => JSON.stringify(row.key)) ?? []);
      if (!held || !q.rowKeys.every((k) => keys.has(JSON.stringify(k))))
        throw new AppError("INVALID_INPUT", "row", { _form: ["connected.errors.rowUnknown"] });
      const p = await planCorrection(conn.read, conn.map, {
        table: q.table,
        column: q.column,
        rowKeys: q.rowKeys,
        newValue: q.newValue === "" ? null : q.newValue,
      });
      plan = p;
      summary = summariseCorrection(p);
    } else {
      const p = await planErasure(conn.read, conn.map, openJson<Collection>(collection.resultSealed), {
        mode: kind === "SUSPENSION" ? "suspend" : "erase",
      });
      plan = p;
      summary = summariseErasure(p);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw planFailure(e);
  }
  const { sealed, sha256 } = sealJson(plan);
  return prisma.$transaction(async (tx) => {
    const replaced = await tx.changePlan.updateMany({
      where: { requestId: r.id, systemId: q.systemId, state: { in: ["PENDING_APPROVAL", "APPROVED"] } },
      data: { state: "CANCELLED" },
    });
    const row = await tx.changePlan.create({
      data: {
        requestId: r.id,
        systemId: q.systemId,
        taskId: task.id,
        kind,
        planSealed: sealed,
        summary,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await writeAuditEvent(tx, {
      actor,
      action: "connected.change_planned",
      entity: "ChangePlan",
      entityId: row.id,
      requestId: r.id,
      data: { systemId: q.systemId, taskId: task.id, kind, sha256, replaced: replaced.count, ...summary },
    });
    return { planId: row.id, summary };
  });
}
