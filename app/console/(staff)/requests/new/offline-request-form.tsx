"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { SelectField, TextField, TextareaField } from "@/components/ui/field";
import { Choices } from "@/components/ui/form/choices";
import { FormFeedback, PendingButton, useConsoleForm } from "@/components/ui/form/transition-form";
import { fieldId, type FieldLabels } from "@/components/ui/form/form-text";
import { DetailsFields, useDetailsLabels } from "./details-fields";
import { createOfflineRequestAction } from "./actions";
import { Channel, DocumentHolder, RequesterKind } from "@/lib/generated/prisma/enums";

// Staff record requests that arrived any way but the web portal.
const OFFLINE_CHANNELS = Object.values(Channel).filter((c) => c !== "WEB");

export type OfflineFormOptions = {
  types: string[];
  prefectures: readonly string[];
  countries: { value: string; label: string }[];
  relationships: readonly string[];
  documentKinds: string[];
  today: string;
};

const id = (k: string) => fieldId("offline", k);
const SCANS = [0, 1, 2];

/** The fields whose label is console.offline.<their name>. */
const NAMED_FIELDS = [
  "type",
  "channel",
  "arrivedOn",
  "locale",
  "requesterKind",
  "subjectName",
  "subjectNameKana",
  "subjectBirthDate",
  "country",
  "postalCode",
  "prefecture",
  "city",
  "addressLine",
  "email",
  "phone",
  "customerId",
  "relationship",
  "agentName",
  "agentNameKana",
  "agentEmail",
  "agentPhone",
  "agentAddress",
];

/** Every field's label by form name; an error on the scans as a whole takes their legend. */
function useOfflineLabels(): FieldLabels {
  const o = useTranslations("console.offline");
  const details = useDetailsLabels();
  const scan = (i: number) => [
    [`documents.${i}.file`, o("scanFile")],
    [`documents.${i}.kind`, o("scanKind")],
    [`documents.${i}.holder`, o("scanHolder")],
    [`documents.${i}.issuedOn`, o("scanIssuedOn")],
  ];
  return {
    ...Object.fromEntries(NAMED_FIELDS.map((name) => [name, o(name)])),
    ...details,
    documents: o("scans"),
    ...Object.fromEntries(SCANS.flatMap(scan)),
    note: o("internalNote"),
    assignToMe: o("assignToMe"),
  };
}

