import { jstDate } from "@/lib/dates";
import type { Tx } from "@/lib/server/db";

/**
 * Human reference like DSR-2026-000123: a per-year counter incremented atomically in
 * the caller's transaction, so two servers never hand out the same number.
 */
export async function nextReference(tx: Tx, at: Date = new Date()): Promise<string> {
  // JST year: a request arriving at 00:30 on 1 January in Tokyo belongs to the new year.
  const year = Number(jstDate(at).slice(0, 4));
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "ReferenceCounter" ("year", "last") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "last" = "ReferenceCounter"."last" + 1
    RETURNING "last"`;
  const last = rows[0]?.last ?? 1;
  return `DSR-${year}-${String(last).padStart(6, "0")}`;
}
