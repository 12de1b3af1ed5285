"use client";
import { useTranslations } from "next-intl";
import { Checkbox } from "../choices";
import { FormErrors, usePortalForm, WizardNav, type PortalAction } from "../portal-form";
import { fieldIdOf, type PortalFormState } from "../step-state";

/** The step's own answer (copies by post instead) and the way on; uploads have their own form above. */
export function DocumentsStepForm({ action, initial }: { action: PortalAction; initial: PortalFormState }) {
  const f = usePortalForm(action, initial);
  const t = useTranslations("portal.wizard.documents");
  const tr = useTranslations("requests");
  return (
    <>
      <FormErrors state={f.state} text={f.text} />
      <form key={f.state.nonce} action={f.formAction} noValidate>
        <Checkbox id={fieldIdOf("sendByPost")} name="sendByPost" label={tr("documentGuidance.sendByPost")} hint={t("sendByPostHint")} errors={f.err("sendByPost")} checked={f.v("sendByPost") === "on"} />
        <WizardNav pending={f.pending} />
      </form>
    </>
  );
}
