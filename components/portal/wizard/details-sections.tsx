"use client";
// First: these schemas are built when imported (lib/zod-jitless.ts).
import "@/lib/zod-jitless";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { SelectField, TextareaField, TextField } from "@/components/ui/field";
import {
  CORRECTION_ACTIONS,
  SUSPENSION_GROUNDS,
  SUSPENSION_WANTED,
  THIRD_PARTY_STOP_GROUNDS,
} from "@/lib/requests/request-choices";
import { Checkbox, Choices } from "@/components/ui/form/choices";
import { ActionButton, type usePortalForm } from "@/components/ui/form/action-form";
import { fieldId, type FieldLabels } from "@/components/ui/form/form-text";
import type { WizardRequestType } from "@/lib/requests/request-schemas";

// The fields of each request type's details (docs/design.md §2).

export type DetailsOptions = {
  type: WizardRequestType;
  /** Art 2.1 items that can concern this relationship. */
  categories: number[];
  /** Art 2.2 items, the likely ones for the relationship first. */
  purposes: number[];
  deliveryMethods: string[];
  maxItems: number;
};

export type Form = ReturnType<typeof usePortalForm>;

export function useLabels() {
  const t = useTranslations("portal.wizard");
  const tr = useTranslations("requests");
  const tc = useTranslations("common");
  return { t, tr, req: { requiredLabel: tc("required"), optionalLabel: tc("optional") } };
}

/** A details field's label key; every correction row shows the same item.* labels. */
const labelKey = (name: string) => `fields.${name.replace(/^items\.\d+\./, "item.")}`;

const DETAIL_FIELDS = [
  "period.from",
  "period.to",
  "deliveryMethod",
  "deliveryNote",
  "includeProvisionRecords",
  "action",
  "reason",
  "ground",
  "purpose",
  "wanted",
  "recipient",
  "explanation",
  "note",
];

/** The correction rows shown: as many as were posted, at least one, at most the limit. */
const rowCount = (f: Form, o: DetailsOptions) => Math.max(1, Math.min(o.maxItems, Number(f.v("itemCount")) || 1));

/**
 * Every details field's label by form name, for the error summary: the strings the fields
 * show, a group's legend for the group (categories, the period), and each correction row's fields.
 */
export function useDetailsLabels(f: Form, o: DetailsOptions): FieldLabels {
  const { t } = useLabels();
  const rows = Array.from({ length: rowCount(f, o) }, (_, i) =>
    ["category", "current", "corrected"].map((k) => `items.${i}.${k}`),
  ).flat();
  return {
    categories: t("details.categories"),
    period: t("details.period"),
    ...Object.fromEntries([...DETAIL_FIELDS, ...rows].map((name) => [name, t(labelKey(name))])),
  };
}

function Categories({ f, options }: { f: Form; options: number[] }) {
  const { t, tr, req } = useLabels();
  return (
    <Choices
      id={fieldId("f", "categories")}
      name="categories"
      type="checkbox"
      legend={t("details.categories")}
      hint={t("details.categoriesHint")}
      required
      requiredLabel={req.requiredLabel}
      errors={f.err("categories")}
      checked={f.vs("categories")}
      options={options.map((n) => ({ value: String(n), label: `(${n}) ${tr(`categories.${n}`)}` }))}
    />
  );
}

export function Text({
  f,
  name,
  area = false,
  required = false,
  hint,
}: {
  f: Form;
  name: string;
  area?: boolean;
  required?: boolean;
  hint?: string;
}) {
  const { t, req } = useLabels();
  const props = {
    id: fieldId("f", name),
    name,
    label: t(labelKey(name)),
    defaultValue: f.v(name),
    errors: f.err(name),
    required,
    hint,
    ...req,
  };
  return area ? <TextareaField {...props} rows={3} /> : <TextField {...props} />;
}

export function Disclosure({ f, o }: { f: Form; o: DetailsOptions }) {
  const { t, tr, req } = useLabels();
  return (
    <>
      <Categories f={f} options={o.categories} />
      <fieldset className="mb-6 min-w-0">
        <legend className="mb-1 font-semibold">
          {t("details.period")} <span className="ml-2 text-xs font-normal text-muted">{req.optionalLabel}</span>
        </legend>
        <p className="mb-2 text-sm text-muted">{t("details.periodHint")}</p>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Text f={f} name="period.from" hint={t("hints.date")} />
          <Text f={f} name="period.to" hint={t("hints.date")} />
        </div>
      </fieldset>
      <Choices
        id={fieldId("f", "deliveryMethod")}
        name="deliveryMethod"
        legend={t("fields.deliveryMethod")}
        hint={t("details.deliveryHint")}
        required
        requiredLabel={req.requiredLabel}
        errors={f.err("deliveryMethod")}
        checked={f.vs("deliveryMethod")}
        options={o.deliveryMethods.map((m) => ({ value: m, label: tr(`deliveryMethods.${m}`) }))}
      />
      <div className="group-has-[#f-deliveryMethod-ELECTRONIC:checked]:hidden group-has-[#f-deliveryMethod-POST:checked]:hidden">
        <Text f={f} name="deliveryNote" hint={t("details.deliveryNoteHint")} />
      </div>
      <Checkbox
        id={fieldId("f", "includeProvisionRecords")}
        name="includeProvisionRecords"
        label={t("fields.includeProvisionRecords")}
        hint={t("details.provisionHint")}
        errors={f.err("includeProvisionRecords")}
        checked={f.v("includeProvisionRecords") === "on"}
      />
    </>
  );
}

