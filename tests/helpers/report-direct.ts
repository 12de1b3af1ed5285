// The report's and the fee dashboard's figures computed straight from the base tables, as
// lib/reports and lib/fees did before the rollups (ADR 0019, commit 3ee735a): the reference the
// rollups must equal (tests/integration/report-rollups.test.ts). Only the queries are theirs: the
// rows are shaped by lib's own shapeRequestReport and shapeFeeSummary.
import { JST_ZONE as JST, jstMonth, jstMonthRangeSql, monthDayRange } from "@/lib/dates";
import type { PaymentMethod } from "@/lib/generated/prisma/enums";
import { endedStatuses } from "@/lib/requests/request-states";
import { shapeRequestReport, type RequestReport } from "@/lib/reports/request-report";
import { shapeFeeSummary, type FeeSummary, type FeeSummaryRows } from "@/lib/fees/fee-dashboard";
import { prisma } from "@/lib/server/db";

export async function directRequestReport(opts: {
  range: { from: string; to: string };
  now: Date;
}): Promise<RequestReport> {
  const { from, to } = opts.range;
  const now = opts.now;
  const thisMonth = jstMonth(now);
  const thisYear = thisMonth.slice(0, 4);
  // Every range below compares the stored column with JST month bounds, so each query reads
  // its index for the range's rows only; the month a row falls in is formatted after that.
  const r = jstMonthRangeSql(from, to);
  const d = monthDayRange(from, to);
  const mr = jstMonthRangeSql(thisMonth);
  const md = monthDayRange(thisMonth);
  const yr = jstMonthRangeSql(`${thisYear}-01`, `${thisYear}-12`);
  const yd = monthDayRange(`${thisYear}-01`, `${thisYear}-12`);
  const [months, outcomes, grounds, closing, open, fees, refunds, totals] = await Promise.all([
    prisma.$queryRaw<{ month: string; type: string; channel: string; received: bigint; closed: bigint }[]>`
      SELECT month, type, channel, sum(received)::bigint AS received, sum(closed)::bigint AS closed FROM (
        SELECT to_char(("arrivedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${JST}, 'YYYY-MM') AS month, type::text, channel::text,
               1 AS received, 0 AS closed
        FROM "Request" WHERE "arrivedAt" >= ${r.start}::timestamp AND "arrivedAt" < ${r.end}::timestamp
        UNION ALL
        SELECT to_char(("closedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${JST}, 'YYYY-MM'), type::text, channel::text, 0, 1
        FROM "Request" WHERE "closedAt" >= ${r.start}::timestamp AND "closedAt" < ${r.end}::timestamp) x
      GROUP BY month, type, channel ORDER BY month, type, channel`,
    prisma.$queryRaw<{ outcome: string; count: bigint }[]>`
      SELECT outcome::text, count(*) FROM "Request"
      WHERE outcome IS NOT NULL AND "closedAt" >= ${r.start}::timestamp AND "closedAt" < ${r.end}::timestamp
      GROUP BY outcome ORDER BY outcome::text`,
    prisma.$queryRaw<{ ground: string; count: bigint }[]>`
      SELECT g.ground::text, count(*) FROM "DecisionGround" g
      JOIN "Decision" d ON d.id = g."decisionId" AND NOT d.superseded
      JOIN "Request" r ON r.id = d."requestId"
      WHERE r."closedAt" >= ${r.start}::timestamp AND r."closedAt" < ${r.end}::timestamp
      GROUP BY g.ground ORDER BY g.ground::text`,
    prisma.$queryRaw<{ median: number | null; p90: number | null; closed: bigint; on_time: bigint }[]>`
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median,
             percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90,
             count(*) AS closed,
             count(*) FILTER (WHERE on_time) AS on_time
      FROM (SELECT EXTRACT(EPOCH FROM ("closedAt" - "arrivedAt")) / 86400.0 AS days,
                   ("dueAt" IS NULL OR "closedAt" <= "dueAt") AS on_time
            FROM "Request"
            WHERE "closedAt" >= ${r.start}::timestamp AND "closedAt" < ${r.end}::timestamp AND status = 'CLOSED') t`,
    prisma.$queryRaw<{ open: bigint; overdue: bigint; waiting: bigint }[]>`
      SELECT count(*) AS open,
             count(*) FILTER (WHERE "pausedAt" IS NULL AND "dueAt" < ${now}) AS overdue,
             count(*) FILTER (WHERE status = 'WAITING_FOR_REQUESTER') AS waiting
      FROM "Request" WHERE status IN ('RECEIVED', 'IN_PROGRESS', 'WAITING_FOR_REQUESTER', 'DECIDED')`,
    prisma.$queryRaw<{ month: string; method: string; count: bigint; amount: bigint }[]>`
      SELECT to_char("paidOn", 'YYYY-MM') AS month, method::text, count(*), sum(amount) AS amount
      FROM "Payment" WHERE "paidOn" >= ${d.start}::date AND "paidOn" < ${d.end}::date
      GROUP BY 1, 2 ORDER BY 1, 2`,
    prisma.$queryRaw<{ month: string; method: string; amount: bigint }[]>`
      SELECT to_char((r."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${JST}, 'YYYY-MM') AS month, p.method::text, sum(r.amount) AS amount
      FROM "Refund" r JOIN "Payment" p ON p.id = r."paymentId"
      WHERE r."createdAt" >= ${r.start}::timestamp AND r."createdAt" < ${r.end}::timestamp
      GROUP BY 1, 2 ORDER BY 1, 2`,
    prisma.$queryRaw<{ period: string; received: bigint; closed: bigint; paid: bigint; refunded: bigint }[]>`
      SELECT p.period,
        (SELECT count(*) FROM "Request" WHERE "arrivedAt" >= p.s AND "arrivedAt" < p.e) AS received,
        (SELECT count(*) FROM "Request" WHERE "closedAt" >= p.s AND "closedAt" < p.e) AS closed,
        (SELECT coalesce(sum(amount), 0) FROM "Payment" WHERE "paidOn" >= p.ds AND "paidOn" < p.de) AS paid,
        (SELECT coalesce(sum(amount), 0) FROM "Refund" WHERE "createdAt" >= p.s AND "createdAt" < p.e) AS refunded
      FROM (VALUES (${thisMonth}, ${mr.start}::timestamp, ${mr.end}::timestamp, ${md.start}::date, ${md.end}::date),
                   (${thisYear}, ${yr.start}::timestamp, ${yr.end}::timestamp, ${yd.start}::date, ${yd.end}::date))
           AS p(period, s, e, ds, de)`,
  ]);
  // Paid per month and method with the refunds of the same month and method beside them, as the
  // rollup's one query returns them (refunds are of the refunded payment's method).
  const feeRows = new Map<string, { month: string; method: string; count: bigint; amount: bigint; refunded: bigint }>();
  for (const f of fees)
    feeRows.set(`${f.month}|${f.method}`, {
      month: f.month,
      method: f.method,
      count: f.count,
      amount: f.amount,
      refunded: 0n,
    });
  for (const r of refunds) {
    const key = `${r.month}|${r.method}`;
    const row = feeRows.get(key) ?? { month: r.month, method: r.method, count: 0n, amount: 0n, refunded: 0n };
    row.refunded += r.amount;
    feeRows.set(key, row);
  }
  const c = closing[0];
  return shapeRequestReport({
    range: { from, to },
    periods: { thisMonth, thisYear },
    months,
    outcomes,
    grounds,
    closing: {
      median: c?.median ?? null,
      p90: c?.p90 ?? null,
      closed: Number(c?.closed ?? 0),
      onTime: Number(c?.on_time ?? 0),
    },
    now: {
      open: Number(open[0]?.open ?? 0),
      overdue: Number(open[0]?.overdue ?? 0),
      waiting: Number(open[0]?.waiting ?? 0),
    },
    fees: [...feeRows.values()],
    totals,
  });
}

