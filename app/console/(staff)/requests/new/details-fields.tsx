"use client";
// First: these schemas are built when imported (lib/zod-jitless.ts).
import "@/lib/zod-jitless";
import { useTranslations } from "next-intl";
import { SelectField, TextField, TextareaField } from "@/components/ui/field";
import { Choices } from "@/components/ui/form/choices";
import { fieldId, type FieldLabels } from "@/components/ui/form/form-text";
import {
  CORRECTION_ACTIONS,
  DELIVERY_METHODS,
  SUSPENSION_GROUNDS,
  SUSPENSION_WANTED,
  THIRD_PARTY_STOP_GROUNDS,
} from "@/lib/requests/request-details-schemas";
import { INQUIRY_TOPICS } from "@/lib/requests/inquiry-schema";

const CATEGORIES = Array.from({ length: 11 }, (_, i) => String(i + 1));
const PURPOSES = Array.from({ length: 17 }, (_, i) => String(i + 1));
const id = (k: string) => fieldId("offline", `details.${k}`);
const ROWS = [0, 1, 2];

/** Each details field's label key under console.offline, by its name below "details.". */
const LABEL_KEYS: Record<string, string> = {
  categories: "categories",
  "period.from": "periodFrom",
  "period.to": "periodTo",
  deliveryMethod: "deliveryMethod",
  deliveryNote: "deliveryNote",
  includeProvisionRecords: "includeProvisionRecords",
  action: "correctionAction",
  ...Object.fromEntries(
    ROWS.flatMap((i) => [
      [`items.${i}.category`, "itemCategory"],
      [`items.${i}.current`, "itemCurrent"],
      [`items.${i}.corrected`, "itemCorrected"],
    ]),
  ),
  reason: "reason",
  ground: "suspensionGround",
  purpose: "purpose",
  wanted: "wanted",
  recipient: "recipient",
  explanation: "explanation",
  note: "note",
  topic: "topic",
  message: "message",
  reference: "reference",
};

/**
 * The label of every details field by its form name (details.*), as the fields show it, for
 * the error summary; anything else under details (details.items) takes the section's legend.
 */
export function useDetailsLabels(): FieldLabels {
  const o = useTranslations("console.offline");
  return {
    details: o("details"),
    ...Object.fromEntries(Object.entries(LABEL_KEYS).map(([name, key]) => [`details.${name}`, o(key)])),
  };
}

