"use client";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { SelectField, TextField } from "@/components/ui/field";
import { PREFECTURES, RELATIONSHIPS } from "@/lib/requests/policy-items";
import { Choices } from "../choices";
import { ActionButton, DefaultSubmit, FormErrors, FormNotice, usePortalForm, WizardNav, type PortalAction } from "../portal-form";
import { fieldIdOf, type PortalFormState } from "../step-state";

export function SubjectStepForm({ action, initial, agent }: { action: PortalAction; initial: PortalFormState; agent: boolean }) {
  const f = usePortalForm(action, initial);
  const t = useTranslations("portal.wizard");
  const tr = useTranslations("requests");
  const tc = useTranslations("common");
  const addressRef = useRef<HTMLInputElement>(null);
  const notice = f.state.notice;
  // After the address was filled from the postal code, continue where the person types next.
  useEffect(() => {
    if (notice === "portal.wizard.subject.lookupOk") addressRef.current?.focus();
  }, [notice, f.state.nonce]);
  const req = { requiredLabel: tc("required"), optionalLabel: tc("optional") };
  const field = (name: string, props: Record<string, unknown> = {}) => (
    <TextField id={fieldIdOf(name)} name={name} label={t(`fields.${name}`)} defaultValue={f.v(name)} errors={f.err(name)} required {...req} {...props} />
  );
  return (
    <>
      <FormErrors state={f.state} text={f.text} />
      <FormNotice state={f.state} text={f.text} />
      <form key={f.state.nonce} action={f.formAction} noValidate>
        <DefaultSubmit />
        {agent ? <p className="mb-4 rounded-md bg-brand-50 p-3">{t("subject.agentNote")}</p> : null}
        {field("name", { autoComplete: agent ? "off" : "name", hint: t("hints.name") })}
        {field("nameKana", { autoComplete: "off", hint: t("hints.kana") })}
        {field("birthDate", { autoComplete: agent ? "off" : "bday", hint: t("hints.date") })}
        <div className="mb-5">
          <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
            <div className="sm:w-56 [&>div]:mb-0">
              {field("postalCode", { autoComplete: agent ? "off" : "postal-code", inputMode: "numeric", hint: t("hints.postalCode") })}
            </div>
            <ActionButton pending={f.pending} value="lookup" variant="secondary" className="sm:mb-0">
              {t("subject.lookup")}
            </ActionButton>
          </div>
        </div>
        <SelectField
          id={fieldIdOf("prefecture")}
          name="prefecture"
          label={t("fields.prefecture")}
          hint={t("subject.prefectureHint")}
          defaultValue={f.v("prefecture")}
          errors={f.err("prefecture")}
          autoComplete={agent ? "off" : "address-level1"}
          required
          {...req}
          options={[{ value: "", label: t("subject.choosePrefecture") }, ...PREFECTURES.map((p) => ({ value: p, label: p }))]}
        />
        {field("city", { autoComplete: agent ? "off" : "address-level2" })}
        {field("addressLine", { autoComplete: agent ? "off" : "address-line1", hint: t("hints.addressLine"), ref: addressRef })}
        {field("email", { type: "email", autoComplete: agent ? "off" : "email", hint: agent ? t("hints.subjectEmailAgent") : t("hints.email") })}
        {field("phone", { type: "tel", autoComplete: agent ? "off" : "tel", hint: t("hints.phone") })}
        {field("customerId", { required: false, autoComplete: "off", hint: t("hints.customerId") })}
        <Choices
          id={fieldIdOf("relationship")}
          name="relationship"
          legend={t("fields.relationship")}
          hint={t("subject.relationshipHint")}
          required
          requiredLabel={tc("required")}
          errors={f.err("relationship")}
          checked={f.vs("relationship")}
          columns
          options={RELATIONSHIPS.map((r) => ({ value: r, label: tr(`relationships.${r}`) }))}
        />
        <WizardNav pending={f.pending} />
      </form>
    </>
  );
}
