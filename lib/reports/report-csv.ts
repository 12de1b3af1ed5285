import type { RequestReport } from "./request-report";

function cell(v: string | number | null): string {
  const s = v === null ? "" : String(v);
  return `"${s.replace(/"/g, '""')}"`;
}

/** The report as CSV (UTF-8 with BOM, CRLF) in sections a spreadsheet reads as tables. */
export function reportCsv(r: RequestReport): Buffer {
  const rows: (string | number | null)[][] = [
    ["section", "month", "type", "channel", "received", "closed"],
    ...r.months.map((m) => ["received_closed", m.month, m.type, m.channel, m.received, m.closed]),
    [],
    ["section", "outcome", "count"],
    ...r.outcomes.map((o) => ["outcome", o.outcome, o.count]),
    [],
    ["section", "ground", "count"],
    ...r.grounds.map((g) => ["withholding_ground", g.ground, g.count]),
    [],
    ["section", "month", "method", "payments", "amount_jpy"],
    ...r.fees.map((f) => ["fees", f.month, f.method, f.count, f.amount]),
    [],
    ["section", "measure", "value"],
    ["summary", "closed", r.daysToClose.closed],
    ["summary", "median_days_to_close", r.daysToClose.median],
    ["summary", "p90_days_to_close", r.daysToClose.p90],
    ["summary", "on_time_rate_pct", r.onTime.rate],
    ["summary", "open_now", r.now.open],
    ["summary", "overdue_now", r.now.overdue],
    ["summary", "waiting_for_requester_now", r.now.waiting],
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
  return [...map.entries()].map(([channel, received]) => ({ channel, received })).sort((a, b) => a.channel.localeCompare(b.channel));
}
