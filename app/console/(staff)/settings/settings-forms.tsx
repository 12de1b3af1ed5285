"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SelectField, TextareaField, TextField } from "@/components/ui/field";
import { labelOf, type FieldLabels } from "@/components/ui/form/form-text";
import { idleState, type FormState } from "@/lib/form-state";
import type { SettingsField } from "@/lib/settings/settings-fields";
import { addPolicyVersionAction, saveSettingsAction } from "./actions";

function useMessages() {
  const te = useTranslations("errors");
  const text = (k: string) => {
    const key = k.replace(/^errors\./, "");
    return te.has(key) ? te(key) : te("invalid");
  };
  // labels: each field's own label, by form name; "methods.0" takes the label of "methods".
  const summary = (state: FormState, idFor: (f: string) => string | undefined, labels: FieldLabels) => {
    if (state.status !== "error") return [];
    const entries = Object.entries(state.fieldErrors);
    if (!entries.length) return [{ message: te(`codes.${state.code}`) }];
    return entries.map(([f, ks]) => {
      const fieldId = idFor(f);
      return { fieldId, label: fieldId ? labelOf(labels, f) : undefined, message: ks.map(text).join(" ") };
    });
  };
  return { text, summary };
}

/** Zod paths ("bank.accountNumber", "methods.0") → the form field they belong to. */
function fieldOf(path: string, fields: SettingsField[]): SettingsField | undefined {
  return fields.find((f) => path === f.name || path.startsWith(`${f.name}.`));
}

export function SettingsGroupForm({
  group,
  fields,
  values,
}: {
  group: string;
  fields: SettingsField[];
  values: Record<string, string | string[]>;
}) {
  const t = useTranslations("settings");
  const tc = useTranslations("common");
  const { text, summary } = useMessages();
  const [state, action] = useActionState(saveSettingsAction, idleState);
  const id = (name: string) => `${group}-${name.replace(/\./g, "-")}`;
  const errorsFor = (name: string) =>
    state.status === "error"
      ? Object.entries(state.fieldErrors)
          .filter(([p]) => fieldOf(p, fields)?.name === name)
          .flatMap(([, ks]) => ks.map(text))
      : undefined;
  const posted = state.status === "error" ? state.values : undefined;
  const labels: FieldLabels = Object.fromEntries(fields.map((f) => [f.name, t(`fields.${f.name}`)]));
  const value = (name: string) => posted?.[name] ?? (typeof values[name] === "string" ? (values[name] as string) : "");
  return (
    <form action={action} noValidate>
      <input type="hidden" name="group" value={group} />
      <ErrorSummary
        title={tc("errorSummaryTitle")}
        items={summary(
          state,
          (p) => {
            const f = fieldOf(p, fields);
            return f ? id(f.name) : undefined;
          },
          labels,
        )}
      />
      {state.status === "ok" ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3">
          {t("saved")}
        </p>
      ) : null}
      <div className="grid gap-x-6 md:grid-cols-2">
        {fields.map((f) => {
          const label = labels[f.name];
          const errs = errorsFor(f.name);
          switch (f.kind) {
            case "checkboxes": {
              const checked = posted ? [] : ((values[f.name] as string[] | undefined) ?? []);
              return (
                <fieldset
                  key={f.name}
                  id={id(f.name)}
                  className="mb-5 md:col-span-2"
                  aria-describedby={errs?.length ? `${id(f.name)}-error` : undefined}
                >
                  <legend className="mb-1 font-semibold">{label}</legend>
                  {errs?.length ? (
                    <p id={`${id(f.name)}-error`} className="mb-1 text-sm font-semibold text-danger">
                      {errs.join(" ")}
                    </p>
                  ) : null}
                  <div className="flex flex-wrap gap-x-6 gap-y-2">
                    {f.options.map((o) => (
                      <label key={o} className="flex min-h-11 items-center gap-2">
                        <input
                          type="checkbox"
                          name={f.name}
                          value={o}
                          defaultChecked={checked.includes(o)}
                          className="h-5 w-5"
                        />
                        {t(`options.${o}`)}
                      </label>
                    ))}
                  </div>
                </fieldset>
              );
            }
            case "select":
              return (
                <SelectField
                  key={f.name}
                  id={id(f.name)}
                  name={f.name}
                  label={label}
                  defaultValue={value(f.name)}
                  options={f.options.map((o) => ({ value: o, label: t(`options.${o}`) }))}
                  errors={errs}
                />
              );
            case "number":
              return (
                <TextField
                  key={f.name}
                  id={id(f.name)}
                  name={f.name}
                  label={label}
                  inputMode="numeric"
                  defaultValue={value(f.name)}
                  errors={errs}
                />
              );
            case "textarea":
              return (
                <TextareaField
                  key={f.name}
                  id={id(f.name)}
                  name={f.name}
                  label={label}
                  defaultValue={value(f.name)}
                  errors={errs}
                />
              );
            default:
              return (
                <TextField
                  key={f.name}
                  id={id(f.name)}
                  name={f.name}
                  type={f.kind === "email" ? "email" : "text"}
                  label={label}
                  defaultValue={value(f.name)}
                  errors={errs}
                />
              );
          }
        })}
      </div>
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}

export function PolicyVersionForm() {
  const t = useTranslations("settings.policy");
  const tc = useTranslations("common");
  const { text, summary } = useMessages();
  const [state, action] = useActionState(addPolicyVersionAction, idleState);
  const err = (f: string) => (state.status === "error" ? state.fieldErrors[f]?.map(text) : undefined);
  const v = state.status === "error" ? state.values : undefined;
  const labels = {
    version: t("version"),
    effectiveDate: t("effectiveDate"),
    textJa: t("textJa"),
    textEn: t("textEn"),
  };
  return (
    <form action={action} noValidate>
      <ErrorSummary title={tc("errorSummaryTitle")} items={summary(state, (f) => `policy-${f}`, labels)} />
      {state.status === "ok" ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3">
          {t("added")}
        </p>
      ) : null}
      <div className="grid gap-x-6 md:grid-cols-2">
        <TextField
          id="policy-version"
          name="version"
          label={labels.version}
          defaultValue={v?.version}
          errors={err("version")}
        />
        <TextField
          id="policy-effectiveDate"
          name="effectiveDate"
          type="date"
          label={labels.effectiveDate}
          defaultValue={v?.effectiveDate}
          errors={err("effectiveDate")}
        />
      </div>
      <TextareaField
        id="policy-textJa"
        name="textJa"
        label={labels.textJa}
        rows={8}
        defaultValue={v?.textJa}
        errors={err("textJa")}
      />
      <TextareaField
        id="policy-textEn"
        name="textEn"
        label={labels.textEn}
        rows={8}
        defaultValue={v?.textEn}
        errors={err("textEn")}
      />
      <SubmitButton>{t("add")}</SubmitButton>
    </form>
  );
}
