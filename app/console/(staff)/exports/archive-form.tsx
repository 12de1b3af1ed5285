"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { idleState } from "@/lib/form-state";
import { archiveByReferenceAction } from "./actions";

export function ArchiveForm() {
  const t = useTranslations("operations.exports");
  const te = useTranslations("errors");
  const tc = useTranslations("common");
  const [state, action] = useActionState(archiveByReferenceAction, idleState);
  const errs = state.status === "error" ? (state.fieldErrors.reference ?? []).map((k) => te(k.replace(/^errors\./, ""))) : [];
  const formError = state.status === "error" && !errs.length ? te(`codes.${state.code}`) : null;
  return (
    <form action={action} noValidate className="max-w-md">
      <ErrorSummary title={tc("errorSummaryTitle")} items={errs.length ? [{ fieldId: "reference", message: errs.join(" ") }] : formError ? [{ message: formError }] : []} />
      <TextField id="reference" label={t("reference")} hint={t("referenceHint")} autoComplete="off" defaultValue={state.status === "error" ? state.values?.reference : undefined} errors={errs} />
      <SubmitButton>{t("downloadArchive")}</SubmitButton>
    </form>
  );
}
