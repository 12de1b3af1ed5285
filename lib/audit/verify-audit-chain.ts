import type { Db } from "@/lib/server/db";
import { auditHash, GENESIS_HASH } from "./audit-hash";

export type AuditChainReport =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenSeq: bigint; reason: "hash_mismatch" | "link_mismatch" };

/** Walks the whole chain in order and names the first entry that does not hold. */
export async function verifyAuditChain(db: Db, batchSize = 1000): Promise<AuditChainReport> {
  let prevHash = GENESIS_HASH;
  let after: bigint | undefined;
  let checked = 0;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: after === undefined ? {} : { seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      if (row.prevHash !== prevHash) return { ok: false, checked, brokenSeq: row.seq, reason: "link_mismatch" };
      if (auditHash(row) !== row.hash) return { ok: false, checked, brokenSeq: row.seq, reason: "hash_mismatch" };
      prevHash = row.hash;
      checked++;
    }
    after = rows[rows.length - 1]?.seq;
  }
}
