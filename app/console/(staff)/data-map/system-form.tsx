"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TextField, SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { idleState } from "@/lib/form-state";
import { saveSystemAction, setActiveAction } from "./actions";
import { useFieldErrors, useMessageText, useSummary } from "./form-text";
import { TaskHandling } from "@/lib/generated/prisma/enums";

export type SystemView = {
  id: string;
  key: string;
  nameJa: string;
  nameEn: string;
  owner: string;
  categories: number[];
  handling: "MANUAL" | "API" | "CONNECTED";
  active: boolean;
};

const CATEGORY_ITEMS = Array.from({ length: 11 }, (_, i) => i + 1);

/** Adds a system (no `system`) or edits one; the key is fixed once made, since webhooks name it. */
export function SystemForm({ system }: { system?: SystemView }) {
  const t = useTranslations("integrations");
  const tc = useTranslations("common");
  const [state, action] = useActionState(saveSystemAction, idleState);
  const err = useFieldErrors(state);
  const p = system ? "sys" : "new";
  const labels = {
    key: t("form.key"),
    nameJa: t("form.nameJa"),
    nameEn: t("form.nameEn"),
    owner: t("form.owner"),
    categories: t("form.categories"),
    handling: t("form.handling"),
  };
  const summary = useSummary(
    state,
    {
      key: `${p}-key`,
      nameJa: `${p}-nameJa`,
      nameEn: `${p}-nameEn`,
      owner: `${p}-owner`,
      categories: `${p}-categories-1`,
      handling: `${p}-handling`,
    },
    labels,
  );
  const values = state.status === "error" ? state.values : undefined;
  // After an error the form shows what was sent (the action returns the ticked items joined).
  const chosen = new Set(
    values ? (values.categories ?? "").split(",").filter(Boolean).map(Number) : (system?.categories ?? []),
  );
  const catErrors = err("categories");
  const resetKey = state.status === "ok" && !system ? state.data?.id : "form";
  return (
    <form action={action} noValidate className="max-w-2xl" key={resetKey}>
      <ErrorSummary title={tc("errorSummaryTitle")} items={summary} />
      {state.status === "ok" ? (
        <p role="status" className="mb-4 rounded-md bg-green-50 p-3">
          {system ? t("form.saved") : t("form.added")}{" "}
          {!system && state.data?.id ? (
            <Link className="text-brand-700 underline" href={`/console/data-map/${state.data.id}`}>
              {t("systems.edit")}
            </Link>
          ) : null}
        </p>
      ) : null}
      {system ? (
        <>
          <input type="hidden" name="id" value={system.id} />
          <input type="hidden" name="key" value={system.key} />
          <p className="mb-5 text-sm text-muted">{t("form.keyFixed", { key: system.key })}</p>
        </>
      ) : (
        <TextField
          id={`${p}-key`}
          name="key"
          label={labels.key}
          hint={t("form.keyHint")}
          required
          autoComplete="off"
          defaultValue={values?.key}
          errors={err("key")}
        />
      )}
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField
          id={`${p}-nameJa`}
          name="nameJa"
          label={labels.nameJa}
          required
          defaultValue={values?.nameJa ?? system?.nameJa}
          errors={err("nameJa")}
        />
        <TextField
          id={`${p}-nameEn`}
          name="nameEn"
          label={labels.nameEn}
          required
          defaultValue={values?.nameEn ?? system?.nameEn}
          errors={err("nameEn")}
        />
      </div>
      <TextField
        id={`${p}-owner`}
        name="owner"
        label={labels.owner}
        hint={t("form.ownerHint")}
        required
        defaultValue={values?.owner ?? system?.owner}
        errors={err("owner")}
      />
      <fieldset
        className="mb-5"
        aria-describedby={`${p}-categories-hint${catErrors?.length ? ` ${p}-categories-error` : ""}`}
      >
        <legend className="mb-1 font-semibold">{labels.categories}</legend>
        <p id={`${p}-categories-hint`} className="mb-1 text-sm text-muted">
          {t("form.categoriesHint")}
        </p>
        {catErrors?.length ? (
          <p id={`${p}-categories-error`} className="mb-1 text-sm font-semibold text-danger">
            {catErrors.join(" ")}
          </p>
        ) : null}
        <ul className="grid gap-1 sm:grid-cols-2">
          {CATEGORY_ITEMS.map((n) => (
            <li key={n}>
              <label className="flex min-h-11 items-start gap-2 py-1">
                <input
                  type="checkbox"
                  id={`${p}-categories-${n}`}
                  name="categories"
                  value={n}
                  defaultChecked={chosen.has(n)}
                  className="mt-1 size-5"
                />
                <span>
                  <span className="font-semibold">{t("categoryItem", { n })}</span> {t(`categories.${n}`)}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <SelectField
        id={`${p}-handling`}
        name="handling"
        label={labels.handling}
        hint={t("form.handlingHint")}
        defaultValue={values?.handling ?? system?.handling ?? "MANUAL"}
        options={Object.values(TaskHandling).map((h) => ({ value: h, label: t(`handling.${h}`) }))}
        errors={err("handling")}
      />
      <SubmitButton pendingLabel={t("form.saving")}>{system ? t("form.save") : t("form.add")}</SubmitButton>
    </form>
  );
}

export function SystemActiveForm({ id, active, name }: { id: string; active: boolean; name: string }) {
  const t = useTranslations("integrations");
  const text = useMessageText();
  const [state, action] = useActionState(setActiveAction, idleState);
  return (
    <form action={action} className="flex flex-col items-start gap-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <p className="text-sm text-muted">{t("form.activeHint")}</p>
      <SubmitButton
        variant={active ? "danger" : "secondary"}
        size="sm"
        aria-label={`${active ? t("form.deactivate") : t("form.reactivate")}: ${name}`}
      >
        {active ? t("form.deactivate") : t("form.reactivate")}
      </SubmitButton>
      <p
        role="status"
        className={`text-sm ${state.status === "error" ? "font-semibold text-danger" : "text-green-800"}`}
      >
        {state.status === "error"
          ? text(`errors.codes.${state.code}`)
          : state.status === "ok"
            ? t("form.activeChanged")
            : ""}
      </p>
    </form>
  );
}
