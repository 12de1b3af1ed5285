"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField, TextareaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { idleState } from "@/lib/form-state";
import { refundPaymentAction, reissueReceiptAction } from "./actions";
import { ConfirmCheckbox } from "@/components/ui/form/choices";
import { useCodeText, useFormErrors } from "@/components/ui/form/form-errors";

/** Refunds all (the amount as offered) or part of one payment; Stripe payments go back through Stripe. */
export function RefundForm({
  requestId,
  paymentId,
  refundable,
  refundableText,
  viaStripe,
}: {
  requestId: string;
  paymentId: string;
  refundable: number;
  refundableText: string;
  viaStripe: boolean;
}) {
  const t = useTranslations("fees.console.refund");
  const tc = useTranslations("common");
  const [state, action] = useActionState(refundPaymentAction, idleState);
  const prefix = `refund-${paymentId}`;
  const labels = {
    amount: t("amount"),
    reason: t("reason"),
    confirm: viaStripe ? t("confirmStripe") : t("confirmManual"),
  };
  const { err, items, values } = useFormErrors(state, prefix, labels, "fees.console.codes");
  const confirmErr = err("confirm");
  return (
    <form action={action} noValidate className="max-w-xl">
      <ErrorSummary title={tc("errorSummaryTitle")} items={items} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="paymentId" value={paymentId} />
      <TextField
        id={`${prefix}-amount`}
        name="amount"
        inputMode="numeric"
        label={labels.amount}
        hint={t("amountHint", { refundable: refundableText })}
        required
        requiredLabel={tc("required")}
        autoComplete="off"
        defaultValue={values?.amount ?? String(refundable)}
        errors={err("amount")}
      />
      <TextareaField
        id={`${prefix}-reason`}
        name="reason"
        rows={2}
        label={labels.reason}
        required
        requiredLabel={tc("required")}
        defaultValue={values?.reason}
        errors={err("reason")}
      />
      <ConfirmCheckbox id={`${prefix}-confirm`} errors={confirmErr} className="mb-5">
        {labels.confirm}
      </ConfirmCheckbox>
      <SubmitButton variant="danger" pendingLabel={t("pending")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}

export function ReissueReceiptForm({ receiptId, number }: { receiptId: string; number: string }) {
  const t = useTranslations("fees.console.receipts");
  const codeText = useCodeText("fees.console.codes");
  const [state, action] = useActionState(reissueReceiptAction, idleState);
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="receiptId" value={receiptId} />
      <SubmitButton
        variant="secondary"
        size="sm"
        aria-label={t("reissueFor", { number })}
        pendingLabel={t("reissuing")}
      >
        {t("reissue")}
      </SubmitButton>
      <span
        role="status"
        className={`text-sm ${state.status === "error" ? "font-semibold text-danger" : "text-green-800"}`}
      >
        {state.status === "ok"
          ? t("reissued", { number: state.data?.number ?? "" })
          : state.status === "error"
            ? codeText(state.code)
            : ""}
      </span>
    </form>
  );
}
