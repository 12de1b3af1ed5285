import { JST_ZONE as JST, MONTH, jstMonth, jstMonthRangeSql, monthDayRange } from "@/lib/dates";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { parseInput } from "@/lib/validation";
import { z } from "zod";

export const reportRangeSchema = z
  .object({
    from: z.string().regex(MONTH, { message: "errors.field.month" }),
    to: z.string().regex(MONTH, { message: "errors.field.month" }),
  })
  .refine((r) => r.from <= r.to, { path: ["to"], message: "errors.report.rangeOrder" });

export type ReportRange = z.input<typeof reportRangeSchema>;

export type MonthRow = { month: string; type: string; channel: string; received: number; closed: number };
export type RequestReport = {
  range: { from: string; to: string };
  months: MonthRow[];
  outcomes: { outcome: string; count: number }[];
  grounds: { ground: string; count: number }[];
  daysToClose: { median: number | null; p90: number | null; closed: number };
  onTime: { closed: number; onTime: number; rate: number | null };
  now: { open: number; overdue: number; waiting: number };
  /** Received by method, refunds by the refunded payment's method and month of refund, and the net. */
  fees: { month: string; method: string; count: number; amount: number; refunded: number; net: number }[];
  /** This month and this year (JST) at a glance, whatever the range. */
  totals: { thisMonth: PeriodTotals; thisYear: PeriodTotals };
};

export type PeriodTotals = {
  period: string;
  received: number;
  closed: number;
  feesPaid: number;
  feesRefunded: number;
  feesNet: number;
};

// Months are counted in Japan time, as the desk and its reports are. Prisma stores UTC in
// `timestamp without time zone`, hence AT TIME ZONE 'UTC' before converting to JST.

/**
 * Figures a privacy officer reports to management, all computed in SQL over the
 * range [from, to] by month of arrival (received) or of closing (closed, outcomes,
 * days to close). Open and overdue are as of now. Nothing loads rows into JavaScript:
 * each query returns one row per group (ADR 0019).
 */
export async function requestReport(opts: {
  actor: Actor | null;
  range: ReportRange;
  now?: Date;
}): Promise<RequestReport> {
  assertPermission(opts.actor, "read:report");
  const { from, to } = parseInput(reportRangeSchema, opts.range, "report range");
  const now = opts.now ?? new Date();
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
  const periodTotals = (period: string): PeriodTotals => {
    const row = totals.find((x) => x.period === period);
    const paid = Number(row?.paid ?? 0);
    const refunded = Number(row?.refunded ?? 0);
    return {
      period,
      received: Number(row?.received ?? 0),
      closed: Number(row?.closed ?? 0),
      feesPaid: paid,
      feesRefunded: refunded,
      feesNet: paid - refunded,
    };
  };
  const feeRows = new Map<string, RequestReport["fees"][number]>();
  for (const f of fees)
    feeRows.set(`${f.month}|${f.method}`, {
      month: f.month,
      method: f.method,
      count: Number(f.count),
      amount: Number(f.amount),
      refunded: 0,
      net: Number(f.amount),
    });
  for (const r of refunds) {
    const key = `${r.month}|${r.method}`;
    const row = feeRows.get(key) ?? { month: r.month, method: r.method, count: 0, amount: 0, refunded: 0, net: 0 };
    row.refunded += Number(r.amount);
    row.net = row.amount - row.refunded;
    feeRows.set(key, row);
  }
  const c = closing[0];
  const closedCount = Number(c?.closed ?? 0);
  const onTime = Number(c?.on_time ?? 0);
  const round1 = (v: number | null | undefined) =>
    v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10;
  return {
    range: { from, to },
    months: months.map((m) => ({
      month: m.month,
      type: m.type,
      channel: m.channel,
      received: Number(m.received),
      closed: Number(m.closed),
    })),
    outcomes: outcomes.map((o) => ({ outcome: o.outcome, count: Number(o.count) })),
    grounds: grounds.map((g) => ({ ground: g.ground, count: Number(g.count) })),
    daysToClose: { median: round1(c?.median), p90: round1(c?.p90), closed: closedCount },
    onTime: { closed: closedCount, onTime, rate: closedCount ? Math.round((onTime / closedCount) * 1000) / 10 : null },
    now: {
      open: Number(open[0]?.open ?? 0),
      overdue: Number(open[0]?.overdue ?? 0),
      waiting: Number(open[0]?.waiting ?? 0),
    },
    fees: [...feeRows.values()].sort((a, b) =>
      a.month === b.month ? a.method.localeCompare(b.method) : a.month.localeCompare(b.month),
    ),
    totals: { thisMonth: periodTotals(thisMonth), thisYear: periodTotals(thisYear) },
  };
}