export async function directFeeSummary(opts: { input: { from: string; to: string } }): Promise<FeeSummary> {
  const { from, to } = opts.input;
  // Bounds on the stored columns (JST months), so each query reads only the range's rows
  // through an index instead of formatting every row's date (ADR 0019).
  const range = jstMonthRangeSql(from, to);
  const days = monthDayRange(from, to);
  const [paid, refunded, owed] = await Promise.all([
    prisma.$queryRaw<{ month: string; method: PaymentMethod; count: bigint; amount: bigint }[]>`
      SELECT to_char("paidOn", 'YYYY-MM') AS month, method::text AS method, count(*) AS count, sum(amount) AS amount
      FROM "Payment" WHERE "paidOn" >= ${days.start}::date AND "paidOn" < ${days.end}::date
      GROUP BY 1, 2`,
    prisma.$queryRaw<{ month: string; method: PaymentMethod; count: bigint; amount: bigint }[]>`
      SELECT to_char((f."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${JST}, 'YYYY-MM') AS month, p.method::text AS method, count(*) AS count, sum(f.amount) AS amount
      FROM "Refund" f JOIN "Payment" p ON p.id = f."paymentId"
      WHERE f."createdAt" >= ${range.start}::timestamp AND f."createdAt" < ${range.end}::timestamp
      GROUP BY 1, 2`,
    prisma.$queryRaw<FeeSummaryRows["owed"]>`
      WITH r AS (
        SELECT to_char((q."arrivedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${JST}, 'YYYY-MM') AS month, q.fee::text AS fee, q.status::text AS status,
               greatest(q."feeAmount" - coalesce((SELECT sum(amount) FROM "Payment" WHERE "requestId" = q.id), 0)
                                      + coalesce((SELECT sum(amount) FROM "Refund" WHERE "requestId" = q.id), 0), 0) AS owed
        FROM "Request" q WHERE q.fee IN ('AWAITING_PAYMENT', 'WAIVED')
          AND q."arrivedAt" >= ${range.start}::timestamp AND q."arrivedAt" < ${range.end}::timestamp)
      SELECT month,
             count(*) FILTER (WHERE fee = 'AWAITING_PAYMENT' AND status <> ALL(${[...endedStatuses]})) AS outstanding_count,
             coalesce(sum(owed) FILTER (WHERE fee = 'AWAITING_PAYMENT' AND status <> ALL(${[...endedStatuses]})), 0) AS outstanding_amount,
             count(*) FILTER (WHERE fee = 'WAIVED') AS waived_count,
             coalesce(sum(owed) FILTER (WHERE fee = 'WAIVED'), 0) AS waived_amount
      FROM r GROUP BY month ORDER BY month`,
  ]);
  return shapeFeeSummary({ range: { from, to }, paid, refunded, owed });
}

