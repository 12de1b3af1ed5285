import { z } from "zod";
import type { Tx } from "@/lib/server/db";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { idSchema } from "@/lib/requests/shared-schemas";
import { ART_6_1_GROUNDS } from "@/lib/decisions/decision-schemas";
import type { Collection } from "./engine";
import { openJson } from "./sealed-json";

const rowKeySchema = z.record(z.string().max(128), z.union([z.string().max(500), z.number()]));

export const addExclusionSchema = z.object({
  collectionId: idSchema,
  table: z.string().trim().min(1).max(128),
  rowKey: rowKeySchema,
  /** Absent: the whole row is withheld. */
  column: z.string().trim().min(1).max(128).optional(),
  // Art 6.1 (2)–(4); (1) is a failed identity check, which ends the request instead.
  ground: z
    .enum(ART_6_1_GROUNDS)
    .refine((g) => g !== "IDENTITY_UNCONFIRMED", { message: "connected.errors.groundIdentity" }),
});
export type AddExclusionInput = z.input<typeof addExclusionSchema>;

export const removeExclusionSchema = z.object({ exclusionId: idSchema });

const state = (key: string) => new AppError("INVALID_STATE", key, { _form: [key] });

/** Exclusions feed the decision; once one is recorded (or waits for the officer) they are fixed. */
async function assertEditable(tx: Tx, requestId: string): Promise<void> {
  const r = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true } });
  if (r.status !== "RECEIVED" && r.status !== "IN_PROGRESS" && r.status !== "WAITING_FOR_REQUESTER")
    throw state("connected.state.exclusionsFixed");
  if (await tx.decision.count({ where: { requestId, approval: "PENDING", superseded: false } }))
    throw state("connected.state.exclusionsFixed");
}

/** Withholds a collected row or field from the disclosure on an Art 6.1 ground. */
export async function addExclusion(opts: { actor: Actor | null; input: AddExclusionInput }): Promise<{ id: string }> {
  const { actor } = opts;
  assertPermission(actor, "decide:request");
  const q = parseInput(addExclusionSchema, opts.input, "exclusion");
  return prisma.$transaction(async (tx) => {
    const c = await tx.collection.findUnique({ where: { id: q.collectionId } });
    if (!c || c.superseded || c.status !== "DONE" || !c.resultSealed) throw new AppError("NOT_FOUND", "collection");
    await assertEditable(tx, c.requestId);
    // The row and column must be ones this collection holds: nothing is excluded blind.
    const table = openJson<Collection>(c.resultSealed).tables.find((t) => t.table === q.table);
    const keyText = JSON.stringify(q.rowKey);
    if (!table || !table.rows.some((r) => JSON.stringify(r.key) === keyText))
      throw new AppError("INVALID_INPUT", "row", { _form: ["connected.errors.rowUnknown"] });
    if (q.column && !table.columns.some((col) => col.name === q.column))
      throw new AppError("INVALID_INPUT", "column", { _form: ["connected.errors.rowUnknown"] });
    const existing = await tx.collectionExclusion.findMany({ where: { collectionId: c.id, table: q.table } });
    if (
      existing.some(
        (x) => JSON.stringify(x.rowKey) === keyText && (x.column === null || x.column === (q.column ?? null)),
      )
    )
      throw state("connected.state.alreadyExcluded");
    const x = await tx.collectionExclusion.create({
      data: {
        collectionId: c.id,
        table: q.table,
        rowKey: q.rowKey,
        column: q.column ?? null,
        ground: q.ground,
        createdById: actor.id,
      },
      select: { id: true },
    });
    await writeAuditEvent(tx, {
      actor,
      action: "connected.exclusion_added",
      entity: "Collection",
      entityId: c.id,
      requestId: c.requestId,
      data: { systemId: c.systemId, table: q.table, column: q.column ?? null, wholeRow: !q.column, ground: q.ground },
    });
    return { id: x.id };
  });
}

export async function removeExclusion(opts: {
  actor: Actor | null;
  input: z.input<typeof removeExclusionSchema>;
}): Promise<void> {
  const { actor } = opts;
  assertPermission(actor, "decide:request");
  const q = parseInput(removeExclusionSchema, opts.input, "exclusion");
  await prisma.$transaction(async (tx) => {
    const x = await tx.collectionExclusion.findUnique({
      where: { id: q.exclusionId },
      include: { collection: { select: { requestId: true, systemId: true } } },
    });
    if (!x) throw new AppError("NOT_FOUND", "exclusion");
    await assertEditable(tx, x.collection.requestId);
    await tx.collectionExclusion.delete({ where: { id: x.id } });
    await writeAuditEvent(tx, {
      actor,
      action: "connected.exclusion_removed",
      entity: "Collection",
      entityId: x.collectionId,
      requestId: x.collection.requestId,
      data: { systemId: x.collection.systemId, table: x.table, column: x.column, ground: x.ground },
    });
  });
}
