"use client";
// First: these schemas are built when imported (lib/zod-jitless.ts).
import "@/lib/zod-jitless";
import { useTranslations } from "next-intl";
import { SelectField, TextField, TextareaField } from "@/components/ui/field";
import { Choices } from "@/components/ui/form/choices";
import { fieldId } from "@/components/ui/form/form-text";
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

/** The type's own fields, named as the portal's detail schemas expect (details.*). */
export function DetailsFields({ type, errors }: { type: string; errors: (field: string) => string[] | undefined }) {
  const o = useTranslations("console.offline");
  const rq = useTranslations("requests");
  const f = useTranslations("console.form");
  const err = (k: string) => errors(`details.${k}`);
  const choose = { value: "", label: o("choose") };
  const categories = (
    <Choices
      appearance="list"
      id={id("categories")}
      name="details.categories"
      type="checkbox"
      legend={o("categories")}
      errors={err("categories")}
      options={CATEGORIES.map((n) => ({ value: n, label: `(${n}) ${rq(`categories.${n}`)}` }))}
    />
  );
  const optionalText = (k: string, label: string, rows = 2) => (
    <TextareaField
      id={id(k)}
      name={`details.${k}`}
      label={label}
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
              label={o("periodFrom")}
              errors={err("period.from")}
              optionalLabel={f("optional")}
            />
            <TextField
              id={id("period.to")}
              name="details.period.to"
              type="date"
              label={o("periodTo")}
              errors={err("period.to")}
              optionalLabel={f("optional")}
            />
          </div>
          <Choices
            appearance="list"
            id={id("deliveryMethod")}
            name="details.deliveryMethod"
            legend={o("deliveryMethod")}
            checked="POST"
            errors={err("deliveryMethod")}
            options={DELIVERY_METHODS.map((m) => ({ value: m, label: rq(`deliveryMethods.${m}`) }))}
          />
          {optionalText("deliveryNote", o("deliveryNote"))}
          <div className="mb-5 flex min-h-9 items-center gap-2">
            <input
              type="checkbox"
              id={id("includeProvisionRecords")}
              name="details.includeProvisionRecords"
              className="size-5"
            />
            <label htmlFor={id("includeProvisionRecords")}>{o("includeProvisionRecords")}</label>
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
            legend={o("correctionAction")}
            checked="CORRECT"
            errors={err("action")}
            options={CORRECTION_ACTIONS.map((a) => ({ value: a, label: rq(`correctionActions.${a}`) }))}
          />
          {errors("details.items") ? (
            <p className="mb-2 text-sm font-semibold text-danger">{errors("details.items")?.join(" ")}</p>
          ) : null}
          {[0, 1, 2].map((i) => (
            <div key={i} role="group" aria-labelledby={`offline-item-${i}`} className="mb-3 border-b border-stone-200">
              <p id={`offline-item-${i}`} className="mb-2 font-semibold">
                {o("item", { n: i + 1 })}
              </p>
              <SelectField
                id={id(`items.${i}.category`)}
                name={`details.items.${i}.category`}
                label={o("itemCategory")}
                defaultValue=""
                errors={err(`items.${i}.category`)}
                options={[choose, ...CATEGORIES.map((n) => ({ value: n, label: `(${n}) ${rq(`categories.${n}`)}` }))]}
              />
              <div className="grid gap-x-4 sm:grid-cols-2">
                <TextareaField
                  id={id(`items.${i}.current`)}
                  name={`details.items.${i}.current`}
                  label={o("itemCurrent")}
                  rows={2}
                  maxLength={1000}
                  errors={err(`items.${i}.current`)}
                />
                <TextareaField
                  id={id(`items.${i}.corrected`)}
                  name={`details.items.${i}.corrected`}
                  label={o("itemCorrected")}
                  rows={2}
                  maxLength={1000}
                  errors={err(`items.${i}.corrected`)}
                />
              </div>
            </div>
          ))}
          {optionalText("reason", o("reason"))}
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
            legend={o("suspensionGround")}
            errors={err("ground")}
            options={SUSPENSION_GROUNDS.map((g) => ({ value: g, label: rq(`suspensionGrounds.${g}`) }))}
          />
          <SelectField
            id={id("purpose")}
            name="details.purpose"
            label={o("purpose")}
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
            legend={o("wanted")}
            errors={err("wanted")}
            options={SUSPENSION_WANTED.map((w) => ({ value: w, label: rq(`suspensionWanted.${w}`) }))}
          />
          {optionalText("recipient", o("recipient"), 1)}
          {optionalText("explanation", o("explanation"))}
        </>
      );
    case "THIRD_PARTY_STOP":
      return (
        <>
          {categories}
          {optionalText("recipient", o("recipient"), 1)}
          <Choices
            appearance="list"
            id={id("ground")}
            name="details.ground"
            legend={o("suspensionGround")}
            errors={err("ground")}
            options={THIRD_PARTY_STOP_GROUNDS.map((g) => ({ value: g, label: rq(`suspensionGrounds.${g}`) }))}
          />
          {optionalText("explanation", o("explanation"))}
        </>
      );
    case "PURPOSE_NOTICE":
      return optionalText("note", o("note"), 3);
    default:
      return (
        <>
          <SelectField
            id={id("topic")}
            name="details.topic"
            label={o("topic")}
            defaultValue=""
            errors={err("topic")}
            options={[choose, ...INQUIRY_TOPICS.map((x) => ({ value: x, label: rq(`inquiryTopics.${x}`) }))]}
          />
          <TextareaField
            id={id("message")}
            name="details.message"
            label={o("message")}
            rows={4}
            maxLength={4000}
            required
            errors={err("message")}
          />
          <TextField
            id={id("reference")}
            name="details.reference"
            label={o("reference")}
            maxLength={30}
            errors={err("reference")}
            optionalLabel={f("optional")}
          />
        </>
      );
  }
}
