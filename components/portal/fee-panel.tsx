import { getLocale, getTranslations } from "next-intl/server";
import type { RequesterFeeView } from "@/lib/fees/fee-overview";
import { formatNumber } from "@/lib/fees/fee-messages";
import { prisma } from "@/lib/server/db";
import { getSetting } from "@/lib/settings/get-settings";
import { Alert, Badge } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";

// The fee on the requester's status page (Art 6.3: 5,500 yen, tax included, by bank
// transfer or other means). Mount it with the view from lib/fees/fee-overview.ts:
//   <FeePanel fee={await requesterFeeView({ actor: requesterActor(session) })} payment={searchParams.payment} />
// "Pay now" posts to /api/stripe/checkout (a plain form: works without JavaScript) and
// receipts download from /api/fees/receipts/<id>; both read the requester session cookie.

/** What /api/stripe/checkout and Stripe's return URLs put in ?payment=. */
const outcomes = ["done", "cancelled", "signin", "not-needed", "unavailable"] as const;
type Outcome = (typeof outcomes)[number];

export async function FeePanel({
  fee,
  payment,
  headingLevel = 2,
}: {
  fee: RequesterFeeView;
  payment?: string | string[];
  headingLevel?: 2 | 3;
}) {
  if (fee.fee === "NOT_REQUIRED") return null;
  const t = await getTranslations("fees.portal");
  const tf = await getTranslations("fees");
  const yen = (n: number) => tf("amount", { amount: formatNumber(n) });
  const outcome = outcomes.find((o) => o === payment) as Outcome | undefined;
  const H = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  const operator = fee.payment?.methods.includes("POSTAL_MONEY_ORDER") ? await getSetting(prisma, "operator") : null;
  const locale = await getLocale();
  const bank = fee.payment?.bank;

  return (
    <section
      aria-labelledby="fee-panel-title"
      className="rounded-md border border-brand-100 bg-white p-4"
      data-testid="fee-panel"
    >
      <H id="fee-panel-title" className="mb-2 flex flex-wrap items-center gap-2 text-xl font-bold">
        {t("title")}
        <Badge tone={fee.fee === "PAID" ? "success" : fee.fee === "AWAITING_PAYMENT" ? "warning" : "neutral"}>
          {tf(`status.${fee.fee}`)}
        </Badge>
      </H>

      {outcome ? (
        <Alert live tone={outcome === "done" ? (fee.fee === "PAID" ? "success" : "info") : "warning"}>
          {outcome === "done"
            ? fee.fee === "PAID"
              ? t("outcome.paid")
              : t("outcome.confirming")
            : t(`outcome.${outcome}`)}
        </Alert>
      ) : null}

      <p className="mb-3">
        {t("amount", {
          amount: tf("amountTaxIncluded", { amount: formatNumber(fee.feeAmount), tax: formatNumber(fee.feeTaxAmount) }),
        })}
      </p>

      {fee.payment ? (
        <div className="space-y-5">
          {fee.paid > 0 ? (
            <p>{t("partlyPaid", { paid: yen(fee.paid), outstanding: yen(fee.outstanding) })}</p>
          ) : (
            <p>{t("why")}</p>
          )}

          {fee.payment.canPayOnline ? (
            <div>
              <Sub className="mb-1 font-bold">{t("online.title")}</Sub>
              <p className="mb-2">{t("online.body")}</p>
              <form method="post" action="/api/stripe/checkout">
                <button type="submit" className={`${buttonClass("primary")} w-full sm:w-auto`}>
                  {t("online.button", { amount: yen(fee.outstanding) })}
                </button>
              </form>
            </div>
          ) : null}

          {bank && fee.payment.methods.includes("BANK_TRANSFER") ? (
            <div>
              <Sub className="mb-1 font-bold">{t("transfer.title")}</Sub>
              <dl className="mb-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]" data-testid="bank-account">
                <dt className="text-muted">{t("transfer.bank")}</dt>
                <dd>{`${bank.bankName} ${bank.branchName}`}</dd>
                <dt className="text-muted">{t("transfer.account")}</dt>
                <dd>{`${tf(`accountType.${bank.accountType}`)} ${bank.accountNumber}`}</dd>
                <dt className="text-muted">{t("transfer.holder")}</dt>
                <dd>{bank.accountHolderKana}</dd>
                <dt className="text-muted">{t("transfer.amount")}</dt>
                <dd>{yen(fee.outstanding)}</dd>
                {fee.payment.transferReference ? (
                  <>
                    <dt className="text-muted">{t("transfer.reference")}</dt>
                    <dd>
                      <code
                        className="rounded bg-brand-50 px-2 py-1 text-lg font-bold tracking-wider"
                        data-testid="transfer-reference"
                      >
                        {fee.payment.transferReference}
                      </code>
                    </dd>
                  </>
                ) : null}
              </dl>
              {fee.payment.transferReference ? (
                <p className="mb-1">{t("transfer.howTo", { reference: fee.payment.transferReference })}</p>
              ) : null}
              <p className="text-sm text-muted">{t("transfer.note")}</p>
            </div>
          ) : null}

          {fee.payment.methods.includes("POSTAL_MONEY_ORDER") || fee.payment.methods.includes("CASH") ? (
            <div>
              <Sub className="mb-1 font-bold">{t("other.title")}</Sub>
              <ul className="list-disc pl-5">
                {operator ? (
                  <li>
                    {t("other.postal", {
                      address: `〒${operator.postalCode} ${locale === "ja" ? operator.addressJa : operator.addressEn}`,
                      company: locale === "ja" ? operator.legalNameJa : operator.legalNameEn,
                    })}
                  </li>
                ) : null}
                {fee.payment.methods.includes("CASH") ? <li>{t("other.cash")}</li> : null}
              </ul>
            </div>
          ) : null}
        </div>
      ) : (
        <p className="mb-3">
          {t(
            `settled.${fee.fee === "PAID" ? "PAID" : fee.fee === "WAIVED" ? "WAIVED" : fee.fee === "REFUNDED" ? "REFUNDED" : "CLOSED"}`,
          )}
        </p>
      )}

      {fee.receipts.length ? (
        <div className="mt-4">
          <Sub className="mb-1 font-bold">{t("receipts.title")}</Sub>
          <ul className="space-y-1" data-testid="receipts">
            {fee.receipts.map((r) => (
              <li key={r.id}>
                <a href={`/api/fees/receipts/${r.id}`} className="text-brand-700 underline" download>
                  {t(r.reissued ? "receipts.reissuedLink" : "receipts.link", { number: r.number })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
