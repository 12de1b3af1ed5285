"use client";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { SelectField, TextareaField, TextField } from "@/components/ui/field";
import { RESIDENCES } from "@/lib/requests/countries";
import { PREFECTURES, RELATIONSHIPS } from "@/lib/requests/policy-items";
import { Choices } from "@/components/ui/form/choices";
import {
  ActionButton,
  FormErrors,
  FormNotice,
  usePortalForm,
  type PortalAction,
} from "@/components/ui/form/action-form";
import { DefaultSubmit, WizardNav } from "@/components/portal/wizard-buttons";
import { fieldId, type FieldLabels } from "@/components/ui/form/form-text";
import { type PortalFormState } from "@/lib/form-state";

/** Shown only while "outside Japan" is chosen (CSS only, so it works without JavaScript). */
const ABROAD_ONLY = "hidden group-has-[#f-residence-ABROAD:checked]:block";
/** Hidden while "outside Japan" is chosen. */
const JAPAN_ONLY = "group-has-[#f-residence-ABROAD:checked]:hidden";
const ABROAD_ONLY_INLINE = "hidden group-has-[#f-residence-ABROAD:checked]:inline";

/** Every field of the step; each shows portal.wizard.fields.<name> as its label. */
const SUBJECT_FIELDS = [
  "residence",
  "name",
  "nameKana",
  "birthDate",
  "postalCode",
  "prefecture",
  "city",
  "addressLine",
  "country",
  "address",
  "email",
  "phone",
  "customerId",
  "relationship",
] as const;

export function SubjectStepForm({
  action,
  initial,
  agent,
  countries,
}: {
  action: PortalAction;
  initial: PortalFormState;
  agent: boolean;
  countries: { value: string; label: string }[];
}) {
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
  const labels: FieldLabels = Object.fromEntries(SUBJECT_FIELDS.map((name) => [name, t(`fields.${name}`)]));
  const field = (name: (typeof SUBJECT_FIELDS)[number], props: Record<string, unknown> = {}) => (
    <TextField
      id={fieldId("f", name)}
      name={name}
      label={labels[name]}
      defaultValue={f.v(name)}
      errors={f.err(name)}
      required
      {...req}
      {...props}
    />
  );
  return (
    <>
      <FormErrors state={f.state} text={f.text} labels={labels} />
      <FormNotice state={f.state} text={f.text} />
      {/* Japan or abroad: the address fields of the other hide themselves (CSS only); the server reads only the chosen ones. */}
      <form key={f.state.nonce} action={f.formAction} noValidate className="group">
        <DefaultSubmit />
        {agent ? <p className="mb-4 rounded-md bg-brand-50 p-3">{t("subject.agentNote")}</p> : null}
        <Choices
          id={fieldId("f", "residence")}
          name="residence"
          legend={labels.residence}
          hint={t("subject.residenceHint")}
          required
          requiredLabel={tc("required")}
          errors={f.err("residence")}
          checked={f.vs("residence").length ? f.vs("residence") : ["JP"]}
          columns
          options={RESIDENCES.map((r) => ({ value: r, label: t(`subject.residence.${r}`) }))}
        />
        {field("name", { autoComplete: agent ? "off" : "name", hint: t("hints.name") })}
        <TextField
          id={fieldId("f", "nameKana")}
          name="nameKana"
          label={
            <>
              {labels.nameKana}
              <span className={`ml-2 rounded bg-danger px-1.5 py-0.5 text-xs font-normal text-white ${JAPAN_ONLY}`}>
                {tc("required")}
              </span>
              <span className={`ml-2 text-xs font-normal text-muted ${ABROAD_ONLY_INLINE}`}>{tc("optional")}</span>
            </>
          }
          defaultValue={f.v("nameKana")}
          errors={f.err("nameKana")}
          autoComplete="off"
          hint={t("hints.kanaAbroad")}
        />
        {field("birthDate", { autoComplete: agent ? "off" : "bday", hint: t("hints.date") })}
        <div className={JAPAN_ONLY}>
          <div className="mb-5">
            <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
              <div className="sm:w-56 [&>div]:mb-0">
                {field("postalCode", {
                  autoComplete: agent ? "off" : "postal-code",
                  inputMode: "numeric",
                  hint: t("hints.postalCode"),
                })}
              </div>
              <ActionButton pending={f.pending} value="lookup" variant="secondary" className="sm:mb-0">
                {t("subject.lookup")}
              </ActionButton>
            </div>
          </div>
          <SelectField
            id={fieldId("f", "prefecture")}
            name="prefecture"
            label={labels.prefecture}
            hint={t("subject.prefectureHint")}
            defaultValue={f.v("prefecture")}
            errors={f.err("prefecture")}
            autoComplete={agent ? "off" : "address-level1"}
            required
            {...req}
            options={[
              { value: "", label: t("subject.choosePrefecture") },
              ...PREFECTURES.map((p) => ({ value: p, label: p })),
            ]}
          />
          {field("city", { autoComplete: agent ? "off" : "address-level2" })}
          {field("addressLine", {
            autoComplete: agent ? "off" : "address-line1",
            hint: t("hints.addressLine"),
            ref: addressRef,
          })}
        </div>
        <div className={ABROAD_ONLY}>
          <SelectField
            id={fieldId("f", "country")}
            name="country"
            label={labels.country}
            defaultValue={f.v("country")}
            errors={f.err("country")}
            autoComplete={agent ? "off" : "country"}
            required
            {...req}
            options={[{ value: "", label: t("subject.chooseCountry") }, ...countries]}
          />
          <TextareaField
            id={fieldId("f", "address")}
            name="address"
            label={labels.address}
            hint={t("hints.addressAbroad")}
            rows={4}
            defaultValue={f.v("address")}
            errors={f.err("address")}
            autoComplete={agent ? "off" : "street-address"}
            required
            {...req}
          />
        </div>
        {field("email", {
          type: "email",
          autoComplete: agent ? "off" : "email",
          hint: agent ? t("hints.subjectEmailAgent") : t("hints.email"),
        })}
        {field("phone", {
          type: "tel",
          autoComplete: agent ? "off" : "tel",
          hint: (
            <>
              <span className={`inline ${JAPAN_ONLY}`}>{t("hints.phone")}</span>
              <span className={ABROAD_ONLY_INLINE}>{t("hints.phoneAbroad")}</span>
            </>
          ),
        })}
        {field("customerId", { required: false, autoComplete: "off", hint: t("hints.customerId") })}
        <Choices
          id={fieldId("f", "relationship")}
          name="relationship"
          legend={labels.relationship}
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
