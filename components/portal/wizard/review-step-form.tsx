"use client";
import { useTranslations } from "next-intl";
import { Checkbox } from "../choices";
import { FormErrors, usePortalForm, WizardNav, type PortalAction } from "../portal-form";
import { fieldIdOf, type PortalFormState } from "../step-state";

export function ReviewStepForm({
  action,
  initial,
  contactEmail,
}: {
  action: PortalAction;
  initial: PortalFormState;
  contactEmail: string;
}) {
  const f = usePortalForm(action, initial);
  const t = useTranslations("portal.wizard.review");
  return (
    <>
      <FormErrors state={f.state} text={f.text} />
      <form key={f.state.nonce} action={f.formAction} noValidate>
        <Checkbox
          id={fieldIdOf("declarationAccepted")}
          name="declarationAccepted"
          label={t("declaration")}
          hint={t("declarationHint")}
          errors={f.err("declarationAccepted")}
          checked={f.v("declarationAccepted") === "on"}
        />
        <p className="mb-2">{t("codeNext", { email: contactEmail })}</p>
        <WizardNav pending={f.pending} nextLabel={t("sendCode")} />
      </form>
    </>
  );
}
