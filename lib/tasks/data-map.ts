import { z } from "zod";
import { TaskHandling } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { idSchema } from "@/lib/requests/shared-schemas";

// The data map: which internal system holds which Art 2.1 categories. Tasks are made
// from it, so admins keep it current; a system is deactivated, never deleted, because
// past tasks point at it.

export const upsertSystemOfRecordSchema = z.object({
  id: idSchema.optional(),
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,40}$/, { message: "console.errors.systemKey" }),
  nameJa: z.string().trim().min(1, { message: "errors.required" }).max(120),
  nameEn: z.string().trim().min(1, { message: "errors.required" }).max(120),
  owner: z.string().trim().min(1, { message: "errors.required" }).max(120),
  categories: z.array(z.number().int().min(1).max(11)).min(1, { message: "console.errors.categoriesRequired" }).max(11),
  handling: z.enum(TaskHandling).default("MANUAL"),
  webhookUrl: z.url().max(500).optional(),
});
export type UpsertSystemOfRecordInput = z.input<typeof upsertSystemOfRecordSchema>;

export async function upsertSystemOfRecord(opts: {
  actor: Actor | null;
  input: UpsertSystemOfRecordInput;
}): Promise<{ id: string }> {
  const { actor } = opts;
  assertPermission(actor, "manage:data-map");
  const q = parseInput(upsertSystemOfRecordSchema, opts.input, "system of record");
  const categories = [...new Set(q.categories)].sort((a, b) => a - b);
  return prisma.$transaction(async (tx) => {
    const clash = await tx.systemOfRecord.findUnique({ where: { key: q.key }, select: { id: true } });
    if (clash && clash.id !== q.id) throw new AppError("CONFLICT", "key", { key: ["console.errors.systemKeyTaken"] });
    const data = {
      key: q.key,
      nameJa: q.nameJa,
      nameEn: q.nameEn,
      owner: q.owner,
      categories,
      handling: q.handling,
      webhookUrl: q.webhookUrl ?? null,
    };
    let id: string;
    if (q.id) {
      const before = await tx.systemOfRecord.findUnique({ where: { id: q.id } });
      if (!before) throw new AppError("NOT_FOUND", "system");
      await tx.systemOfRecord.update({ where: { id: q.id }, data });
      id = q.id;
      await writeAuditEvent(tx, {
        actor,
        action: "data_map.system_updated",
        entity: "SystemOfRecord",
        entityId: id,
        data: { key: q.key, categories, from: before.categories },
      });
    } else {
      id = (await tx.systemOfRecord.create({ data, select: { id: true } })).id;
      await writeAuditEvent(tx, {
        actor,
        action: "data_map.system_added",
        entity: "SystemOfRecord",
        entityId: id,
        data: { key: q.key, categories },
      });
    }
    return { id };
  });
}

export const setSystemActiveSchema = z.object({ id: idSchema, active: z.boolean() });
export type SetSystemActiveInput = z.input<typeof setSystemActiveSchema>;

/** Deactivates (or reactivates) a system: no new tasks go to an inactive one. */
export async function setSystemOfRecordActive(opts: {
  actor: Actor | null;
  input: SetSystemActiveInput;
}): Promise<{ id: string }> {
  const { actor } = opts;
  assertPermission(actor, "manage:data-map");
  const q = parseInput(setSystemActiveSchema, opts.input, "system active");
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.systemOfRecord.updateMany({ where: { id: q.id }, data: { active: q.active } });
    if (count === 0) throw new AppError("NOT_FOUND", "system");
    await writeAuditEvent(tx, {
      actor,
      action: q.active ? "data_map.system_reactivated" : "data_map.system_deactivated",
      entity: "SystemOfRecord",
      entityId: q.id,
    });
    return { id: q.id };
  });
}

export async function deactivateSystemOfRecord(opts: {
  actor: Actor | null;
  input: { id: string };
}): Promise<{ id: string }> {
  return setSystemOfRecordActive({ actor: opts.actor, input: { id: opts.input.id, active: false } });
}

/** The data map for the admin editor and for picking the matched system in identity checks. */
export async function listSystemsOfRecord(opts: { actor: Actor | null; input?: { includeInactive?: boolean } }) {
  assertPermission(opts.actor, "read:request");
  return prisma.systemOfRecord.findMany({
    where: opts.input?.includeInactive ? {} : { active: true },
    orderBy: { key: "asc" },
    select: {
      id: true,
      key: true,
      nameJa: true,
      nameEn: true,
      owner: true,
      categories: true,
      handling: true,
      active: true,
    },
  });
}
