"use client";
// First: these schemas are built when imported (lib/zod-jitless.ts).
import "@/lib/zod-jitless";
import { useActionState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { SelectField, TextField, TextareaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { idleState } from "@/lib/form-state";
import { manualPaymentMethods } from "@/lib/fees/fee-schemas";
import { recordPaymentAction, waiveFeeAction } from "./actions";
import { useFormErrors } from "@/components/ui/form/form-errors";

/** Money received outside Stripe: by reference from the dashboard, or fixed on a request's page. */
export function RecordPaymentForm({
  requestId,
  reference,
  today,
  defaultAmount,
}: {
  requestId?: string;
  reference?: string;
  today: string;
  defaultAmount?: number;
}) {
  const t = useTranslations("fees.console.record");
  const tm = useTranslations("fees.method");
  const tc = useTranslations("common");
  const [state, action] = useActionState(recordPaymentAction, idleState);
  // On a request's own page the reference is not asked for, so it is not a field there.
  const labels = {
    ...(requestId ? {} : { reference: t("reference") }),
    method: t("method"),
    paidOn: t("paidOn"),
    amount: t("amount"),
    payerName: t("payerName"),
  };
  const { err, items, values } = useFormErrors(state, "record", labels, "fees.console.codes");
  const ok = state.status === "ok" ? state.data : undefined;
  return (
    <form action={action} noValidate className="max-w-xl" key={ok?.paymentId ?? "record"}>
      <ErrorSummary title={tc("errorSummaryTitle")} items={items} />
      {ok ? (
        <div role="status" className="mb-4 rounded-md border-l-4 border-green-700 bg-green-50 p-3">
          <p>{t("done", { reference: ok.reference ?? "" })}</p>
          <p>{ok.fee === "PAID" ? t("donePaid", { receipt: ok.receipt ?? "" }) : t("donePartial")}</p>
          {!requestId && ok.requestId ? (
            <Link href={`/console/fees/${ok.requestId}`} className="text-brand-700 underline">
              {t("openRequest", { reference: ok.reference ?? "" })}
            </Link>
          ) : null}
        </div>
      ) : null}
      {requestId ? (
        <input type="hidden" name="requestId" value={requestId} />
      ) : (
        <TextField
          id="record-reference"
          name="reference"
          label={labels.reference}
          hint={t("referenceHint")}
          required
          requiredLabel={tc("required")}
          autoComplete="off"
          defaultValue={values?.reference ?? reference}
          errors={err("reference")}
        />
      )}
      <SelectField
        id="record-method"
        name="method"
        label={labels.method}
        required
        requiredLabel={tc("required")}
        defaultValue={values?.method ?? "BANK_TRANSFER"}
        options={manualPaymentMethods.map((m) => ({ value: m, label: tm(m) }))}
        errors={err("method")}
      />
      <TextField
        id="record-paidOn"
        name="paidOn"
        type="date"
        max={today}
        label={labels.paidOn}
        hint={t("paidOnHint")}
        required
        requiredLabel={tc("required")}
        defaultValue={values?.paidOn ?? today}
        errors={err("paidOn")}
      />
      <TextField
        id="record-amount"
        name="amount"
        inputMode="numeric"
        label={labels.amount}
        hint={t("amountHint")}
        required
        requiredLabel={tc("required")}
        autoComplete="off"
        defaultValue={values?.amount ?? (defaultAmount ? String(defaultAmount) : "")}
        errors={err("amount")}
      />
      <TextField
        id="record-payerName"
        name="payerName"
        label={labels.payerName}
        hint={t("payerNameHint")}
        required
        requiredLabel={tc("required")}
        autoComplete="off"
        defaultValue={values?.payerName}
        errors={err("payerName")}
      />
      <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
    </form>
  );
}

export function WaiveFeeForm({ requestId }: { requestId: string }) {
  const t = useTranslations("fees.console.waive");
  const tc = useTranslations("common");
  const [state, action] = useActionState(waiveFeeAction, idleState);
  const labels = { reason: t("reason") };
  const { err, items, values } = useFormErrors(state, "waive", labels, "fees.console.codes");
  return (
    <form action={action} noValidate className="max-w-xl">
      <ErrorSummary title={tc("errorSummaryTitle")} items={items} />
      <input type="hidden" name="requestId" value={requestId} />
      <TextareaField
        id="waive-reason"
        name="reason"
        rows={3}
        label={labels.reason}
        hint={t("reasonHint")}
        required
        requiredLabel={tc("required")}
        defaultValue={values?.reason}
        errors={err("reason")}
      />
      <SubmitButton variant="danger" pendingLabel={t("pending")}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
