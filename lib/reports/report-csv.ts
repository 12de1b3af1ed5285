import type { Locale } from "@/lib/generated/prisma/enums";
import ja from "@/messages/ja/operations.json";
import en from "@/messages/en/operations.json";
import type { RequestReport } from "./request-report";

function cell(v: string | number | null): string {
  const s = v === null ? "" : String(v);
  return `"${s.replace(/"/g, '""')}"`;
}

type Csv = {
  section: string;
  month: string;
  type: string;
  channel: string;
  received: string;
  closed: string;
  outcome: string;
  count: string;
  ground: string;
  method: string;
  payments: string;
  amount: string;
  refunded: string;
  net: string;
  measure: string;
  value: string;
  sections: Record<"receivedClosed" | "outcome" | "ground" | "fees" | "summary" | "totals", string>;
  measures: Record<
    "closed" | "median" | "p90" | "onTime" | "openNow" | "overdueNow" | "waitingNow" | "received" | "feesNet",
    string
  >;
};
type Labels = Record<string, string>;
const catalogs: Record<Locale, { csv: Csv; labels: Labels }> = {
  ja: { csv: ja.reports.csv as Csv, labels: ja.labels as Labels },
  en: { csv: en.reports.csv as Csv, labels: en.labels as Labels },
};

/**
 * The report as CSV (UTF-8 with BOM, CRLF) in sections a spreadsheet reads as tables,
 * with headers and values in the reader's language rather than enum codes (issue 17).
 */
export function reportCsv(r: RequestReport, locale: Locale = "ja"): Buffer {
  const { csv: h, labels } = catalogs[locale];
  const l = (code: string) => labels[code] ?? code;
  const s = h.sections;
  const m = h.measures;
  const rows: (string | number | null)[][] = [
    [h.section, h.month, h.type, h.channel, h.received, h.closed],
    ...r.months.map((x) => [s.receivedClosed, x.month, l(x.type), l(x.channel), x.received, x.closed]),
    [],
    [h.section, h.outcome, h.count],
    ...r.outcomes.map((o) => [s.outcome, l(o.outcome), o.count]),
    [],
    [h.section, h.ground, h.count],
    ...r.grounds.map((g) => [s.ground, l(g.ground), g.count]),
    [],
    [h.section, h.month, h.method, h.payments, h.amount, h.refunded, h.net],
    ...r.fees.map((f) => [s.fees, f.month, l(f.method), f.count, f.amount, f.refunded, f.net]),
    [],
    [h.section, h.measure, h.value],
    [s.summary, m.closed, r.daysToClose.closed],
    [s.summary, m.median, r.daysToClose.median],
    [s.summary, m.p90, r.daysToClose.p90],
    [s.summary, m.onTime, r.onTime.rate],
    [s.summary, m.openNow, r.now.open],
    [s.summary, m.overdueNow, r.now.overdue],
    [s.summary, m.waitingNow, r.now.waiting],
    [],
    [h.section, h.month, h.received, h.closed, h.amount, h.refunded, h.net],
    ...[r.totals.thisMonth, r.totals.thisYear].map((t) => [
      s.totals,
      t.period,
      t.received,
      t.closed,
      t.feesPaid,
      t.feesRefunded,
      t.feesNet,
    ]),
  ];
  const text = rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}

/** Totals by type over the range, for summaries. */
export function totalsByType(r: RequestReport): { type: string; received: number; closed: number }[] {
  const map = new Map<string, { received: number; closed: number }>();
  for (const m of r.months) {
    const t = map.get(m.type) ?? { received: 0, closed: 0 };
    t.received += m.received;
    t.closed += m.closed;
    map.set(m.type, t);
  }
  return [...map.entries()].map(([type, v]) => ({ type, ...v })).sort((a, b) => a.type.localeCompare(b.type));
}

export function totalsByChannel(r: RequestReport): { channel: string; received: number }[] {
  const map = new Map<string, number>();
  for (const m of r.months) map.set(m.channel, (map.get(m.channel) ?? 0) + m.received);
  return [...map.entries()]
    .map(([channel, received]) => ({ channel, received }))
    .sort((a, b) => a.channel.localeCompare(b.channel));
}
