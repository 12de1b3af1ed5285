"use client";
import { useTranslations } from "next-intl";
import { Checkbox } from "@/components/ui/form/choices";
import { FormErrors, usePortalForm, type PortalAction } from "@/components/ui/form/action-form";
import { WizardNav } from "@/components/portal/wizard-buttons";
import { fieldId } from "@/components/ui/form/form-text";
import { type PortalFormState } from "@/lib/form-state";

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
  const labels = { declarationAccepted: t("declaration") };
  return (
    <>
      <FormErrors state={f.state} text={f.text} labels={labels} />
      <form key={f.state.nonce} action={f.formAction} noValidate>
        <Checkbox
          id={fieldId("f", "declarationAccepted")}
          name="declarationAccepted"
          label={labels.declarationAccepted}
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
