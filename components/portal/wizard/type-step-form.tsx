"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { WIZARD_REQUEST_TYPES } from "@/lib/requests/request-choices";
import { REQUEST_ARTICLES } from "@/lib/policy/request-articles";
import { Choices } from "@/components/ui/form/choices";
import { FormErrors, usePortalForm, type PortalAction } from "@/components/ui/form/action-form";
import { WizardNav } from "@/components/portal/wizard-buttons";
import { fieldId } from "@/components/ui/form/form-text";
import { type PortalFormState } from "@/lib/form-state";

export function TypeStepForm({
  action,
  initial,
  feeText,
}: {
  action: PortalAction;
  initial: PortalFormState;
  feeText: string;
}) {
  const f = usePortalForm(action, initial);
  const t = useTranslations("portal.wizard");
  const tr = useTranslations("requests");
  const tc = useTranslations("common");
  const labels = { type: t("type.legend") };
  return (
    <>
      <FormErrors state={f.state} text={f.text} labels={labels} />
      <form key={f.state.nonce} action={f.formAction} noValidate>
        <Choices
          id={fieldId("f", "type")}
          name="type"
          legend={labels.type}
          required
          requiredLabel={tc("required")}
          errors={f.err("type")}
          checked={f.vs("type")}
          options={WIZARD_REQUEST_TYPES.map((type) => ({
            value: type,
            label: tr(`types.${type}`),
            description: `${tr(`typeDescriptions.${type}`, { fee: feeText })}（${tr(`typeArticles.${type}`)}）`,
          }))}
        />
        <p className="mb-2 text-sm">
          {t("type.policyLinks")}{" "}
          {REQUEST_ARTICLES.map((n) => (
            <Link key={n} href={`/policy#art-${n}`} className="mr-3 inline-block text-brand-700 underline">
              {t("policyArticle", { n })}
            </Link>
          ))}
        </p>
        <p className="text-sm">
          {t("type.inquiryNote")}{" "}
          <Link href="/inquiry" className="text-brand-700 underline">
            {t("type.inquiryLink")}
          </Link>
        </p>
        <WizardNav pending={f.pending} back={false} />
      </form>
    </>
  );
}