export function Correction({ f, o }: { f: Form; o: DetailsOptions }) {
  const { t, tr, req } = useLabels();
  const count = rowCount(f, o);
  return (
    <>
      <Choices
        id={fieldId("f", "action")}
        name="action"
        legend={t("fields.action")}
        required
        requiredLabel={req.requiredLabel}
        errors={f.err("action")}
        checked={f.vs("action")}
        options={CORRECTION_ACTIONS.map((a) => ({
          value: a,
          label: tr(`correctionActions.${a}`),
          description: t(`details.correctionActions.${a}`),
        }))}
      />
      <input type="hidden" name="itemCount" value={count} />
      {f.err("items")?.length ? <p className="mb-2 font-semibold text-danger">{f.err("items")?.join(" ")}</p> : null}
      {Array.from({ length: count }, (_, i) => (
        <fieldset key={i} className="mb-4 min-w-0 rounded-md border border-brand-100 bg-white p-4">
          <legend className="px-1 font-bold">{t("details.item", { n: i + 1 })}</legend>
          <SelectField
            id={fieldId("f", `items.${i}.category`)}
            name={`items.${i}.category`}
            label={t("fields.item.category")}
            defaultValue={f.v(`items.${i}.category`)}
            errors={f.err(`items.${i}.category`)}
            required
            {...req}
            options={[
              { value: "", label: t("details.chooseCategory") },
              ...o.categories.map((n) => ({ value: String(n), label: `(${n}) ${tr(`categories.${n}`)}` })),
            ]}
          />
          <Text f={f} name={`items.${i}.current`} area hint={t("details.currentHint")} />
          <Text f={f} name={`items.${i}.corrected`} area hint={t("details.correctedHint")} />
          {count > 1 ? (
            <ActionButton pending={f.pending} value={`removeItem:${i}`} variant="ghost">
              {t("details.removeItem", { n: i + 1 })}
            </ActionButton>
          ) : null}
        </fieldset>
      ))}
      {count < o.maxItems ? (
        <ActionButton pending={f.pending} value="addItem" variant="secondary" className="mb-6">
          {t("details.addItem")}
        </ActionButton>
      ) : null}
      <Text f={f} name="reason" area />
    </>
  );
}

export function Suspension({ f, o }: { f: Form; o: DetailsOptions }) {
  const { t, tr, req } = useLabels();
  return (
    <>
      <Categories f={f} options={o.categories} />
      <Choices
        id={fieldId("f", "ground")}
        name="ground"
        legend={t("fields.ground")}
        hint={t("details.groundHint")}
        required
        requiredLabel={req.requiredLabel}
        errors={f.err("ground")}
        checked={f.vs("ground")}
        options={SUSPENSION_GROUNDS.map((g) => ({ value: g, label: tr(`suspensionGrounds.${g}`) }))}
      />
      {/* The purpose matters only for "beyond the purposes": hidden (CSS only) for the other grounds. */}
      <div className="group-has-[#f-ground-IMPROPER_ACQUISITION:checked]:hidden group-has-[#f-ground-THIRD_PARTY_WITHOUT_CONSENT:checked]:hidden group-has-[#f-ground-NO_LONGER_NEEDED:checked]:hidden group-has-[#f-ground-LEAK_OCCURRED:checked]:hidden group-has-[#f-ground-RISK_TO_RIGHTS:checked]:hidden">
        <SelectField
          id={fieldId("f", "purpose")}
          name="purpose"
          label={t("fields.purpose")}
          hint={t("details.purposeHint")}
          defaultValue={f.v("purpose")}
          errors={f.err("purpose")}
          {...req}
          options={[
            { value: "", label: t("details.choosePurpose") },
            ...o.purposes.map((n) => ({ value: String(n), label: `(${n}) ${tr(`purposes.${n}`)}` })),
          ]}
        />
        <p className="-mt-3 mb-5 text-sm">
          <Link href="/policy#art-2" className="text-brand-700 underline">
            {t("details.purposesLink")}
          </Link>
        </p>
      </div>
      <Choices
        id={fieldId("f", "wanted")}
        name="wanted"
        legend={t("fields.wanted")}
        hint={t("details.wantedHint")}
        required
        requiredLabel={req.requiredLabel}
        errors={f.err("wanted")}
        checked={f.vs("wanted")}
        options={SUSPENSION_WANTED.map((w) => ({ value: w, label: tr(`suspensionWanted.${w}`) }))}
      />
      <Text f={f} name="recipient" hint={t("details.recipientHint")} />
      <Text f={f} name="explanation" area hint={t("details.explanationHint")} />
    </>
  );
}

export function ThirdPartyStop({ f, o }: { f: Form; o: DetailsOptions }) {
  const { t, tr, req } = useLabels();
  return (
    <>
      <Categories f={f} options={o.categories} />
      <Text f={f} name="recipient" hint={t("details.recipientHint")} />
      <Choices
        id={fieldId("f", "ground")}
        name="ground"
        legend={t("fields.ground")}
        required
        requiredLabel={req.requiredLabel}
        errors={f.err("ground")}
        checked={f.vs("ground")}
        options={THIRD_PARTY_STOP_GROUNDS.map((g) => ({ value: g, label: tr(`suspensionGrounds.${g}`) }))}
      />
      <Text f={f} name="explanation" area hint={t("details.explanationHint")} />
    </>
  );
}
