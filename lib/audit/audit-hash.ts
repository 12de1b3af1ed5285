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
  return sha256Hex(hashedJson({ ...f, at: f.at.toISOString() }));
}

/** What the hash covers: the entry's fields as canonical JSON. */
function hashedJson(f: Omit<HashedFields, "at"> & { at: string }): string {
  return canonicalJson({
    prevHash: f.prevHash,
    at: f.at,
    actorType: f.actorType,
    actorId: f.actorId,
    action: f.action,
    entity: f.entity,
    entityId: f.entityId,
    requestId: f.requestId,
    data: f.data ?? {},
  });
}

export const AT_SLOT = "@@at@@";
export const PREV_HASH_SLOT = "@@prevHash@@";

/**
 * The canonical JSON of an entry whose time and previous hash are filled in by the database
 * (the filing's SQL function, ADR 0017): the same text auditHash hashes, with two slots.
 */
export function auditHashTemplate(f: Omit<HashedFields, "at" | "prevHash">): string {
  const json = hashedJson({ ...f, at: AT_SLOT, prevHash: PREV_HASH_SLOT });
  // A slot's text inside the data would be filled in too, and the hash would not verify.
  if (json.split(AT_SLOT).length !== 2 || json.split(PREV_HASH_SLOT).length !== 2)
    throw new Error("audit data contains a hash template slot");
  return json;
}
