import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { formatFee } from "@/lib/fees/format-fee";
import { requireStaffPage } from "@/lib/server/current-staff";
import { feeSummary, listFees, listUnmatchedBankLines } from "@/lib/fees/fee-dashboard";
import { jstToday } from "@/lib/dates";
import { prisma } from "@/lib/server/db";
import { getSetting } from "@/lib/settings/get-settings";
import { PageHeader } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { dashboardDone, filterQuery, PAGE_SIZE, parseDashboardParams, type DashboardParams } from "./fee-filters";
import { SummarySection } from "./summary-section";
import { ListSection } from "./list-section";
import { BankLinesSection } from "./bank-lines-section";
import { ImportStatementForm } from "./bank-forms";
import { RecordPaymentForm } from "./payment-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("fees.dashboard"))("title") };
}

// /console/fees — admins reconcile the disclosure fee (Art 6.3): totals, the filtered
// list and its CSV, bank lines waiting for a decision, statement import and payments
// received by hand. Thin: everything is read and decided in lib/fees.
export default async function FeesPage({ searchParams }: { searchParams: Promise<DashboardParams> }) {
  const me = await requireStaffPage("record:payment");
  const t = await getTranslations("fees.console");
  const td = await getTranslations("fees.dashboard");
  const sp = await searchParams;
  const p = parseDashboardParams(sp);
  const done = dashboardDone.find((d) => d === sp.done);
  const [summary, list, lines, fee] = await Promise.all([
    feeSummary({ actor: me, input: p.range }),
    listFees({ actor: me, input: { ...p.filter, page: p.page, pageSize: PAGE_SIZE } }),
    listUnmatchedBankLines({ actor: me, input: { pageSize: 50 } }),
    getSetting(prisma, "fee"),
  ]);
  const card = "rounded-md border border-stone-300 bg-white p-4";

  return (
    <>
      <PageHeader
        title={td("title")}
        description={t("intro", { amount: formatFee(fee.amount, (await getLocale()) === "en" ? "en" : "ja") })}
        actions={
          <nav aria-label={t("jumpTo")} className="flex flex-wrap gap-2">
            <a href="#bank-lines-title" className={buttonClass("secondary", "sm")}>
              {td("unmatchedLines")}
            </a>
            <a href="#import-title" className={buttonClass("secondary", "sm")}>
              {td("importStatement")}
            </a>
            <a href="#record-title" className={buttonClass("secondary", "sm")}>
              {td("recordPayment")}
            </a>
          </nav>
        }
      />
      <div className="space-y-6">
        <SummarySection summary={summary} filter={p.filter} rangeError={p.rangeError} />
        <ListSection
          rows={list.rows}
          total={list.total}
          page={list.page}
          pageSize={list.pageSize}
          filter={p.filter}
          monthError={p.monthError}
          range={p.range}
        />
        <BankLinesSection
          lines={lines}
          query={filterQuery(p.filter, { page: p.page > 1 ? p.page : undefined, from: p.range.from, to: p.range.to })}
          done={done ? t(`done.${done}`) : undefined}
        />
        <div className="grid gap-6 xl:grid-cols-2">
          <section aria-labelledby="import-title" className={card}>
            <h2 id="import-title" className="mb-1 text-xl font-bold">
              {td("importStatement")}
            </h2>
            <p className="mb-3 text-sm text-muted">{t("import.intro")}</p>
            <ImportStatementForm />
          </section>
          <section aria-labelledby="record-title" className={card}>
            <h2 id="record-title" className="mb-1 text-xl font-bold">
              {td("recordPayment")}
            </h2>
            <p className="mb-3 text-sm text-muted">{t("record.intro")}</p>
            <RecordPaymentForm today={jstToday().toISOString().slice(0, 10)} defaultAmount={fee.amount} />
          </section>
        </div>
      </div>
    </>
  );
}
