import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { idSchema } from "@/lib/requests/shared-schemas";
import { checkMap, isConnectedSystemError, type MapCheck } from "./engine";
import { loadConnection } from "./connection";

export const checkConnectionSchema = z.object({ systemId: idSchema });

export type ConnectionCheck = { ok: boolean; errorCode: string | null; error: string | null; check: MapCheck | null };

/**
 * "Check connection": introspects the live schema with the read role and marks every mapped
 * table and column found or missing with the database's own type. The result is kept for the
 * data-map page. A connection that fails is a result too (its code and safe sentence).
 */
export async function checkConnection(opts: {
  actor: Actor | null;
  input: z.input<typeof checkConnectionSchema>;
}): Promise<ConnectionCheck> {
  const { actor } = opts;
  assertPermission(actor, "manage:data-map");
  const q = parseInput(checkConnectionSchema, opts.input, "check connection");
  const conn = await loadConnection(prisma, q.systemId);
  let result: ConnectionCheck;
  try {
    const check = await checkMap(conn.read, conn.map);
    result = { ok: check.ok, errorCode: null, error: null, check };
  } catch (e) {
    // Only the engine's own sentences are kept; anything else could carry a driver's text.
    result = isConnectedSystemError(e)
      ? { ok: false, errorCode: e.code, error: e.message, check: null }
      : { ok: false, errorCode: "ERROR", error: "The check failed.", check: null };
  }
  await prisma.$transaction(async (tx) => {
    await tx.connectedSystem.update({
      where: { systemId: q.systemId },
      data: { lastCheck: result as unknown as Prisma.InputJsonValue, lastCheckOk: result.ok, lastCheckAt: new Date() },
    });
    await writeAuditEvent(tx, {
      actor,
      action: "connected.connection_checked",
      entity: "SystemOfRecord",
      entityId: q.systemId,
      data: {
        ok: result.ok,
        errorCode: result.errorCode,
        missing:
          result.check?.tables.flatMap((t) =>
            t.found ? t.columns.filter((c) => !c.found).map((c) => `${t.table}.${c.name}`) : [t.table],
          ) ?? [],
      },
    });
  });
  return result;
}
