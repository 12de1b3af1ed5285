import { getTranslations } from "next-intl/server";
import type { FeeSummary } from "@/lib/fees/fee-dashboard";
import { formatNumber } from "@/lib/fees/fee-messages";
import { FeeChart, type FeeChartData } from "@/components/console/fee-chart";
import { buttonClass } from "@/components/ui/button-class";
import { monthList } from "@/lib/dates";
import type { FeeListFilter } from "@/lib/fees/fee-schemas";
import { DataTable } from "@/components/ui/data-table";

// Totals by JST month and by method. The chart is a picture of the first table
// (aria-hidden); every number is in a table.

export async function SummarySection({
  summary,
  filter,
  rangeError,
}: {
  summary: FeeSummary;
  filter: FeeListFilter;
  rangeError: boolean;
}) {
  const t = await getTranslations("fees.console.summary");
  const tf = await getTranslations("fees");
  const yen = (n: number) => tf("amount", { amount: formatNumber(n) });
  const cell = (count: number, amount: number) => t("cell", { count, amount: yen(amount) });
  const months = monthList(summary.range.from, summary.range.to);

  const perMonth = months.map((month) => {
    const mm = summary.byMonthMethod.filter((c) => c.month === month);
    const owed = summary.byMonth.find((o) => o.month === month);
    return {
      month,
      outstanding: [owed?.outstandingCount ?? 0, owed?.outstandingAmount ?? 0] as const,
      paid: [mm.reduce((n, c) => n + c.paidCount, 0), mm.reduce((n, c) => n + c.paidAmount, 0)] as const,
      waived: [owed?.waivedCount ?? 0, owed?.waivedAmount ?? 0] as const,
      refunded: [mm.reduce((n, c) => n + c.refundedCount, 0), mm.reduce((n, c) => n + c.refundedAmount, 0)] as const,
    };
  });
  const total = (k: "outstanding" | "paid" | "waived" | "refunded") =>
    [perMonth.reduce((n, r) => n + r[k][0], 0), perMonth.reduce((n, r) => n + r[k][1], 0)] as const;
  const methods = [...new Set(summary.byMonthMethod.map((c) => c.method))].sort();
  const chart: FeeChartData = {
    keys: methods.map((m) => ({ key: m, label: tf(`method.${m}`) })),
    rows: months.map((month) => ({
      month,
      ...Object.fromEntries(
        methods.map((m) => [
          m,
          summary.byMonthMethod.find((c) => c.month === month && c.method === m)?.paidAmount ?? 0,
        ]),
      ),
    })),
  };
  const keep = Object.entries(filter).filter(([, v]) => v);

  return (
    <section aria-labelledby="fee-summary-title" className="rounded-md border border-stone-300 bg-white p-4">
      <h2 id="fee-summary-title" className="mb-1 text-xl font-bold">
        {t("title")}
      </h2>
      <p className="mb-3 text-sm text-muted">{t("intro")}</p>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        {keep.map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={String(v)} />
        ))}
        <div>
          <label htmlFor="summary-from" className="block text-sm font-semibold">
            {t("from")}
          </label>
          <input
            id="summary-from"
            name="from"
            type="month"
            defaultValue={summary.range.from}
            className="min-h-11 rounded-md border border-stone-400 bg-white px-2"
            aria-invalid={rangeError || undefined}
            aria-describedby={rangeError ? "summary-range-error" : undefined}
          />
        </div>
        <div>
          <label htmlFor="summary-to" className="block text-sm font-semibold">
            {t("to")}
          </label>
          <input
            id="summary-to"
            name="to"
            type="month"
            defaultValue={summary.range.to}
            className="min-h-11 rounded-md border border-stone-400 bg-white px-2"
          />
        </div>
        <button type="submit" className={buttonClass("secondary", "sm")}>
          {t("show")}
        </button>
        {rangeError ? (
          <p id="summary-range-error" role="alert" className="w-full font-semibold text-danger">
            {t("rangeError")}
          </p>
        ) : null}
      </form>

      <dl className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="fee-totals">
        {(["outstanding", "paid", "waived", "refunded"] as const).map((k) => (
          <div key={k} className="rounded-md border border-stone-300 p-3">
            <dt className="text-sm text-muted">{tf(`dashboard.${k}`)}</dt>
            <dd className="text-lg font-bold tabular-nums">{yen(total(k)[1])}</dd>
            <dd className="text-sm text-muted tabular-nums">{t("count", { count: total(k)[0] })}</dd>
          </div>
        ))}
      </dl>

      {methods.length ? <FeeChart data={chart} /> : null}

      <h3 className="mt-4 mb-1 font-semibold">{t("byMonth")}</h3>
      <DataTable
        caption={t("byMonth")}
        head={[
          tf("dashboard.month"),
          tf("dashboard.outstanding"),
          tf("dashboard.paid"),
          tf("dashboard.waived"),
          tf("dashboard.refunded"),
        ]}
        rows={perMonth.map((r) => [
          r.month,
          cell(...r.outstanding),
          cell(...r.paid),
          cell(...r.waived),
          cell(...r.refunded),
        ])}
      />
      <h3 className="mt-4 mb-1 font-semibold">{t("byMethod")}</h3>
      {summary.byMonthMethod.length ? (
        <DataTable
          caption={t("byMethod")}
          head={[tf("dashboard.month"), tf("dashboard.method"), tf("dashboard.paid"), tf("dashboard.refunded")]}
          rows={summary.byMonthMethod.map((c) => [
            c.month,
            tf(`method.${c.method}`),
            cell(c.paidCount, c.paidAmount),
            cell(c.refundedCount, c.refundedAmount),
          ])}
        />
      ) : (
        <p>{t("noPayments")}</p>
      )}
    </section>
  );
}
