import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { FeeRow } from "@/lib/fees/fee-dashboard";
import type { FeeListFilter } from "@/lib/fees/fee-schemas";
import { formatNumber } from "@/lib/fees/fee-messages";
import { Badge } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { feeStatuses, filterQuery, paymentMethods } from "./fee-filters";
import { DataTable } from "@/components/ui/data-table";

const tone = {
  AWAITING_PAYMENT: "warning",
  PAID: "success",
  WAIVED: "info",
  REFUNDED: "neutral",
  NOT_REQUIRED: "neutral",
} as const;

type ListProps = {
  rows: FeeRow[];
  total: number;
  page: number;
  pageSize: number;
  filter: FeeListFilter;
  monthError: boolean;
  range: { from: string; to: string };
};

export async function ListSection({ rows, total, page, pageSize, filter, monthError, range }: ListProps) {
  const t = await getTranslations("fees.console.list");
  const tf = await getTranslations("fees");
  const tl = await getTranslations("operations.labels");
  const yen = (n: number) => tf("amount", { amount: formatNumber(n) });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total ? (page - 1) * pageSize + 1 : 0;
  const last = Math.min(total, page * pageSize);
  const select = "min-h-11 w-full rounded-md border border-stone-400 bg-white px-2 sm:w-auto";
  const pageLink = (p: number) =>
    `/console/fees${filterQuery(filter, { page: p > 1 ? p : undefined, from: range.from, to: range.to })}#fee-list-title`;

  return (
    <section aria-labelledby="fee-list-title" className="rounded-md border border-stone-300 bg-white p-4">
      <h2 id="fee-list-title" className="mb-3 text-xl font-bold">
        {t("title")}
      </h2>
      <form
        method="get"
        className="mb-4 flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end"
        aria-label={t("filters")}
      >
        <input type="hidden" name="from" value={range.from} />
        <input type="hidden" name="to" value={range.to} />
        <div>
          <label htmlFor="filter-status" className="block text-sm font-semibold">
            {t("status")}
          </label>
          <select id="filter-status" name="status" defaultValue={filter.status ?? ""} className={select}>
            <option value="">{t("any")}</option>
            {feeStatuses.map((s) => (
              <option key={s} value={s}>
                {tf(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-method" className="block text-sm font-semibold">
            {t("method")}
          </label>
          <select id="filter-method" name="method" defaultValue={filter.method ?? ""} className={select}>
            <option value="">{t("any")}</option>
            {paymentMethods.map((m) => (
              <option key={m} value={m}>
                {tf(`method.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-month" className="block text-sm font-semibold">
            {t("month")}
          </label>
          <input
            id="filter-month"
            name="month"
            type="month"
            defaultValue={filter.month ?? ""}
            className={select}
            aria-describedby={`filter-month-hint${monthError ? " filter-month-error" : ""}`}
            aria-invalid={monthError || undefined}
          />
          <p id="filter-month-hint" className="text-xs text-muted">
            {t("monthHint")}
          </p>
        </div>
        <button type="submit" className={buttonClass("primary", "sm")}>
          {t("apply")}
        </button>
        <Link
          href={`/console/fees${filterQuery({}, { from: range.from, to: range.to })}#fee-list-title`}
          className={buttonClass("ghost", "sm")}
        >
          {t("clear")}
        </Link>
        {monthError ? (
          <p id="filter-month-error" role="alert" className="w-full font-semibold text-danger">
            {tf("errors.month")}
          </p>
        ) : null}
      </form>

      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <p role="status" data-testid="fee-list-count">
          {t("showing", { total, first, last })}
        </p>
        <a
          href={`/console/fees/export${filterQuery(filter)}`}
          className={buttonClass("secondary", "sm")}
          download
          data-testid="fee-csv"
        >
          {t("exportCsv", { total })}
        </a>
      </div>
      {rows.length ? (
        <DataTable
          caption={t("tableCaption")}
          testId="fee-list"
          head={[
            t("reference"),
            t("type"),
            t("arrivedOn"),
            t("fee"),
            t("feeAmount"),
            t("paid"),
            t("refunded"),
            t("outstanding"),
            t("methods"),
            t("lastPaidOn"),
          ]}
          rows={rows.map((r) => [
            <Link key="ref" href={`/console/fees/${r.requestId}`} className="text-brand-700 underline">
              {r.reference}
            </Link>,
            tl.has(r.type) ? tl(r.type) : r.type,
            r.arrivedOn,
            <Badge key="fee" tone={tone[r.fee]}>
              {tf(`status.${r.fee}`)}
            </Badge>,
            yen(r.feeAmount),
            yen(r.paid),
            yen(r.refunded),
            yen(r.outstanding),
            r.methods.map((m) => tf(`method.${m}`)).join(" / ") || "—",
            r.lastPaidOn ?? "—",
          ])}
        />
      ) : (
        <p>{t("empty")}</p>
      )}
      {pages > 1 ? (
        <nav aria-label={t("pagination")} className="mt-3 flex flex-wrap items-center gap-3">
          {page > 1 ? (
            <Link href={pageLink(page - 1)} className={buttonClass("secondary", "sm")} rel="prev">
              {t("prev")}
            </Link>
          ) : null}
          <span>{t("pageOf", { page, pages })}</span>
          {page < pages ? (
            <Link href={pageLink(page + 1)} className={buttonClass("secondary", "sm")} rel="next">
              {t("next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
