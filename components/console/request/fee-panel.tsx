import { getFormatter, getTranslations } from "next-intl/server";
import type { StaffFeeView } from "@/lib/fees/fee-overview";
import { Badge } from "@/components/ui/alert";
import { Facts } from "./facts";

/** The fee as it stands (read-only here; payments and refunds are the fees page's work). */
export async function FeePanel({ fee }: { fee: StaffFeeView }) {
  const t = await getTranslations("console.request.fee");
  const l = await getTranslations("console.labels");
  const common = await getTranslations("common");
  const format = await getFormatter();
  const yen = (n: number) => common("yen", { amount: n });
  return (
    <div className="flex flex-col gap-3" data-testid="fee-panel">
      <p>
        <Badge
          tone={
            fee.fee === "AWAITING_PAYMENT"
              ? "warning"
              : fee.fee === "PAID" || fee.fee === "WAIVED"
                ? "success"
                : "neutral"
          }
        >
          {l(`fee.${fee.fee}`)}
        </Badge>
      </p>
      {fee.fee !== "NOT_REQUIRED" ? (
        <Facts
          columns={3}
          items={[
            [t("amount"), yen(fee.feeAmount)],
            [t("tax"), yen(fee.feeTaxAmount)],
            [t("paid"), yen(fee.paid)],
            [t("refunded"), fee.refunded ? yen(fee.refunded) : ""],
            [t("outstanding"), fee.takesPayment ? yen(fee.outstanding) : ""],
            [t("transferReference"), fee.transferReference],
            [t("waiverReason"), fee.waiverReason],
          ]}
        />
      ) : null}
      {fee.payments.length ? (
        <div>
          <h3 className="font-semibold">{t("payments")}</h3>
          <ul className="text-sm">
            {fee.payments.map((p) => (
              <li key={p.id}>
                {p.paidOn} · {t(`method.${p.method}`)} · {yen(p.amount)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {fee.refunds.length ? (
        <div>
          <h3 className="font-semibold">{t("refunds")}</h3>
          <ul className="text-sm">
            {fee.refunds.map((r) => (
              <li key={r.id}>
                {format.dateTime(r.createdAt, { dateStyle: "medium" })} · {yen(r.amount)} · {r.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {fee.receipts.length ? (
        <div>
          <h3 className="font-semibold">{t("receipts")}</h3>
          <ul className="text-sm">
            {fee.receipts.map((r) => (
              <li key={r.id}>
                {r.number} · {format.dateTime(r.issuedAt, { dateStyle: "medium" })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
