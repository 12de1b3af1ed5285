"use client";
import { startTransition, useActionState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { SelectField, TextField, TextareaField } from "@/components/ui/field";
import { Choices } from "@/components/ui/form/choices";
import { FormFeedback, PendingButton, useConsoleForm } from "@/components/ui/form/transition-form";
import { fieldId, type FieldLabels } from "@/components/ui/form/form-text";
import { ProvisionTable, type ProvisionSearchState } from "./provision-rows";
import { recordProvisionAction, searchProvisionsAction } from "./actions";
import { ProvisionBasis } from "@/lib/generated/prisma/enums";

const BASES = Object.values(ProvisionBasis);

/** The record's text fields; each shows console.provisions.<name> as its label. */
const TEXT_FIELDS = [
  "recipientName",
  "recipientAddress",
  "providedOn",
  "subjectName",
  "subjectNameKana",
  "subjectBirthDate",
  "customerId",
  "consentDate",
] as const;

function useTableLabels() {
  const t = useTranslations("console.provisions.table");
  const b = useTranslations("notices.provisionRecords.basisLabels");
  return {
    caption: t("caption"),
    providedOn: t("providedOn"),
    subject: t("subject"),
    recipient: t("recipient"),
    items: t("items"),
    categories: t("categories"),
    basis: Object.fromEntries(BASES.map((x) => [x, b(x)])),
    basisHeading: t("basis"),
    consentDate: t("consentDate"),
    retainUntil: t("retainUntil"),
  };
}

export function ProvisionSearch() {
  const t = useTranslations("console.provisions");
  const te = useTranslations("errors");
  const labels = useTableLabels();
  const [state, dispatch, pending] = useActionState<ProvisionSearchState, FormData>(searchProvisionsAction, {
    status: "idle",
  });
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };
  const id = (k: string) => fieldId("psearch", k);
  return (
    <div>
      <form onSubmit={onSubmit} noValidate className="grid gap-x-4 sm:grid-cols-3" data-testid="provision-search">
        <TextField id={id("name")} name="name" label={t("name")} maxLength={100} autoComplete="off" />
        <TextField id={id("customerId")} name="customerId" label={t("customerId")} maxLength={64} autoComplete="off" />
        <TextField id={id("birthDate")} name="birthDate" type="date" label={t("birthDate")} />
        <div className="sm:col-span-3">
          <PendingButton pending={pending}>{t("search")}</PendingButton>
        </div>
      </form>
      {state.status === "error" ? (
        <p role="alert" className="mt-3 font-semibold text-danger">
          {te(`codes.${state.code}`)}
        </p>
      ) : null}
      {state.status === "ok" ? (
        <div className="mt-4" data-testid="provision-results">
          <h3 className="mb-2 font-bold">
            {t("resultsTitle")}{" "}
            <span role="status" className="font-normal">
              （{t("count", { count: state.rows.length })}）
            </span>
          </h3>
          {state.rows.length ? <ProvisionTable rows={state.rows} labels={labels} /> : <p>{t("none")}</p>}
        </div>
      ) : null}
    </div>
  );
}

export function RecordProvisionForm({ today }: { today: string }) {
  const t = useTranslations("console.provisions");
  const b = useTranslations("notices.provisionRecords.basisLabels");
  const rq = useTranslations("requests.categories");
  const f = useTranslations("console.form");
  const { pending, errors, form, feedback } = useConsoleForm(recordProvisionAction, {
    resetOnOk: true,
    ok: () => t("saved"),
  });
  const id = (k: string) => fieldId("provision", k);
  const labels: FieldLabels = {
    ...Object.fromEntries(TEXT_FIELDS.map((k) => [k, t(k)])),
    categories: t("categories"),
    items: t("items"),
    basis: t("basis"),
    contractIsRecord: t("contractIsRecord"),
  };
  const text = (k: (typeof TEXT_FIELDS)[number], props: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      id={id(k)}
      name={k}
      label={labels[k]}
      errors={errors(k)}
      autoComplete="off"
      optionalLabel={props.required ? undefined : f("optional")}
      {...props}
    />
  );
  return (
    <form {...form} data-testid="provision-form">
      <FormFeedback {...feedback} prefix="provision" labels={labels} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        {text("recipientName", { required: true, maxLength: 200 })}
        {text("recipientAddress", { maxLength: 300 })}
        {text("providedOn", { type: "date", required: true, defaultValue: today })}
        {text("subjectName", { required: true, maxLength: 100 })}
        {text("subjectNameKana", { maxLength: 100 })}
        {text("subjectBirthDate", { type: "date" })}
        {text("customerId", { maxLength: 64 })}
      </div>
      <Choices
        appearance="list"
        id={id("categories")}
        name="categories"
        type="checkbox"
        legend={labels.categories}
        errors={errors("categories")}
        options={Array.from({ length: 11 }, (_, i) => ({
          value: String(i + 1),
          label: `(${i + 1}) ${rq(String(i + 1))}`,
        }))}
      />
      <TextareaField
        id={id("items")}
        name="items"
        label={labels.items}
        hint={t("itemsHint")}
        rows={2}
        maxLength={1000}
        required
        errors={errors("items")}
      />
      <SelectField
        id={id("basis")}
        name="basis"
        label={labels.basis}
        defaultValue="CONSENT"
        errors={errors("basis")}
        options={BASES.map((x) => ({ value: x, label: b(x) }))}
      />
      {text("consentDate", { type: "date", hint: t("consentDateHint") })}
      <div className="mb-5 flex min-h-9 items-center gap-2">
        <input type="checkbox" id={id("contractIsRecord")} name="contractIsRecord" className="size-5" />
        <label htmlFor={id("contractIsRecord")}>{labels.contractIsRecord}</label>
      </div>
      <PendingButton pending={pending}>{t("submit")}</PendingButton>
    </form>
  );
}
