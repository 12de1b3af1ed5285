"use client";
// First: these schemas are built when imported (lib/zod-jitless.ts).
import "@/lib/zod-jitless";
import Link from "next/link";
import { REQUEST_TYPE_ARTICLES } from "@/lib/policy/request-articles";
import { DefaultSubmit, WizardNav } from "@/components/portal/wizard-buttons";
import { FormErrors, FormNotice, usePortalForm, type PortalAction } from "@/components/ui/form/action-form";
import type { PortalFormState } from "@/lib/form-state";
import {
  Correction,
  Disclosure,
  Suspension,
  Text,
  ThirdPartyStop,
  useDetailsLabels,
  useLabels,
  type DetailsOptions,
} from "./details-sections";

export type { DetailsOptions };

export function DetailsStepForm({
  action,
  initial,
  options,
}: {
  action: PortalAction;
  initial: PortalFormState;
  options: DetailsOptions;
}) {
  const f = usePortalForm(action, initial);
  const { t } = useLabels();
  const labels = useDetailsLabels(f, options);
  return (
    <>
      <FormErrors state={f.state} text={f.text} labels={labels} />
      <FormNotice state={f.state} text={f.text} />
      <form key={f.state.nonce} action={f.formAction} noValidate className="group">
        <DefaultSubmit />
        <p className="mb-6">
          {t(`details.intro.${options.type}`)}{" "}
          {REQUEST_TYPE_ARTICLES[options.type].map((n) => (
            <Link key={n} href={`/policy#art-${n}`} className="mr-3 inline-block text-brand-700 underline">
              {t("policyArticle", { n })}
            </Link>
          ))}
        </p>
        {options.type === "DISCLOSURE" ? <Disclosure f={f} o={options} /> : null}
        {options.type === "CORRECTION" ? <Correction f={f} o={options} /> : null}
        {options.type === "SUSPENSION" ? <Suspension f={f} o={options} /> : null}
        {options.type === "THIRD_PARTY_STOP" ? <ThirdPartyStop f={f} o={options} /> : null}
        {options.type === "PURPOSE_NOTICE" ? <Text f={f} name="note" area hint={t("details.noteHint")} /> : null}
        <WizardNav pending={f.pending} />
      </form>
    </>
  );
}
