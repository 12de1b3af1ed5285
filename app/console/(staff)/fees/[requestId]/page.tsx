import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/server/current-staff";
import { staffFeeView } from "@/lib/fees/fee-overview";
import { JST_ZONE, jstToday } from "@/lib/dates";
import { formatNumber } from "@/lib/fees/fee-messages";
import { isAppError } from "@/lib/errors";
import { Alert, Badge, PageHeader } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { DataTable } from "@/components/ui/data-table";
import { requestDone } from "../fee-filters";
import { RecordPaymentForm, WaiveFeeForm } from "../payment-forms";
import { RefundForm, ReissueReceiptForm } from "../refund-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("fees.console.request"))("metaTitle") };
}

// One request's fee: what was paid, refunded and receipted, and the admin's decisions on it.
export default async function FeeRequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ requestId: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const me = await requireStaffPage("record:payment");
  const { requestId } = await params;
  const view = await staffFeeView({ actor: me, requestId }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const t = await getTranslations("fees.console.request");
  const tc = await getTranslations("fees.console");
  const { done: doneParam } = await searchParams;
  const done = requestDone.find((d) => d === doneParam);
  const tf = await getTranslations("fees");
  const tl = await getTranslations("operations.labels");
  const format = await getFormatter();
  const yen = (n: number) => tf("amount", { amount: formatNumber(n) });
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: JST_ZONE });
  const card = "rounded-md border border-stone-300 bg-white p-4";
  const refundable = view.payments.filter((p) => p.refundable > 0);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/console/fees" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader
        title={t("title", { reference: view.reference })}
        description={`${tl.has(view.type) ? tl(view.type) : view.type}`}
        actions={
          <Link href={`/console/requests/${view.requestId}`} className={buttonClass("secondary", "sm")}>
            {t("openRequest")}
          </Link>
        }
      />
      {done ? (
        <Alert live tone="success">
          {tc(`done.${done}`)}
        </Alert>
      ) : null}
      <div className="space-y-6">
        <section aria-labelledby="fee-facts-title" className={card}>
          <h2 id="fee-facts-title" className="mb-3 text-xl font-bold">
            {t("facts")}
          </h2>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]" data-testid="fee-facts">
            <dt className="text-muted">{t("feeStatus")}</dt>
            <dd>
              <Badge tone={view.fee === "PAID" ? "success" : view.fee === "AWAITING_PAYMENT" ? "warning" : "neutral"}>
                {tf(`status.${view.fee}`)}
              </Badge>
            </dd>
            <dt className="text-muted">{t("feeAmount")}</dt>
            <dd>
              {tf("amountTaxIncluded", { amount: formatNumber(view.feeAmount), tax: formatNumber(view.feeTaxAmount) })}
            </dd>
            <dt className="text-muted">{t("transferReference")}</dt>
            <dd className="font-mono">{view.transferReference ?? "—"}</dd>
            <dt className="text-muted">{t("paid")}</dt>
            <dd>{yen(view.paid)}</dd>
            <dt className="text-muted">{t("refunded")}</dt>
            <dd>{yen(view.refunded)}</dd>
            <dt className="text-muted">{t("outstanding")}</dt>
            <dd>{yen(view.outstanding)}</dd>
            {view.waiverReason ? (
              <>
                <dt className="text-muted">{t("waiverReason")}</dt>
                <dd className="whitespace-pre-wrap">{view.waiverReason}</dd>
              </>
            ) : null}
            {view.paymentReminderAt ? (
              <>
                <dt className="text-muted">{t("reminderSent")}</dt>
                <dd>{when(view.paymentReminderAt)}</dd>
              </>
            ) : null}
          </dl>
        </section>

        <section aria-labelledby="payments-title" className={card}>
          <h2 id="payments-title" className="mb-3 text-xl font-bold">
            {t("payments")}
          </h2>
          {view.payments.length ? (
            <DataTable
              caption={t("paymentsTable")}
              testId="payments"
              head={[t("paidOn"), t("method"), t("amount"), t("payerName"), t("refundable")]}
              rows={view.payments.map((p) => [
                p.paidOn,
                tf(`method.${p.method}`),
                yen(p.amount),
                p.payerName ?? "—",
                yen(p.refundable),
              ])}
            />
          ) : (
            <p>{t("noPayments")}</p>
          )}
          {view.refunds.length ? (
            <>
              <h3 className="mt-4 mb-1 font-semibold">{t("refunds")}</h3>
              <DataTable
                caption={t("refunds")}
                head={[t("refundedAt"), t("amount"), t("reason"), t("refundVia")]}
                rows={view.refunds.map((r) => [
                  when(r.createdAt),
                  yen(r.amount),
                  r.reason,
                  r.viaStripe ? t("viaStripe") : t("viaManual"),
                ])}
              />
            </>
          ) : null}
        </section>

        <section aria-labelledby="receipts-title" className={card}>
          <h2 id="receipts-title" className="mb-3 text-xl font-bold">
            {t("receipts")}
          </h2>
          {view.receipts.length ? (
            <ul className="space-y-2" data-testid="receipts">
              {view.receipts.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center gap-3">
                  <a href={`/console/fees/receipts/${r.id}`} className="text-brand-700 underline" download>
                    {t("receiptLink", { number: r.number })}
                  </a>
                  <span className="text-sm text-muted">{when(r.issuedAt)}</span>
                  {r.reissued ? <Badge>{tf("receipt.reissued")}</Badge> : null}
                  <ReissueReceiptForm receiptId={r.id} number={r.number} />
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("noReceipts")}</p>
          )}
        </section>

        {view.takesPayment ? (
          <div className="grid gap-6 xl:grid-cols-2">
            <section aria-labelledby="record-title" className={card}>
              <h2 id="record-title" className="mb-1 text-xl font-bold">
                {tf("dashboard.recordPayment")}
              </h2>
              <p className="mb-3 text-sm text-muted">{t("recordIntro", { amount: yen(view.outstanding) })}</p>
              <RecordPaymentForm
                requestId={view.requestId}
                reference={view.reference}
                today={jstToday().toISOString().slice(0, 10)}
                defaultAmount={view.outstanding}
              />
            </section>
            <section aria-labelledby="waive-title" className={card}>
              <h2 id="waive-title" className="mb-1 text-xl font-bold">
                {tf("dashboard.waive")}
              </h2>
              <p className="mb-3 text-sm text-muted">{t("waiveIntro")}</p>
              <WaiveFeeForm requestId={view.requestId} />
            </section>
          </div>
        ) : null}

        {refundable.length ? (
          <section aria-labelledby="refund-title" className={card}>
            <h2 id="refund-title" className="mb-1 text-xl font-bold">
              {tf("dashboard.refund")}
            </h2>
            <p className="mb-3 text-sm text-muted">{t("refundIntro")}</p>
            <div className="space-y-6">
              {refundable.map((p) => (
                <div key={p.id}>
                  <h3 className="mb-2 font-semibold">
                    {t("refundPayment", { date: p.paidOn, method: tf(`method.${p.method}`), amount: yen(p.amount) })}
                  </h3>
                  <RefundForm
                    requestId={view.requestId}
                    paymentId={p.id}
                    refundable={p.refundable}
                    refundableText={yen(p.refundable)}
                    viaStripe={p.viaStripe}
                  />
                </div>
              ))}
            </div>
          </section>
        ) : null}
      </div>
    </>
  );
}
