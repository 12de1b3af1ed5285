import type { PrismaClient } from "@/lib/generated/prisma/client";
import { storage } from "./storage";

/** An object younger than this may belong to an upload whose row is still being written. */
export const ORPHAN_GRACE_MS = 6 * 60 * 60 * 1000;

/**
 * Removes stored objects that no StoredFile row names: content written before a
 * transaction that then rolled back, or a temporary file left by a crash. Works the same on
 * disk and in a bucket, because it only lists the backend and asks the database.
 */
export async function sweepOrphanFiles(db: PrismaClient, now = new Date(), graceMs = ORPHAN_GRACE_MS): Promise<number> {
  const backend = storage();
  const cutoff = now.getTime() - graceMs;
  let removed = 0;
  let batch: string[] = [];
  const flush = async () => {
    const known = await db.storedFile.findMany({ where: { storageKey: { in: batch } }, select: { storageKey: true } });
    const named = new Set(known.map((k) => k.storageKey));
    for (const key of batch) {
      if (!named.has(key)) {
        await backend.remove(key);
        removed++;
      }
    }
    batch = [];
  };
  for await (const o of backend.list()) {
    if (o.modifiedAt.getTime() >= cutoff) continue;
    batch.push(o.key);
    if (batch.length >= 500) await flush();
  }
  if (batch.length) await flush();
  return removed;
}
