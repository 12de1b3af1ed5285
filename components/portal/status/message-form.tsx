"use client";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextareaField } from "@/components/ui/field";
import {
  ActionButton,
  FormErrors,
  FormNotice,
  usePortalForm,
  type PortalAction,
} from "@/components/ui/form/action-form";
import { fieldId } from "@/components/ui/form/form-text";
import { type PortalFormState } from "@/lib/form-state";

const ACCEPT = ".pdf,.jpg,.jpeg,.png,.heic,.heif,application/pdf,image/jpeg,image/png,image/heic,image/heif";

/** A message to staff, with attachments (a clearer copy, a missing document). */
export function MessageForm({
  action,
  initial,
  maxBytes,
  maxFiles,
}: {
  action: PortalAction;
  initial: PortalFormState;
  maxBytes: number;
  maxFiles: number;
}) {
  const f = usePortalForm(action, initial);
  const [tooBig, setTooBig] = useState<string | null>(null);
  // Checked here too, so a huge file is not sent at all (the server refuses it anyway).
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    const files = new FormData(e.currentTarget)
      .getAll("attachments")
      .filter((v): v is File => v instanceof File && v.size > 0);
    const problem =
      files.length > maxFiles
        ? "requests.errors.tooManyFiles"
        : files.some((file) => file.size > maxBytes)
          ? "requests.errors.fileTooLarge"
          : null;
    setTooBig(problem);
    if (problem) e.preventDefault();
  };
  const t = useTranslations("portal.status.messages");
  const tc = useTranslations("common");
  const attachmentErrors = Object.entries(f.state.fieldErrors)
    .filter(([k]) => k.startsWith("attachments"))
    .flatMap(([, keys]) => keys.map(f.text))
    .concat(tooBig ? [f.text(tooBig)] : []);
  // "attachments.1" (one file refused) takes the label of "attachments".
  const labels = { body: t("body"), attachments: t("attachments") };
  return (
    <>
      <FormErrors
        state={f.state}
        text={f.text}
        labels={labels}
        fieldIds={{
          attachments: fieldId("f", "attachments"),
          "attachments.0": fieldId("f", "attachments"),
          "attachments.1": fieldId("f", "attachments"),
          "attachments.2": fieldId("f", "attachments"),
        }}
      />
      {tooBig ? (
        <ErrorSummary
          title={tc("errorSummaryTitle")}
          items={[{ fieldId: fieldId("f", "attachments"), label: labels.attachments, message: f.text(tooBig) }]}
        />
      ) : null}
      <FormNotice state={f.state} text={f.text} />
      <form key={f.state.nonce} action={f.formAction} onSubmit={onSubmit} noValidate encType="multipart/form-data">
        <TextareaField
          id={fieldId("f", "body")}
          name="body"
          label={labels.body}
          defaultValue={f.v("body")}
          errors={f.err("body")}
          rows={4}
          required
          requiredLabel={tc("required")}
        />
        <div className="mb-5">
          <label htmlFor={fieldId("f", "attachments")} className="mb-1 block font-semibold">
            {labels.attachments} <span className="ml-1 text-xs font-normal text-muted">{tc("optional")}</span>
          </label>
          <p id="attachments-hint" className="mb-1 text-sm text-muted">
            {t("attachmentsHint")}
          </p>
          {attachmentErrors.length ? (
            <p id="attachments-error" className="mb-1 text-sm font-semibold text-danger">
              {attachmentErrors.join(" ")}
            </p>
          ) : null}
          <input
            id={fieldId("f", "attachments")}
            type="file"
            name="attachments"
            multiple
            accept={ACCEPT}
            aria-describedby={attachmentErrors.length ? "attachments-hint attachments-error" : "attachments-hint"}
            className="block w-full max-w-full rounded-md border border-stone-400 bg-white p-2 text-sm"
          />
        </div>
        <ActionButton pending={f.pending} value="send" className="w-full sm:w-auto">
          {f.pending ? t("sending") : t("send")}
        </ActionButton>
      </form>
    </>
  );
}
