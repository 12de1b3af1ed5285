"use client";
import { useActionState, useEffect } from "react";
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
  const url = state.status === "ok" ? state.data?.url : undefined;
  useEffect(() => {
    if (url) window.location.assign(url);
  }, [url]);
  const errs =
    state.status === "error" ? (state.fieldErrors.reference ?? []).map((k) => te(k.replace(/^errors\./, ""))) : [];
  const formError = state.status === "error" && !errs.length ? te(`codes.${state.code}`) : null;
  return (
    <form action={action} noValidate className="max-w-md">
      <ErrorSummary
        title={tc("errorSummaryTitle")}
        items={
          errs.length
            ? [{ fieldId: "reference", label: t("reference"), message: errs.join(" ") }]
            : formError
              ? [{ message: formError }]
              : []
        }
      />
      <TextField
        id="reference"
        label={t("reference")}
        hint={t("referenceHint")}
        autoComplete="off"
        defaultValue={state.status === "error" ? state.values?.reference : undefined}
        errors={errs}
      />
      {url ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3">
          {t("started", { reference: state.status === "ok" ? (state.data?.reference ?? "") : "" })}{" "}
          <a href={url} className="text-brand-700 underline">
            {t("again")}
          </a>
        </p>
      ) : null}
      <SubmitButton>{t("downloadArchive")}</SubmitButton>
    </form>
  );
}