/** The type's own fields, named as the portal's detail schemas expect (details.*). */
export function DetailsFields({ type, errors }: { type: string; errors: (field: string) => string[] | undefined }) {
  const o = useTranslations("console.offline");
  const rq = useTranslations("requests");
  const f = useTranslations("console.form");
  const err = (k: string) => errors(`details.${k}`);
  const labels = useDetailsLabels();
  const label = (k: string) => labels[`details.${k}`];
  const choose = { value: "", label: o("choose") };
  const categories = (
    <Choices
      appearance="list"
      id={id("categories")}
      name="details.categories"
      type="checkbox"
      legend={label("categories")}
      errors={err("categories")}
      options={CATEGORIES.map((n) => ({ value: n, label: `(${n}) ${rq(`categories.${n}`)}` }))}
    />
  );
  const optionalText = (k: string, rows = 2) => (
    <TextareaField
      id={id(k)}
      name={`details.${k}`}
      label={label(k)}
      rows={rows}
      maxLength={2000}
      errors={err(k)}
      optionalLabel={f("optional")}
    />
  );
  switch (type) {
    case "DISCLOSURE":
      return (
        <>
          {categories}
          <div className="grid gap-x-4 sm:grid-cols-2">
            <TextField
              id={id("period.from")}
              name="details.period.from"
              type="date"
              label={label("period.from")}
              errors={err("period.from")}
              optionalLabel={f("optional")}
            />
            <TextField
              id={id("period.to")}
              name="details.period.to"
              type="date"
              label={label("period.to")}
              errors={err("period.to")}
              optionalLabel={f("optional")}
            />
          </div>
          <Choices
            appearance="list"
            id={id("deliveryMethod")}
            name="details.deliveryMethod"
            legend={label("deliveryMethod")}
            checked="POST"
            errors={err("deliveryMethod")}
            options={DELIVERY_METHODS.map((m) => ({ value: m, label: rq(`deliveryMethods.${m}`) }))}
          />
          {optionalText("deliveryNote")}
          <div className="mb-5 flex min-h-9 items-center gap-2">
            <input
              type="checkbox"
              id={id("includeProvisionRecords")}
              name="details.includeProvisionRecords"
              className="size-5"
            />
            <label htmlFor={id("includeProvisionRecords")}>{label("includeProvisionRecords")}</label>
          </div>
        </>
      );
    case "CORRECTION":
      return (
        <>
          <Choices
            appearance="list"
            id={id("action")}
            name="details.action"
            legend={label("action")}
            checked="CORRECT"
            errors={err("action")}
            options={CORRECTION_ACTIONS.map((a) => ({ value: a, label: rq(`correctionActions.${a}`) }))}
          />
          {errors("details.items") ? (
            <p className="mb-2 text-sm font-semibold text-danger">{errors("details.items")?.join(" ")}</p>
          ) : null}
          {ROWS.map((i) => (
            <div key={i} role="group" aria-labelledby={`offline-item-${i}`} className="mb-3 border-b border-stone-200">
              <p id={`offline-item-${i}`} className="mb-2 font-semibold">
                {o("item", { n: i + 1 })}
              </p>
              <SelectField
                id={id(`items.${i}.category`)}
                name={`details.items.${i}.category`}
                label={label(`items.${i}.category`)}
                defaultValue=""
                errors={err(`items.${i}.category`)}
                options={[choose, ...CATEGORIES.map((n) => ({ value: n, label: `(${n}) ${rq(`categories.${n}`)}` }))]}
              />
              <div className="grid gap-x-4 sm:grid-cols-2">
                <TextareaField
                  id={id(`items.${i}.current`)}
                  name={`details.items.${i}.current`}
                  label={label(`items.${i}.current`)}
                  rows={2}
                  maxLength={1000}
                  errors={err(`items.${i}.current`)}
                />
                <TextareaField
                  id={id(`items.${i}.corrected`)}
                  name={`details.items.${i}.corrected`}
                  label={label(`items.${i}.corrected`)}
                  rows={2}
                  maxLength={1000}
                  errors={err(`items.${i}.corrected`)}
                />
              </div>
            </div>
          ))}
          {optionalText("reason")}
        </>
      );
    case "SUSPENSION":
      return (
        <>
          {categories}
          <Choices
            appearance="list"
            id={id("ground")}
            name="details.ground"
            legend={label("ground")}
            errors={err("ground")}
            options={SUSPENSION_GROUNDS.map((g) => ({ value: g, label: rq(`suspensionGrounds.${g}`) }))}
          />
          <SelectField
            id={id("purpose")}
            name="details.purpose"
            label={label("purpose")}
            defaultValue=""
            errors={err("purpose")}
            options={[
              { value: "", label: o("purposeNone") },
              ...PURPOSES.map((n) => ({ value: n, label: `(${n}) ${rq(`purposes.${n}`)}` })),
            ]}
          />
          <Choices
            appearance="list"
            id={id("wanted")}
            name="details.wanted"
            legend={label("wanted")}
            errors={err("wanted")}
            options={SUSPENSION_WANTED.map((w) => ({ value: w, label: rq(`suspensionWanted.${w}`) }))}
          />
          {optionalText("recipient", 1)}
          {optionalText("explanation")}
        </>
      );
    case "THIRD_PARTY_STOP":
      return (
        <>
          {categories}
          {optionalText("recipient", 1)}
          <Choices
            appearance="list"
            id={id("ground")}
            name="details.ground"
            legend={label("ground")}
            errors={err("ground")}
            options={THIRD_PARTY_STOP_GROUNDS.map((g) => ({ value: g, label: rq(`suspensionGrounds.${g}`) }))}
          />
          {optionalText("explanation")}
        </>
      );
    case "PURPOSE_NOTICE":
      return optionalText("note", 3);
    default:
      return (
        <>
          <SelectField
            id={id("topic")}
            name="details.topic"
            label={label("topic")}
            defaultValue=""
            errors={err("topic")}
            options={[choose, ...INQUIRY_TOPICS.map((x) => ({ value: x, label: rq(`inquiryTopics.${x}`) }))]}
          />
          <TextareaField
            id={id("message")}
            name="details.message"
            label={label("message")}
            rows={4}
            maxLength={4000}
            required
            errors={err("message")}
          />
          <TextField
            id={id("reference")}
            name="details.reference"
            label={label("reference")}
            maxLength={30}
            errors={err("reference")}
            optionalLabel={f("optional")}
          />
        </>
      );
  }
}
