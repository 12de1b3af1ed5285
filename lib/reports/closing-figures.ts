import { prisma } from "@/lib/server/db";

export type ClosingFigures = { closed: number; onTime: number; median: number | null; p90: number | null };

/**
 * percentile_cont as PostgreSQL computes it (orderedsetaggs.c): the values at 0-based rows
 * floor(p·(n−1)) and ceil(p·(n−1)) of the sorted set, interpolated in float8. JavaScript's
 * numbers are the same IEEE doubles, so the result is bit for bit the aggregate's.
 */
export function percentileCont(p: number, n: number, at: (row: number) => number): number | null {
  if (n === 0) return null;
  const rank = p * (n - 1);
  const first = Math.floor(rank);
  const second = Math.ceil(rank);
  const lo = at(first);
  if (first === second) return lo;
  return lo + (rank - first) * (at(second) - lo);
}

/**
 * Requests closed (status CLOSED) in the JST months [from, to]: how many, how many on time,
 * and the median and 90th percentile of days to close, exactly as percentile_cont over every
 * such request gives them. The rollup keeps a count per exact days-to-close value (ADR 0024);
 * the four order statistics are found by a running sum over those counts, in SQL.
 */
export async function closingFigures(from: string, to: string): Promise<ClosingFigures> {
  const rows = await prisma.$queryRaw<
    { total: bigint; on_time: bigint; m1: number | null; m2: number | null; q1: number | null; q2: number | null }[]
  >`
    WITH h AS (
      SELECT x, sum(n) AS n, sum(n) FILTER (WHERE k1 = 'onTime') AS on_time FROM "ReportRollup"
      WHERE kind = 'closing' AND month >= ${from} AND month <= ${to} GROUP BY x HAVING sum(n) > 0),
    c AS (SELECT x, sum(n) OVER (ORDER BY x) AS upto FROM h),
    t AS (SELECT coalesce(sum(n), 0)::bigint AS total, coalesce(sum(on_time), 0)::bigint AS on_time FROM h)
    SELECT t.total, t.on_time,
           (SELECT min(x) FROM c WHERE upto > floor(0.5::float8 * (t.total - 1))) AS m1,
           (SELECT min(x) FROM c WHERE upto > ceil(0.5::float8 * (t.total - 1))) AS m2,
           (SELECT min(x) FROM c WHERE upto > floor(0.9::float8 * (t.total - 1))) AS q1,
           (SELECT min(x) FROM c WHERE upto > ceil(0.9::float8 * (t.total - 1))) AS q2
    FROM t`;
  const r = rows[0];
  const n = Number(r?.total ?? 0);
  // Only the rows floor(rank) and ceil(rank) are ever asked for; the query returned both.
  const pick = (a: number | null | undefined, b: number | null | undefined) => (row: number, p: number) =>
    Number(row === Math.floor(p * (n - 1)) ? a : b);
  const m = pick(r?.m1, r?.m2);
  const q = pick(r?.q1, r?.q2);
  return {
    closed: n,
    onTime: Number(r?.on_time ?? 0),
    median: percentileCont(0.5, n, (row) => m(row, 0.5)),
    p90: percentileCont(0.9, n, (row) => q(row, 0.9)),
  };
}
