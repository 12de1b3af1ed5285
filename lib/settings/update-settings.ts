import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import type { AuditValue } from "@/lib/audit/audit-hash";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { parseInput } from "@/lib/validation";
import { getSetting } from "./get-settings";
import { settingsSchemas, type Settings, type SettingsKey } from "./settings-schema";

/**
 * Saves one settings group (admins only). The audit entry keeps the old and new values
 * of every changed field; operator settings are company data, not personal data.
 * Requests keep what they were filed with (fee amount, target days), so a change here
 * applies to new requests only.
 */
export async function updateSettings<K extends SettingsKey>(opts: {
  actor: Actor | null;
  key: K;
  value: unknown;
}): Promise<Settings[K]> {
  const { actor, key } = opts;
  assertPermission(actor, "manage:settings");
  const value = parseInput(settingsSchemas[key], opts.value, `settings.${key}`) as Settings[K];
  return prisma.$transaction(async (tx) => {
    const old = await getSetting(tx, key);
    const changes = diff(old as Record<string, unknown>, value as Record<string, unknown>);
    if (Object.keys(changes).length === 0) return value;
    await tx.setting.upsert({
      where: { key },
      create: { key, value: value as Prisma.InputJsonValue, updatedById: actor.id },
      update: { value: value as Prisma.InputJsonValue, updatedById: actor.id },
    });
    await writeAuditEvent(tx, {
      actor,
      action: "settings.updated",
      entity: "Setting",
      entityId: key,
      data: { changes },
    });
    return value;
  });
}

function diff(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, AuditValue> {
  const out: Record<string, AuditValue> = {};
  for (const field of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = JSON.stringify(before[field] ?? null);
    const b = JSON.stringify(after[field] ?? null);
    if (a !== b) out[field] = { old: JSON.parse(a) as AuditValue, new: JSON.parse(b) as AuditValue };
  }
  return out;
}