/** A request that came by post, email, phone or at the counter, entered by staff. */
export function OfflineRequestForm({ options }: { options: OfflineFormOptions }) {
  const o = useTranslations("console.offline");
  const l = useTranslations("console.labels");
  const rq = useTranslations("requests");
  const f = useTranslations("console.form");
  const { pending, errors, form, feedback } = useConsoleForm(createOfflineRequestAction);
  const [type, setType] = useState(options.types[0] ?? "DISCLOSURE");
  const [kind, setKind] = useState("SELF");
  const labels = useOfflineLabels();
  const text = (name: string, props: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      id={id(name)}
      name={name}
      label={labels[name]}
      errors={errors(name)}
      autoComplete="off"
      optionalLabel={props.required ? undefined : f("optional")}
      {...props}
    />
  );
  return (
    <form {...form} encType="multipart/form-data" data-testid="offline-form">
      <FormFeedback {...feedback} prefix="offline" labels={labels} />
      <fieldset className="mb-6 rounded-md border border-stone-300 bg-white p-4">
        <legend className="px-1 text-lg font-bold">{o("request")}</legend>
        <SelectField
          id={id("type")}
          name="type"
          label={labels.type}
          value={type}
          onChange={(e) => setType(e.target.value)}
          errors={errors("type")}
          options={options.types.map((x) => ({ value: x, label: rq(`types.${x}`) }))}
        />
        <Choices
          appearance="list"
          id={id("channel")}
          name="channel"
          legend={labels.channel}
          checked="POST"
          errors={errors("channel")}
          options={OFFLINE_CHANNELS.map((c) => ({ value: c, label: l(`channel.${c}`) }))}
        />
        {text("arrivedOn", {
          type: "date",
          defaultValue: options.today,
          max: options.today,
          required: true,
          hint: o("arrivedOnHint"),
        })}
        <SelectField
          id={id("locale")}
          name="locale"
          label={labels.locale}
          defaultValue="ja"
          errors={errors("locale")}
          options={["ja", "en"].map((x) => ({ value: x, label: l(`locale.${x}`) }))}
        />
        <SelectField
          id={id("requesterKind")}
          name="requesterKind"
          label={labels.requesterKind}
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          errors={errors("requesterKind")}
          options={Object.values(RequesterKind).map((x) => ({
            value: x,
            label: l(`requesterKind.${x}`),
          }))}
        />
      </fieldset>

      <fieldset className="mb-6 rounded-md border border-stone-300 bg-white p-4">
        <legend className="px-1 text-lg font-bold">{o("subject")}</legend>
        <div className="grid gap-x-4 sm:grid-cols-2">
          {text("subjectName", { required: true, maxLength: 100 })}
          {text("subjectNameKana", { maxLength: 100 })}
          {text("subjectBirthDate", { type: "date" })}
          <SelectField
            id={id("country")}
            name="country"
            label={labels.country}
            hint={o("countryHint")}
            defaultValue="JP"
            errors={errors("country")}
            options={options.countries}
          />
          {text("postalCode", { hint: o("postalCodeHint"), inputMode: "numeric", maxLength: 8 })}
          <SelectField
            id={id("prefecture")}
            name="prefecture"
            label={labels.prefecture}
            defaultValue=""
            errors={errors("prefecture")}
            options={[
              { value: "", label: o("prefectureNone") },
              ...options.prefectures.map((p) => ({ value: p, label: p })),
            ]}
          />
          {text("city", { maxLength: 100 })}
          <TextareaField
            id={id("addressLine")}
            name="addressLine"
            label={labels.addressLine}
            hint={o("addressLineHint")}
            rows={3}
            errors={errors("addressLine")}
            autoComplete="off"
            optionalLabel={f("optional")}
            maxLength={300}
          />
          {text("email", { type: "email", hint: o("emailHint"), maxLength: 254 })}
          {text("phone", { type: "tel", maxLength: 30 })}
          {text("customerId", { maxLength: 64 })}
          <SelectField
            id={id("relationship")}
            name="relationship"
            label={labels.relationship}
            defaultValue=""
            errors={errors("relationship")}
            options={[
              { value: "", label: o("relationshipNone") },
              ...options.relationships.map((r) => ({ value: r, label: rq(`relationships.${r}`) })),
            ]}
          />
        </div>
      </fieldset>

      {kind !== "SELF" ? (
        <fieldset className="mb-6 rounded-md border border-stone-300 bg-white p-4">
          <legend className="px-1 text-lg font-bold">{o("agent")}</legend>
          <div className="grid gap-x-4 sm:grid-cols-2">
            {text("agentName", { required: true, maxLength: 100 })}
            {text("agentNameKana", { maxLength: 100 })}
            {text("agentEmail", { type: "email", maxLength: 254 })}
            {text("agentPhone", { type: "tel", maxLength: 30 })}
            {text("agentAddress", { maxLength: 300 })}
          </div>
        </fieldset>
      ) : null}

      <fieldset className="mb-6 rounded-md border border-stone-300 bg-white p-4" data-testid="offline-details">
        <legend className="px-1 text-lg font-bold">{labels.details}</legend>
        <DetailsFields key={type} type={type} errors={errors} />
      </fieldset>

      <fieldset className="mb-6 rounded-md border border-stone-300 bg-white p-4">
        <legend className="px-1 text-lg font-bold">{labels.documents}</legend>
        <p className="mb-3 text-sm text-muted">{o("scansIntro")}</p>
        {SCANS.map((i) => (
          <div
            key={i}
            className="mb-4 grid gap-x-4 border-b border-stone-200 pb-2 sm:grid-cols-2"
            role="group"
            aria-labelledby={`offline-scan-${i}`}
          >
            <p id={`offline-scan-${i}`} className="mb-2 font-semibold sm:col-span-2">
              {o("scan", { n: i + 1 })}
            </p>
            <div className="mb-5 sm:col-span-2">
              <label htmlFor={id(`documents.${i}.file`)} className="mb-1 block font-semibold">
                {labels[`documents.${i}.file`]}
              </label>
              {errors(`documents.${i}.file`) ? (
                <p id={`${id(`documents.${i}.file`)}-error`} className="mb-1 text-sm font-semibold text-danger">
                  {errors(`documents.${i}.file`)?.join(" ")}
                </p>
              ) : null}
              <input
                id={id(`documents.${i}.file`)}
                name={`documents.${i}.file`}
                type="file"
                accept=".pdf,.jpg,.jpeg,.png,.heic,image/*,application/pdf"
                className="block w-full text-sm"
                aria-describedby={errors(`documents.${i}.file`) ? `${id(`documents.${i}.file`)}-error` : undefined}
              />
            </div>
            <SelectField
              id={id(`documents.${i}.kind`)}
              name={`documents.${i}.kind`}
              label={labels[`documents.${i}.kind`]}
              defaultValue={i === 0 ? "DRIVERS_LICENSE" : "OTHER_ID"}
              errors={errors(`documents.${i}.kind`)}
              options={options.documentKinds.map((k) => ({ value: k, label: rq(`documentKinds.${k}`) }))}
            />
            <SelectField
              id={id(`documents.${i}.holder`)}
              name={`documents.${i}.holder`}
              label={labels[`documents.${i}.holder`]}
              defaultValue="SUBJECT"
              errors={errors(`documents.${i}.holder`)}
              options={Object.values(DocumentHolder).map((h) => ({ value: h, label: rq(`documentHolders.${h}`) }))}
            />
            <TextField
              id={id(`documents.${i}.issuedOn`)}
              name={`documents.${i}.issuedOn`}
              type="date"
              label={labels[`documents.${i}.issuedOn`]}
              errors={errors(`documents.${i}.issuedOn`)}
              optionalLabel={f("optional")}
            />
          </div>
        ))}
        {errors("documents") ? (
          <p className="text-sm font-semibold text-danger">{errors("documents")?.join(" ")}</p>
        ) : null}
      </fieldset>

      <fieldset className="mb-6 rounded-md border border-stone-300 bg-white p-4">
        <legend className="px-1 text-lg font-bold">{o("internal")}</legend>
        <TextareaField
          id={id("note")}
          name="note"
          label={labels.note}
          hint={o("internalNoteHint")}
          rows={3}
          maxLength={4000}
          errors={errors("note")}
          optionalLabel={f("optional")}
        />
        <div className="mb-5 flex min-h-9 items-center gap-2">
          <input type="checkbox" id={id("assignToMe")} name="assignToMe" defaultChecked className="size-5" />
          <label htmlFor={id("assignToMe")}>{labels.assignToMe}</label>
        </div>
      </fieldset>
      <PendingButton pending={pending}>{o("submit")}</PendingButton>
    </form>
  );
}
