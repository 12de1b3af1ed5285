import { sha256Hex } from "@/lib/server/crypto";

/** Values allowed in audit data: ids, states, amounts, field names — never personal data. */
export type AuditValue = string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue };
export type AuditData = { [key: string]: AuditValue };

export const GENESIS_HASH = "0".repeat(64);

/** JSON with sorted keys, so the hash does not depend on how jsonb orders them. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export type HashedFields = {
  prevHash: string;
  at: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  requestId: string | null;
  data: unknown;
};

export function auditHash(f: HashedFields): string {
  return sha256Hex(
    canonicalJson({
      prevHash: f.prevHash,
      at: f.at.toISOString(),
      actorType: f.actorType,
      actorId: f.actorId,
      action: f.action,
      entity: f.entity,
      entityId: f.entityId,
      requestId: f.requestId,
      data: f.data ?? {},
    }),
  );
}
