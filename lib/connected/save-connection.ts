import { z } from "zod";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { sealString } from "@/lib/server/crypto";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { idSchema } from "@/lib/requests/shared-schemas";
import { describeTarget } from "./connection";

// A URL must be of the dialect's kind; the embedded demo target ("pglite:") is PostgreSQL.
const schemes = { postgres: ["postgres:", "postgresql:", "pglite:"], mysql: ["mysql:", "mariadb:"] } as const;

const url = z.string().trim().max(1000, { message: "errors.tooLong" }).optional();

export const saveConnectionSchema = z
  .object({
    systemId: idSchema,
    dialect: z.enum(["postgres", "mysql"]),
    /** Empty keeps the sealed URL already saved: the secret is write-only. */
    readUrl: url,
    writeUrl: url,
    clearWriteUrl: z.boolean().default(false),
  })
  .superRefine((q, ctx) => {
    for (const field of ["readUrl", "writeUrl"] as const) {
      const v = q[field];
      if (!v) continue;
      const ok =
        (schemes[q.dialect] as readonly string[]).some((s) => v.startsWith(s)) &&
        (v.startsWith("pglite:") || URL.canParse(v));
      // The message key only: the value itself is never echoed back.
      if (!ok) ctx.addIssue({ code: "custom", path: [field], message: "connected.errors.urlInvalid" });
    }
  });
export type SaveConnectionInput = z.input<typeof saveConnectionSchema>;

/**
 * Admins connect a data-map system to its database. The URLs (credentials included) are
 * sealed with the app's key and never shown again; the audit records only which ones changed.
 */
export async function saveConnection(opts: {
  actor: Actor | null;
  input: SaveConnectionInput;
}): Promise<{ systemId: string }> {
  const { actor } = opts;
  assertPermission(actor, "manage:data-map");
  const q = parseInput(saveConnectionSchema, opts.input, "connection");
  return prisma.$transaction(async (tx) => {
    const system = await tx.systemOfRecord.findUnique({ where: { id: q.systemId }, select: { id: true } });
    if (!system) throw new AppError("NOT_FOUND", "system");
    const before = await tx.connectedSystem.findUnique({ where: { systemId: q.systemId } });
    if (!before?.readUrlSealed && !q.readUrl)
      throw new AppError("INVALID_INPUT", "read url required", { readUrl: ["errors.required"] });
    const data = {
      dialect: q.dialect,
      ...(q.readUrl ? { readUrlSealed: sealString(q.readUrl), target: describeTarget(q.readUrl) } : {}),
      ...(q.writeUrl ? { writeUrlSealed: sealString(q.writeUrl) } : q.clearWriteUrl ? { writeUrlSealed: null } : {}),
    };
    await tx.connectedSystem.upsert({
      where: { systemId: q.systemId },
      create: { systemId: q.systemId, ...data },
      update: data,
    });
    await tx.systemOfRecord.update({ where: { id: q.systemId }, data: { handling: "CONNECTED" } });
    await writeAuditEvent(tx, {
      actor,
      action: "connected.connection_saved",
      entity: "SystemOfRecord",
      entityId: q.systemId,
      data: {
        dialect: q.dialect,
        readUrlChanged: Boolean(q.readUrl),
        writeUrlChanged: Boolean(q.writeUrl),
        writeUrlCleared: !q.writeUrl && q.clearWriteUrl,
      },
    });
    return { systemId: q.systemId };
  });
}
