"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { TextareaField, TextField } from "@/components/ui/field";
import { REQUESTER_KINDS } from "@/lib/requests/request-choices";
import { Choices } from "@/components/ui/form/choices";
import { FormErrors, usePortalForm, type PortalAction } from "@/components/ui/form/action-form";
import { WizardNav } from "@/components/portal/wizard-buttons";
import { fieldId, type FieldLabels } from "@/components/ui/form/form-text";
import { type PortalFormState } from "@/lib/form-state";

const AGENT_FIELDS = ["agent.name", "agent.nameKana", "agent.email", "agent.phone", "agent.address"] as const;

export function RequesterStepForm({ action, initial }: { action: PortalAction; initial: PortalFormState }) {
  const f = usePortalForm(action, initial);
  const t = useTranslations("portal.wizard");
  const tr = useTranslations("requests");
  const tc = useTranslations("common");
  const req = { required: true, requiredLabel: tc("required") };
  const labels: FieldLabels = {
    requesterKind: t("requester.legend"),
    ...Object.fromEntries(AGENT_FIELDS.map((name) => [name, t(`fields.${name}`)])),
  };
  const text = (name: string, autoComplete: string, extra: Record<string, string> = {}) => (
    <TextField
      id={fieldId("f", name)}
      name={name}
      label={labels[name]}
      defaultValue={f.v(name)}
      errors={f.err(name)}
      autoComplete={autoComplete}
      {...req}
      {...extra}
    />
  );
  return (
    <>
      <FormErrors state={f.state} text={f.text} labels={labels} />
      {/* The agent's section hides itself (CSS only) while "the person themselves" is chosen. */}
      <form key={f.state.nonce} action={f.formAction} noValidate className="group">
        <Choices
          id={fieldId("f", "requesterKind")}
          name="requesterKind"
          legend={labels.requesterKind}
          hint={t("requester.hint")}
          {...req}
          errors={f.err("requesterKind")}
          checked={f.vs("requesterKind")}
          options={REQUESTER_KINDS.map((k) => ({
            value: k,
            label: tr(`requesterKinds.${k}`),
            description: t(`requester.describe.${k}`),
          }))}
        />
        <fieldset className="mb-4 min-w-0 rounded-md border border-brand-100 bg-white p-4 group-has-[#f-requesterKind-SELF:checked]:hidden">
          <legend className="px-1 font-bold">{t("requester.agentLegend")}</legend>
          <p className="mb-4 text-sm text-muted">{t("requester.agentHint")}</p>
          {text("agent.name", "section-agent name", { hint: t("hints.name") })}
          {text("agent.nameKana", "off", { hint: t("hints.kana") })}
          {text("agent.email", "section-agent email", { type: "email", hint: t("hints.agentEmail") })}
          {text("agent.phone", "section-agent tel", { type: "tel", hint: t("hints.phone") })}
          <TextareaField
            id={fieldId("f", "agent.address")}
            name="agent.address"
            label={labels["agent.address"]}
            rows={2}
            defaultValue={f.v("agent.address")}
            errors={f.err("agent.address")}
            autoComplete="section-agent street-address"
            {...req}
          />
          <p className="text-sm">
            {t("requester.agentDocuments")}{" "}
            <Link href="/policy#art-6" className="text-brand-700 underline">
              {t("policyArticle", { n: 6 })}
            </Link>
          </p>
        </fieldset>
        <WizardNav pending={f.pending} />
      </form>
    </>
  );
}
