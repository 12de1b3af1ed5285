import type { Tx } from "@/lib/server/db";
import { actorId, type Actor } from "./actor";
import { auditHash, GENESIS_HASH, type AuditData } from "./audit-hash";

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
const AUDIT_CHAIN_LOCK = 7_140_301;

/**
 * Appends one entry to the hash chain inside the caller's transaction, so the entry
 * exists exactly when the change it records does. The advisory lock serialises writers
 * across app servers; it is released when the transaction ends.
 */
export async function writeAuditEvent(tx: Tx, input: AuditEventInput): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const fields = {
    prevHash: last?.hash ?? GENESIS_HASH,
    at: new Date(),
    actorType: input.actor.type,
    actorId: actorId(input.actor),
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    requestId: input.requestId ?? null,
    data: input.data ?? {},
  };
  await tx.auditEvent.create({ data: { ...fields, hash: auditHash(fields) } });
}