/** percentile_cont itself over the requests closed in the JST months [from, to]. */
export async function directClosing(from: string, to: string) {
  const r = jstMonthRangeSql(from, to);
  const [row] = await prisma.$queryRaw<
    { median: number | null; p90: number | null; closed: bigint; on_time: bigint }[]
  >`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY days) AS p90,
           count(*) AS closed, count(*) FILTER (WHERE on_time) AS on_time
    FROM (SELECT EXTRACT(EPOCH FROM ("closedAt" - "arrivedAt")) / 86400.0 AS days,
                 ("dueAt" IS NULL OR "closedAt" <= "dueAt") AS on_time
          FROM "Request"
          WHERE "closedAt" >= ${r.start}::timestamp AND "closedAt" < ${r.end}::timestamp AND status = 'CLOSED') t`;
  return {
    closed: Number(row?.closed ?? 0),
    onTime: Number(row?.on_time ?? 0),
    median: row?.median === null || row?.median === undefined ? null : Number(row.median),
    p90: row?.p90 === null || row?.p90 === undefined ? null : Number(row.p90),
  };
}

/** The rollup's non-zero rows, and the same sums recomputed from every request's current rows. */
export async function rollupAgainstRecomputed() {
  const rollup = await prisma.$queryRaw<{ key: string; n: string; amount: string }[]>`
    SELECT concat_ws('|', kind, month, k1, k2, x::text) AS key, n::text, amount::text FROM "ReportRollup"
    WHERE n <> 0 OR amount <> 0 ORDER BY 1`;
  const recomputed = await prisma.$queryRaw<{ key: string; n: string; amount: string }[]>`
    SELECT concat_ws('|', kind, month, k1, k2, x::text) AS key, sum(n)::text AS n, sum(amount)::text AS amount
    FROM madoguchi_report_contributions(ARRAY(SELECT id FROM "Request"))
    GROUP BY kind, month, k1, k2, x HAVING sum(n) <> 0 OR sum(amount) <> 0 ORDER BY 1`;
  return { rollup, recomputed };
}
