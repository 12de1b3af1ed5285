"use client";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { Checkbox } from "@/components/ui/form/choices";
import { FormErrors, usePortalForm, type PortalAction } from "@/components/ui/form/action-form";
import { WizardNav } from "@/components/portal/wizard-buttons";
import { fieldId, type FieldLabels } from "@/components/ui/form/form-text";
import { type PortalFormState } from "@/lib/form-state";
import { pendingUpload } from "./pending-upload";

/**
 * The step's own answer (copies by post instead) and the way on; uploads have their own form
 * above. `fileKinds` are the kinds the uploaded files are shown under, in the draft's order,
 * so an error about one file (files.1.kind) is named by it.
 */
export function DocumentsStepForm({
  action,
  initial,
  fileKinds,
}: {
  action: PortalAction;
  initial: PortalFormState;
  fileKinds: readonly string[];
}) {
  const f = usePortalForm(action, initial);
  const t = useTranslations("portal.wizard.documents");
  const tr = useTranslations("requests");
  // "files" (a document still missing) links to the upload panel, named by its heading.
  const labels: FieldLabels = {
    files: t("uploadTitle"),
    sendByPost: tr("documentGuidance.sendByPost"),
    ...Object.fromEntries(fileKinds.map((kind, i) => [`files.${i}.kind`, kind])),
  };

  // 次へ with a file still in the picker (chosen, not sent): send it first, then go on.
  // If the upload is refused, its errors show in the upload panel and the step stays.
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const pending = pendingUpload();
    if (!pending || (submitter instanceof HTMLButtonElement && submitter.value === "back")) return;
    e.preventDefault();
    const form = e.currentTarget;
    void pending.send().then((ok) => {
      if (ok) form.requestSubmit(submitter instanceof HTMLButtonElement ? submitter : null);
      else document.getElementById(fieldId("f", "files"))?.focus();
    });
  }

  return (
    <>
      <FormErrors state={f.state} text={f.text} labels={labels} />
      <form key={f.state.nonce} action={f.formAction} onSubmit={onSubmit} noValidate>
        <Checkbox
          id={fieldId("f", "sendByPost")}
          name="sendByPost"
          label={labels.sendByPost}
          hint={t("sendByPostHint")}
          errors={f.err("sendByPost")}
          checked={f.v("sendByPost") === "on"}
        />
        <WizardNav pending={f.pending} />
      </form>
    </>
  );
}
