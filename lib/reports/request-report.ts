import { MONTH, jstMonth } from "@/lib/dates";
import { closingFigures } from "./closing-figures";
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
  // Every figure but "overdue today" is a sum over the monthly rollups the database keeps in
  // the transaction of each write (migration 20261203030000, ADR 0024): the cost of a year no
  // longer follows the year's volume. Months are JST 'YYYY-MM', compared as text.
  const today = now.toISOString().slice(0, 10);
  const [months, outcomes, grounds, closing, open, fees, totals] = await Promise.all([
    prisma.$queryRaw<{ month: string; type: string; channel: string; received: bigint; closed: bigint }[]>`
      SELECT month, k1 AS type, k2 AS channel,
             coalesce(sum(n) FILTER (WHERE kind = 'received'), 0)::bigint AS received,
             coalesce(sum(n) FILTER (WHERE kind = 'closed'), 0)::bigint AS closed
      FROM "ReportRollup" WHERE kind IN ('received', 'closed') AND month >= ${from} AND month <= ${to}
      GROUP BY month, k1, k2 HAVING sum(n) > 0 ORDER BY month, type, channel`,
    prisma.$queryRaw<{ outcome: string; count: bigint }[]>`
      SELECT k1 AS outcome, sum(n)::bigint AS count FROM "ReportRollup"
      WHERE kind = 'outcome' AND month >= ${from} AND month <= ${to}
      GROUP BY k1 HAVING sum(n) > 0 ORDER BY k1`,
    prisma.$queryRaw<{ ground: string; count: bigint }[]>`
      SELECT k1 AS ground, sum(n)::bigint AS count FROM "ReportRollup"
      WHERE kind = 'ground' AND month >= ${from} AND month <= ${to}
      GROUP BY k1 HAVING sum(n) > 0 ORDER BY k1`,
    closingFigures(from, to),
    prisma.$queryRaw<{ open: bigint; waiting: bigint; overdue_before: bigint; overdue_today: bigint }[]>`
      SELECT (SELECT coalesce(sum(n), 0) FROM "ReportRollup" WHERE kind = 'open' AND month = '')::bigint AS open,
             (SELECT coalesce(sum(n), 0) FROM "ReportRollup" WHERE kind = 'open' AND month = ''
                AND k1 = 'WAITING_FOR_REQUESTER')::bigint AS waiting,
             (SELECT coalesce(sum(n), 0) FROM "ReportRollup" WHERE kind = 'due' AND month = '' AND k1 < ${today})::bigint
               AS overdue_before,
             (SELECT count(*) FROM "Request" WHERE status IN ('RECEIVED', 'IN_PROGRESS', 'WAITING_FOR_REQUESTER', 'DECIDED')
                AND "pausedAt" IS NULL AND "dueAt" >= ${today}::timestamp AND "dueAt" < ${now}) AS overdue_today`,
    prisma.$queryRaw<{ month: string; method: string; count: bigint; amount: bigint; refunded: bigint }[]>`
      SELECT month, k1 AS method, coalesce(sum(n) FILTER (WHERE kind = 'paid'), 0)::bigint AS count,
             coalesce(sum(amount) FILTER (WHERE kind = 'paid'), 0)::bigint AS amount,
             coalesce(sum(amount) FILTER (WHERE kind = 'refunded'), 0)::bigint AS refunded
      FROM "ReportRollup" WHERE kind IN ('paid', 'refunded') AND month >= ${from} AND month <= ${to}
      GROUP BY month, k1 HAVING sum(n) > 0`,
    prisma.$queryRaw<{ period: string; received: bigint; closed: bigint; paid: bigint; refunded: bigint }[]>`
      SELECT p.period,
             coalesce(sum(r.n) FILTER (WHERE r.kind = 'received'), 0)::bigint AS received,
             coalesce(sum(r.n) FILTER (WHERE r.kind = 'closed'), 0)::bigint AS closed,
             coalesce(sum(r.amount) FILTER (WHERE r.kind = 'paid'), 0)::bigint AS paid,
             coalesce(sum(r.amount) FILTER (WHERE r.kind = 'refunded'), 0)::bigint AS refunded
      FROM (VALUES (${thisMonth}, ${thisMonth}, ${thisMonth}), (${thisYear}, ${`${thisYear}-01`}, ${`${thisYear}-12`}))
           AS p(period, s, e)
      LEFT JOIN "ReportRollup" r ON r.kind IN ('received', 'closed', 'paid', 'refunded') AND r.month >= p.s AND r.month <= p.e
      GROUP BY p.period`,
  ]);
  return shapeRequestReport({
    range: { from, to },
    periods: { thisMonth, thisYear },
    months,
    outcomes,
    grounds,
    closing,
    now: {
      open: Number(open[0]?.open ?? 0),
      overdue: Number(open[0]?.overdue_before ?? 0) + Number(open[0]?.overdue_today ?? 0),
      waiting: Number(open[0]?.waiting ?? 0),
    },
    fees,
    totals,
  });
}

type Count = bigint | number;

/** What the report's queries return, before numbers are made plain and rows ordered. */
export type RequestReportRows = {
  range: { from: string; to: string };
  periods: { thisMonth: string; thisYear: string };
  months: { month: string; type: string; channel: string; received: Count; closed: Count }[];
  outcomes: { outcome: string; count: Count }[];
  grounds: { ground: string; count: Count }[];
  closing: { median: number | null; p90: number | null; closed: number; onTime: number };
  now: RequestReport["now"];
  /** Paid and refunded per month and method; the net is computed here. */
  fees: { month: string; method: string; count: Count; amount: Count; refunded: Count }[];
  totals: { period: string; received: Count; closed: Count; paid: Count; refunded: Count }[];
};

/**
 * The report from its query rows. Exported so that the reference queries the rollups are tested
 * against (tests/helpers/report-direct.ts) shape their rows the same way: the comparison is then
 * of the figures, not of two copies of this code.
 */
export function shapeRequestReport(r: RequestReportRows): RequestReport {
  const periodTotals = (period: string): PeriodTotals => {
    const row = r.totals.find((x) => x.period === period);
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
  const { closed, onTime } = r.closing;
  const round1 = (v: number | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);
  return {
    range: r.range,
    months: r.months.map((m) => ({
      month: m.month,
      type: m.type,
      channel: m.channel,
      received: Number(m.received),
      closed: Number(m.closed),
    })),
    outcomes: r.outcomes.map((o) => ({ outcome: o.outcome, count: Number(o.count) })),
    grounds: r.grounds.map((g) => ({ ground: g.ground, count: Number(g.count) })),
    daysToClose: { median: round1(r.closing.median), p90: round1(r.closing.p90), closed },
    onTime: { closed, onTime, rate: closed ? Math.round((onTime / closed) * 1000) / 10 : null },
    now: r.now,
    fees: r.fees
      .map((f) => ({
        month: f.month,
        method: f.method,
        count: Number(f.count),
        amount: Number(f.amount),
        refunded: Number(f.refunded),
        net: Number(f.amount) - Number(f.refunded),
      }))
      .sort((a, b) => (a.month === b.month ? a.method.localeCompare(b.method) : a.month.localeCompare(b.month))),
    totals: { thisMonth: periodTotals(r.periods.thisMonth), thisYear: periodTotals(r.periods.thisYear) },
  };
}
