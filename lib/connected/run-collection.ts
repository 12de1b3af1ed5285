import type { PrismaClient } from "@/lib/generated/prisma/client";
import { systemActor } from "@/lib/audit/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { collect, isConnectedSystemError, type Collection } from "./engine";
import { identityOf, loadConnection } from "./connection";
import { sealJson } from "./sealed-json";

const actor = systemActor("connected.collect");

type Failure = { code: string; reason: string };

function failureOf(e: unknown): Failure {
  // Only the engine's sentences are safe to keep: a driver's own message can name the host and user.
  if (isConnectedSystemError(e)) return { code: e.code, reason: e.message };
  return { code: "ERROR", reason: "The collection failed for a reason the connection did not report." };
}

/**
 * Reads one system for one request (the job's work). Success: the rows are sealed, the counts
 * and the identity kinds that matched are kept, and earlier collections of that system are
 * superseded (their exclusions carried over where the row is still there). Failure (down,
 * timeout, schema changed…): the reason is kept and a by-hand COLLECT task takes over, so a
 * system never silently looks empty. Never throws: the job row must not hold a driver message.
 */
export async function runCollection(db: PrismaClient, collectionId: string): Promise<"DONE" | "FAILED" | "SKIPPED"> {
  const claimed = await db.collection.updateMany({
    where: { id: collectionId, status: "PENDING" },
    data: { status: "RUNNING", startedAt: new Date() },
  });
  if (claimed.count === 0) return "SKIPPED";
  const c = await db.collection.findUniqueOrThrow({
    where: { id: collectionId },
    include: { request: true, system: true },
  });
  let result: Collection | null = null;
  let failure: Failure | null = null;
  try {
    const conn = await loadConnection(db, c.systemId);
    result = await collect(conn.read, conn.map, identityOf(c.request));
  } catch (e) {
    failure = failureOf(e);
  }
  const finishedAt = new Date();
  if (result) {
    const done = result;
    const { sealed, sha256 } = sealJson(done);
    const rowCount = done.tables.reduce((n, t) => n + t.rows.length, 0);
    await db.$transaction(async (tx) => {
      const previous = await tx.collection.findMany({
        where: { requestId: c.requestId, systemId: c.systemId, status: "DONE", superseded: false },
        include: { exclusions: true },
      });
      await tx.collection.updateMany({ where: { id: { in: previous.map((p) => p.id) } }, data: { superseded: true } });
      const keys = new Set(done.tables.flatMap((t) => t.rows.map((row) => `${t.table}|${JSON.stringify(row.key)}`)));
      const carried = previous
        .flatMap((p) => p.exclusions)
        .filter((x) => keys.has(`${x.table}|${JSON.stringify(x.rowKey)}`));
      for (const x of carried) {
        await tx.collectionExclusion.create({
          data: {
            collectionId: c.id,
            table: x.table,
            rowKey: x.rowKey ?? {},
            column: x.column,
            ground: x.ground,
            createdById: x.createdById,
          },
        });
      }
      await tx.collection.update({
        where: { id: c.id },
        data: {
          status: "DONE",
          resultSealed: sealed,
          resultSha256: sha256,
          matchedBy: done.matchedBy,
          tableCount: done.tables.filter((t) => t.rows.length > 0).length,
          rowCount,
          truncated: done.tables.some((t) => t.truncated),
          finishedAt,
        },
      });
      await writeAuditEvent(tx, {
        actor,
        action: "connected.collected",
        entity: "Collection",
        entityId: c.id,
        requestId: c.requestId,
        data: {
          systemId: c.systemId,
          matchedBy: done.matchedBy,
          sha256,
          tables: done.tables.map((t) => ({
            table: t.table,
            rows: t.rows.length,
            truncated: t.truncated,
            columns: t.columns.map((col) => col.name),
          })),
        },
      });
    });
    return "DONE";
  }
  const f = failure ?? { code: "ERROR", reason: "No result." };
  await db.$transaction(async (tx) => {
    const task = await tx.task.create({
      data: {
        requestId: c.requestId,
        systemId: c.systemId,
        action: "COLLECT",
        categories: c.system.categories,
        instructions: `COLLECT [${c.system.categories.join(", ")}]\n${f.code}: ${f.reason}`,
      },
      select: { id: true },
    });
    await tx.collection.update({
      where: { id: c.id },
      data: { status: "FAILED", failureCode: f.code, failureReason: f.reason, fallbackTaskId: task.id, finishedAt },
    });
    await writeAuditEvent(tx, {
      actor,
      action: "connected.collection_failed",
      entity: "Collection",
      entityId: c.id,
      requestId: c.requestId,
      data: { systemId: c.systemId, code: f.code, fallbackTaskId: task.id },
    });
    await writeAuditEvent(tx, {
      actor,
      action: "task.created",
      entity: "Task",
      entityId: task.id,
      requestId: c.requestId,
      data: { systemId: c.systemId, action: "COLLECT", categories: c.system.categories, reason: f.code },
    });
  });
  return "FAILED";
}
