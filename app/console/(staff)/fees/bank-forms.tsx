"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField, TextareaField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { idleState } from "@/lib/form-state";
import { importStatementAction, resolveBankLineAction } from "./actions";
import { ConfirmCheckbox } from "@/components/ui/form/choices";
import { useFormErrors } from "@/components/ui/form/form-errors";

export function ImportStatementForm() {
  const t = useTranslations("fees.console.import");
  const tc = useTranslations("common");
  const [state, action] = useActionState(importStatementAction, idleState);
  // A statement's own errors name their line (lines.12) and are listed without a field.
  const labels = { content: t("file") };
  const { err, items } = useFormErrors(state, "import", labels, "fees.console.codes");
  const s = state.status === "ok" ? state.data : undefined;
  const fileErr = err("content");
  return (
    <div>
      {s ? (
        <div
          role="status"
          className="mb-4 rounded-md border-l-4 border-green-700 bg-green-50 p-3"
          data-testid="import-summary"
        >
          <p className="font-bold">{s.duplicate ? t("duplicate") : t("done")}</p>
          <ul className="list-disc pl-5">
            <li>{t("summaryApplied", { count: Number(s.applied) })}</li>
            <li>
              {t("summaryListed", { count: Number(s.listed) })}
              {Number(s.listed)
                ? ` ${t("summaryListedDetail", { mismatch: Number(s.mismatch), unknown: Number(s.unknown), settled: Number(s.settled) })}`
                : ""}
            </li>
            {Number(s.alreadyImported) ? (
              <li>{t("summaryAlreadyImported", { count: Number(s.alreadyImported) })}</li>
            ) : null}
            {Number(s.skipped) ? <li>{t("summarySkipped", { count: Number(s.skipped) })}</li> : null}
            {Number(s.decided) ? <li>{t("summaryDecided", { count: Number(s.decided) })}</li> : null}
          </ul>
        </div>
      ) : null}
      <form action={action} noValidate className="max-w-xl" key={s?.importId ?? "import"}>
        <ErrorSummary title={tc("errorSummaryTitle")} items={items} />
        <div className="mb-5">
          <label htmlFor="import-content" className="mb-1 block font-semibold">
            {labels.content}
            <span className="ml-2 rounded bg-danger px-1.5 py-0.5 text-xs font-normal text-white">
              {tc("required")}
            </span>
          </label>
          <p id="import-content-hint" className="mb-1 text-sm text-muted">
            {t("fileHint")}
          </p>
          {fileErr?.length ? (
            <p id="import-content-error" className="mb-1 text-sm font-semibold text-danger">
              {fileErr.join(" ")}
            </p>
          ) : null}
          <input
            id="import-content"
            name="statement"
            type="file"
            accept=".csv,.txt,text/csv"
            required
            aria-invalid={fileErr?.length ? true : undefined}
            aria-describedby={`import-content-hint${fileErr?.length ? " import-content-error" : ""}`}
            className="block w-full rounded-md border border-stone-400 bg-white p-2"
          />
        </div>
        <SubmitButton pendingLabel={t("pending")}>{t("submit")}</SubmitButton>
      </form>
    </div>
  );
}

/**
 * One listed deposit: apply it to a request the admin names and confirms, or dismiss it
 * with a note. On success the action returns to the dashboard (same filters), which
 * confirms what was done; the line has left the list.
 */
export function BankLineDecision({
  lineId,
  suggestedReference,
  amountText,
  query,
}: {
  lineId: string;
  suggestedReference: string;
  amountText: string;
  query: string;
}) {
  const t = useTranslations("fees.console.lines");
  const tc = useTranslations("common");
  const [state, action] = useActionState(resolveBankLineAction, idleState);
  const prefix = `line-${lineId}`;
  const labels = { reference: t("reference"), confirm: t("confirm", { amount: amountText }), note: t("note") };
  const { err, items, values } = useFormErrors(state, prefix, labels, "fees.console.codes");
  const confirmErr = err("confirm");
  return (
    <div className="space-y-4">
      <ErrorSummary title={tc("errorSummaryTitle")} items={items} />
      <div className="grid gap-4 md:grid-cols-2">
        <form action={action} noValidate className="rounded-md border border-stone-200 p-3">
          <input type="hidden" name="lineId" value={lineId} />
          <input type="hidden" name="op" value="apply" />
          <input type="hidden" name="query" value={query} />
          <TextField
            id={`${prefix}-reference`}
            name="reference"
            label={labels.reference}
            hint={t("referenceHint")}
            required
            requiredLabel={tc("required")}
            autoComplete="off"
            defaultValue={values?.op === "apply" ? values.reference : suggestedReference}
            errors={err("reference")}
          />
          <ConfirmCheckbox id={`${prefix}-confirm`} errors={confirmErr}>
            {labels.confirm}
          </ConfirmCheckbox>
          <SubmitButton pendingLabel={t("pending")}>{t("apply")}</SubmitButton>
        </form>
        <form action={action} noValidate className="rounded-md border border-stone-200 p-3">
          <input type="hidden" name="lineId" value={lineId} />
          <input type="hidden" name="op" value="dismiss" />
          <input type="hidden" name="query" value={query} />
          <TextareaField
            id={`${prefix}-note`}
            name="note"
            rows={2}
            label={labels.note}
            hint={t("noteHint")}
            required
            requiredLabel={tc("required")}
            defaultValue={values?.op === "dismiss" ? values.note : undefined}
            errors={err("note")}
          />
          <SubmitButton variant="secondary" pendingLabel={t("pending")}>
            {t("dismiss")}
          </SubmitButton>
        </form>
      </div>
    </div>
  );
}
