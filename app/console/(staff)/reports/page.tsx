import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { formatFee } from "@/lib/fees/format-fee";
import { requireStaffPage } from "@/lib/server/current-staff";
import { requestReport, type RequestReport } from "@/lib/reports/request-report";
import { totalsByChannel } from "@/lib/reports/report-csv";
import { isAppError } from "@/lib/errors";
import { monthList, monthsBack } from "@/lib/dates";
import { PageHeader } from "@/components/ui/alert";
import { StackedBarChart, type StackedSeries } from "@/components/console/report-charts";
import { buttonClass } from "@/components/ui/button-class";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("operations.reports"))("title") };
}

function series(
  months: string[],
  rows: { month: string; key: string; value: number }[],
  label: (k: string) => string,
): StackedSeries {
  const keys = [...new Set(rows.map((r) => r.key))].sort();
  return {
    xKey: "month",
    keys: keys.map((k) => ({ key: k, label: label(k) })),
    rows: months.map((month) => {
      const row: Record<string, string | number> = { month };
      for (const k of keys)
        row[k] = rows.filter((r) => r.month === month && r.key === k).reduce((s, r) => s + r.value, 0);
      return row;
    }),
  };
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ from?: string; to?: string }> }) {
  const me = await requireStaffPage("read:report");
  const t = await getTranslations("operations.reports");
  const label = await getTranslations("operations.labels");
  const locale = (await getLocale()) === "en" ? "en" : "ja";
  const sp = await searchParams;
  const from = sp.from ?? monthsBack(11);
  const to = sp.to ?? monthsBack(0);
  let report: RequestReport | null = null;
  let rangeError = false;
  try {
    report = await requestReport({ actor: me, range: { from, to } });
  } catch (e) {
    if (!isAppError(e) || e.code !== "INVALID_INPUT") throw e;
    rangeError = true;
  }
  const year = Number(to.slice(0, 4)) || new Date().getFullYear();
  const lbl = (k: string) => (label.has(k) ? label(k) : k);
  const months = report ? monthList(report.range.from, report.range.to) : [];
  const section = "rounded-md border border-stone-300 bg-white p-4";

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <div className="flex flex-wrap gap-2">
            <a
              href={`/console/reports/export?from=${from}&to=${to}`}
              className={buttonClass("secondary", "sm")}
              download
            >
              {t("exportCsv")}
            </a>
            <a href={`/console/reports/annual?year=${year}`} className={buttonClass("secondary", "sm")}>
              {t("annual", { year })}
            </a>
          </div>
        }
      />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="from" className="block text-sm font-semibold">
            {t("from")}
          </label>
          <input
            id="from"
            name="from"
            type="month"
            defaultValue={from}
            required
            className="min-h-11 rounded-md border border-stone-400 bg-white px-2"
            aria-invalid={rangeError || undefined}
            aria-describedby={rangeError ? "range-error" : undefined}
          />
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-semibold">
            {t("to")}
          </label>
          <input
            id="to"
            name="to"
            type="month"
            defaultValue={to}
            required
            className="min-h-11 rounded-md border border-stone-400 bg-white px-2"
          />
        </div>
        <button type="submit" className={buttonClass("primary", "sm")}>
          {t("show")}
        </button>
        {rangeError ? (
          <p id="range-error" role="alert" className="w-full font-semibold text-danger">
            {t("errorRange")}
          </p>
        ) : null}
      </form>

      {report ? (
        <div className="space-y-6">
          <section aria-labelledby="glance-title" data-testid="report-glance">
            <h2 id="glance-title" className="mb-2 font-bold">
              {t("atAGlance")}
            </h2>
            <div className="grid gap-3 md:grid-cols-2">
              {[
                [t("thisMonth", { period: report.totals.thisMonth.period }), report.totals.thisMonth, "month"],
                [t("thisYear", { period: report.totals.thisYear.period }), report.totals.thisYear, "year"],
              ].map(([title, p, key]) => {
                const totals = p as RequestReport["totals"]["thisMonth"];
                return (
                  <div
                    key={String(key)}
                    className="rounded-md border border-stone-300 bg-white p-3"
                    data-testid={`glance-${String(key)}`}
                  >
                    <h3 className="mb-2 text-sm font-semibold">{String(title)}</h3>
                    <dl className="grid grid-cols-3 gap-2">
                      <div>
                        <dt className="text-sm text-muted">{t("glanceReceived")}</dt>
                        <dd className="text-2xl font-bold tabular-nums" data-testid="glance-received">
                          {totals.received}
                        </dd>
                      </div>
                      <div>
                        <dt className="text-sm text-muted">{t("glanceClosed")}</dt>
                        <dd className="text-2xl font-bold tabular-nums">{totals.closed}</dd>
                      </div>
                      <div>
                        <dt className="text-sm text-muted">{t("glanceFees")}</dt>
                        <dd className="text-xl font-bold tabular-nums" data-testid="glance-fees">
                          {formatFee(totals.feesNet, locale)}
                        </dd>
                        {totals.feesRefunded ? (
                          <dd className="text-xs text-muted">
                            {t("refunded")}: {formatFee(totals.feesRefunded, locale)}
                          </dd>
                        ) : null}
                      </div>
                    </dl>
                  </div>
                );
              })}
            </div>
          </section>
          <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" data-testid="report-summary">
            {[
              [t("openNow"), report.now.open],
              [t("overdueNow"), report.now.overdue],
              [t("waitingNow"), report.now.waiting],
              [
                t("median"),
                report.daysToClose.median === null ? t("none") : t("days", { n: report.daysToClose.median }),
              ],
              [t("p90"), report.daysToClose.p90 === null ? t("none") : t("days", { n: report.daysToClose.p90 })],
              [t("onTime"), report.onTime.rate === null ? t("none") : `${report.onTime.rate}%`],
            ].map(([k, v]) => (
              <div key={String(k)} className="rounded-md border border-stone-300 bg-white p-3">
                <dt className="text-sm text-muted">{k}</dt>
                <dd className="text-2xl font-bold tabular-nums">{v}</dd>
              </div>
            ))}
          </dl>
          <p className="text-sm text-muted">{t("closedCount", { count: report.daysToClose.closed })}</p>

          <section aria-labelledby="received-title" className={section}>
            <h2 id="received-title" className="mb-2 font-bold">
              {t("receivedChart")}
            </h2>
            <StackedBarChart
              data={series(
                months,
                report.months.map((m) => ({ month: m.month, key: m.type, value: m.received })),
                lbl,
              )}
            />
            <details className="mt-2">
              <summary className="cursor-pointer text-brand-700 underline">{t("showTable")}</summary>
              <DataTable
                caption={t("receivedChart")}
                head={[t("month"), t("type"), t("channel"), t("received"), t("closed")]}
                rows={report.months.map((m) => [m.month, lbl(m.type), lbl(m.channel), m.received, m.closed])}
              />
            </details>
          </section>

          <section aria-labelledby="closed-title" className={section}>
            <h2 id="closed-title" className="mb-2 font-bold">
              {t("closedChart")}
            </h2>
            <StackedBarChart
              data={series(
                months,
                report.months.map((m) => ({ month: m.month, key: m.type, value: m.closed })),
                lbl,
              )}
            />
            <h3 className="mt-3 mb-1 font-semibold">{t("byChannel")}</h3>
            <DataTable
              caption={t("byChannel")}
              head={[t("channel"), t("received")]}
              rows={totalsByChannel(report).map((c) => [lbl(c.channel), c.received])}
            />
          </section>

          <div className="grid gap-6 lg:grid-cols-2">
            <section aria-labelledby="outcomes-title" className={section}>
              <h2 id="outcomes-title" className="mb-2 font-bold">
                {t("outcomesChart")}
              </h2>
              {report.outcomes.length ? (
                <DataTable
                  caption={t("outcomesChart")}
                  head={[t("type"), t("count")]}
                  rows={report.outcomes.map((o) => [lbl(o.outcome), o.count])}
                />
              ) : (
                <p>{t("noData")}</p>
              )}
            </section>
            <section aria-labelledby="grounds-title" className={section}>
              <h2 id="grounds-title" className="mb-2 font-bold">
                {t("groundsChart")}
              </h2>
              {report.grounds.length ? (
                <DataTable
                  caption={t("groundsChart")}
                  head={[t("type"), t("count")]}
                  rows={report.grounds.map((g) => [lbl(g.ground), g.count])}
                />
              ) : (
                <p>{t("noData")}</p>
              )}
            </section>
          </div>

          <section aria-labelledby="fees-title" className={section}>
            <h2 id="fees-title" className="mb-2 font-bold">
              {t("feesChart")}
            </h2>
            <StackedBarChart
              data={series(
                months,
                report.fees.map((f) => ({ month: f.month, key: f.method, value: f.net })),
                lbl,
              )}
            />
            <details className="mt-2">
              <summary className="cursor-pointer text-brand-700 underline">{t("showTable")}</summary>
              <DataTable
                caption={t("feesChart")}
                head={[t("month"), t("method"), t("count"), t("amount"), t("refunded"), t("net")]}
                rows={report.fees.map((f) => [f.month, lbl(f.method), f.count, f.amount, f.refunded, f.net])}
              />
            </details>
          </section>
        </div>
      ) : null}
    </>
  );
}
