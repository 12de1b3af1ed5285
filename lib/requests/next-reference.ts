import { jstDate } from "@/lib/dates";
import type { Tx } from "@/lib/server/db";

/** The JST year a request belongs to: one arriving at 00:30 on 1 January in Tokyo is the new year's. */
export function jstYear(at: Date): number {
  return Number(jstDate(at).slice(0, 4));
}

/** The year's counter value as a reference: DSR-2026-000123. */
export function referenceOf(year: number, last: number): string {
  return `DSR-${year}-${String(last).padStart(6, "0")}`;
}

/**
 * Human reference like DSR-2026-000123: a per-year counter incremented atomically in
 * the caller's transaction, so two servers never hand out the same number. (The online
 * filing bumps the same counter in its own statement, lib/requests/filing-sql.ts.)
 */
export async function nextReference(tx: Tx, at: Date = new Date()): Promise<string> {
  const year = jstYear(at);
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "ReferenceCounter" ("year", "last") VALUES (${year}, 1)
    ON CONFLICT ("year") DO UPDATE SET "last" = "ReferenceCounter"."last" + 1
    RETURNING "last"`;
  return referenceOf(year, rows[0]?.last ?? 1);
}
