import type { Tx } from "@/lib/server/db";
import { actorId, type Actor } from "./actor";
import { auditHash, auditHashTemplate, GENESIS_HASH, type AuditData } from "./audit-hash";

export type AuditEventInput = {
  actor: Actor;
  /** verb.noun in the domain's words, e.g. "request.submitted", "fee.waived". */
  action: string;
  entity: string;
  entityId?: string | null;
  requestId?: string | null;
  data?: AuditData;
};

// Any fixed number works; it only has to be the same for every writer of the chain.
export const AUDIT_CHAIN_LOCK = 7_140_301;

/**
 * Appends entries to the hash chain inside the caller's transaction, so each entry exists
 * exactly when the change it records does. The advisory lock serialises writers across app
 * servers; it is released when the transaction ends. Several entries of one change (a
 * submission and its acknowledgement) take the lock and read the chain's head once.
 */
export async function writeAuditEvents(tx: Tx, inputs: AuditEventInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const rows = inputs.map((input) => {
    const fields = {
      prevHash,
      at,
      actorType: input.actor.type,
      actorId: actorId(input.actor),
      action: input.action,
      entity: input.entity,
      entityId: input.entityId ?? null,
      requestId: input.requestId ?? null,
      data: input.data ?? {},
    };
    const row = { ...fields, hash: auditHash(fields) };
    prevHash = row.hash;
    return row;
  });
  // One multi-row INSERT: PostgreSQL assigns the serial seq in row order, which is chain order.
  await tx.auditEvent.createMany({ data: rows });
}

/** Appends one entry to the hash chain inside the caller's transaction (see writeAuditEvents). */
export async function writeAuditEvent(tx: Tx, input: AuditEventInput): Promise<void> {
  await writeAuditEvents(tx, [input]);
}

/**
 * An entry for a writer that appends in SQL (the online filing, ADR 0017): its columns and
 * the canonical JSON its hash covers, with the time and previous hash left for the database.
 */
export function auditRowTemplate(input: AuditEventInput) {
  const fields = {
    actorType: input.actor.type,
    actorId: actorId(input.actor),
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    requestId: input.requestId ?? null,
    data: input.data ?? {},
  };
  return { ...fields, canonical: auditHashTemplate(fields) };
}
