import type { Locale } from "@/lib/generated/prisma/enums";
import { renderPdf, type PdfBlock } from "@/lib/pdf/pdf-document";
import type { Actor } from "@/lib/audit/actor";
import { prisma } from "@/lib/server/db";
import { getSetting } from "@/lib/settings/get-settings";
import { requestReport } from "./request-report";
import { totalsByChannel, totalsByType } from "./report-csv";

const L = {
  ja: {
    title: (y: number) => `${y}年 個人情報の開示等請求 対応状況報告`,
    intro: (y: number, company: string) =>
      `${company}が${y}年1月から12月までに受け付けた、保有個人データの開示等の請求およびお問い合わせ・苦情の対応状況をまとめたものです（日本時間で集計）。`,
    byType: "種類別の受付件数と完了件数",
    byChannel: "受付経路別の件数",
    outcomes: "結果の内訳",
    grounds: "不開示等の理由（根拠条項）",
    timing: "対応期間",
    fees: "手数料",
    none: "該当なし",
    received: "受付",
    closed: "完了",
    median: "完了までの日数（中央値）",
    p90: "完了までの日数（90パーセンタイル）",
    onTime: "目標期限内の完了率",
    openNow: "作成時点で対応中",
    overdueNow: "作成時点で期限超過",
    collected: "受領額",
    days: (n: number | null) => (n === null ? "-" : `${n}日`),
    pct: (n: number | null) => (n === null ? "-" : `${n}%`),
    count: (n: number) => `${n}件`,
    yen: (n: number) => `${n.toLocaleString("ja-JP")}円`,
  },
  en: {
    title: (y: number) => `Personal information requests: report for ${y}`,
    intro: (y: number, company: string) =>
      `How ${company} handled requests concerning retained personal data, and inquiries and complaints, received from January to December ${y} (counted in Japan time).`,
    byType: "Received and closed by type",
    byChannel: "Received by channel",
    outcomes: "Outcomes",
    grounds: "Grounds for withholding or refusal",
    timing: "Time to answer",
    fees: "Fees",
    none: "None",
    received: "received",
    closed: "closed",
    median: "Days to close (median)",
    p90: "Days to close (90th percentile)",
    onTime: "Closed within the target",
    openNow: "Open when this report was made",
    overdueNow: "Overdue when this report was made",
    collected: "Collected",
    days: (n: number | null) => (n === null ? "-" : `${n} days`),
    pct: (n: number | null) => (n === null ? "-" : `${n}%`),
    count: (n: number) => String(n),
    yen: (n: number) => `JPY ${n.toLocaleString("en-US")}`,
  },
} as const;

/** A PDF a privacy officer can hand to management: one year, in the reader's language. */
export async function annualSummaryPdf(opts: {
  actor: Actor | null;
  year: number;
  locale: Locale;
  labels: Record<string, string>;
}): Promise<Buffer> {
  const report = await requestReport({ actor: opts.actor, range: { from: `${opts.year}-01`, to: `${opts.year}-12` } });
  const l = L[opts.locale];
  const operator = await getSetting(prisma, "operator");
  const company = opts.locale === "ja" ? operator.legalNameJa : operator.legalNameEn;
  const label = (k: string) => opts.labels[k] ?? k;
  const rows = <T>(items: T[], f: (t: T) => [string, string]): PdfBlock =>
    items.length ? { kind: "fields", rows: items.map(f) } : { kind: "paragraph", text: l.none };
  const blocks: PdfBlock[] = [
    { kind: "title", text: l.title(opts.year) },
    { kind: "paragraph", text: l.intro(opts.year, company) },
    { kind: "rule" },
    { kind: "heading", text: l.byType },
    rows(totalsByType(report), (t) => [
      label(t.type),
      `${l.received} ${l.count(t.received)} / ${l.closed} ${l.count(t.closed)}`,
    ]),
    { kind: "heading", text: l.byChannel },
    rows(totalsByChannel(report), (c) => [label(c.channel), l.count(c.received)]),
    { kind: "heading", text: l.outcomes },
    rows(report.outcomes, (o) => [label(o.outcome), l.count(o.count)]),
    { kind: "heading", text: l.grounds },
    rows(report.grounds, (g) => [label(g.ground), l.count(g.count)]),
    { kind: "heading", text: l.timing },
    {
      kind: "fields",
      rows: [
        [l.median, l.days(report.daysToClose.median)],
        [l.p90, l.days(report.daysToClose.p90)],
        [l.onTime, l.pct(report.onTime.rate)],
        [l.openNow, l.count(report.now.open)],
        [l.overdueNow, l.count(report.now.overdue)],
      ],
    },
    { kind: "heading", text: l.fees },
    rows(
      [...new Set(report.fees.map((f) => f.method))].map((m) => ({
        method: m,
        amount: report.fees.filter((f) => f.method === m).reduce((s, f) => s + f.amount, 0),
        count: report.fees.filter((f) => f.method === m).reduce((s, f) => s + f.count, 0),
      })),
      (f) => [label(f.method), `${l.count(f.count)} / ${l.collected} ${l.yen(f.amount)}`],
    ),
  ];
  return renderPdf({ title: l.title(opts.year), author: company, lang: opts.locale }, blocks);
}
