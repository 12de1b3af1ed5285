"use client";
// First: these schemas are built when imported (lib/zod-jitless.ts).
import "@/lib/zod-jitless";
import { outcomeLabelKey } from "@/lib/console/outcome-label";
import { RequestVersionInput } from "@/components/console/request-version";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { TextareaField, SelectField } from "@/components/ui/field";
import { Choices } from "@/components/ui/form/choices";
import { FormFeedback, PendingButton, useConsoleForm } from "@/components/ui/form/transition-form";
import { fieldId, type FieldLabels } from "@/components/ui/form/form-text";
import { NoticePreview } from "@/components/console/notice-preview";
import { decideAction } from "./decision-actions";

export type DecisionFormProps = {
  requestId: string;
  version: number;
  type: RequestType;
  outcomes: readonly string[];
  grounds: readonly string[];
  categories: { value: string; label: string }[];
};

const id = (k: string) => fieldId("decision", k);

/** One decision form whose fields follow the request type (decision-schemas.ts). */
export function DecisionForm({ requestId, version, type, outcomes, grounds, categories }: DecisionFormProps) {
  const t = useTranslations("console.request.decision");
  const c = useTranslations("console");
  const f = useTranslations("console.form");
  const { state, pending, errors, form, feedback } = useConsoleForm(decideAction, {
    ok: (s) => (s.message === "preview" ? undefined : s.message === "pending" ? t("savedPending") : t("savedDone")),
  });
  const [cited, setCited] = useState<Set<string>>(new Set());
  const toggle = (g: string, on: boolean) =>
    setCited((prev) => new Set([...prev].filter((x) => x !== g).concat(on ? [g] : [])));
  const stops = type === "SUSPENSION" || type === "THIRD_PARTY_STOP";
  const groundErrors = errors("grounds");
  // An error on grounds.<i>.* that names no cited ground takes the legend of "grounds".
  const labels: FieldLabels = {
    outcome: t("outcome"),
    grounds: t("grounds"),
    ...Object.fromEntries(
      grounds.map((g) => [`groundExplanation.${g}`, t("groundExplanation", { ground: c(`ground.${g}`) })]),
    ),
    withheldItems: t("withheldItemsLabel"),
    action: t("actionLabel"),
    measure: t("measureLabel"),
    categories: t("categoriesLabel"),
    investigation: t("investigationLabel"),
    alternativeMeasure: t("alternativeLabel"),
    explanation: t("explanation"),
    internalNote: t("internalNoteLabel"),
  };
  return (
    <form {...form} data-testid="decision-form">
      <FormFeedback {...feedback} prefix="decision" labels={labels} />
      <input type="hidden" name="requestId" value={requestId} />
      <RequestVersionInput version={version} />
      <input type="hidden" name="type" value={type} />
      <Choices
        appearance="list"
        id={id("outcome")}
        name="outcome"
        legend={labels.outcome}
        errors={errors("outcome")}
        options={outcomes.map((o) => ({ value: o, label: c(outcomeLabelKey(type, o)) }))}
      />

      <fieldset
        id={id("grounds")}
        tabIndex={-1}
        className="mb-5 min-w-0"
        aria-describedby={`${id("grounds")}-hint${groundErrors ? ` ${id("grounds")}-error` : ""}`}
      >
        <legend className="mb-1 font-semibold">{labels.grounds}</legend>
        <p id={`${id("grounds")}-hint`} className="mb-1 text-sm text-muted">
          {t("groundsHint")}
        </p>
        {groundErrors ? (
          <p id={`${id("grounds")}-error`} className="mb-1 text-sm font-semibold text-danger">
            {groundErrors.join(" ")}
          </p>
        ) : null}
        <ul className="flex flex-col gap-2">
          {grounds.map((g) => (
            <li key={g}>
              <div className="flex min-h-9 items-start gap-2">
                <input
                  type="checkbox"
                  id={`decision-ground-${g}`}
                  name="ground"
                  value={g}
                  checked={cited.has(g)}
                  onChange={(e) => toggle(g, e.target.checked)}
                  className="mt-1 size-5 shrink-0"
                />
                <label htmlFor={`decision-ground-${g}`}>{c(`ground.${g}`)}</label>
              </div>
              {cited.has(g) ? (
                <div className="mt-2 ml-7">
                  <TextareaField
                    id={id(`groundExplanation.${g}`)}
                    name={`groundExplanation.${g}`}
                    label={labels[`groundExplanation.${g}`]}
                    rows={3}
                    maxLength={2000}
                    required
                    errors={errors(`groundExplanation.${g}`)}
                  />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </fieldset>

      {type === "DISCLOSURE" ? (
        <TextareaField
          id={id("withheldItems")}
          name="withheldItems"
          label={labels.withheldItems}
          hint={t("withheldItemsHint")}
          rows={2}
          maxLength={2000}
          errors={errors("withheldItems")}
          optionalLabel={f("optional")}
        />
      ) : null}
      {type === "CORRECTION" ? (
        <SelectField
          id={id("action")}
          name="action"
          label={labels.action}
          defaultValue=""
          errors={errors("action")}
          options={[
            { value: "", label: t("actionDefault") },
            ...(["CORRECT", "ADD", "DELETE"] as const).map((a) => ({ value: a, label: c(`taskAction.${a}`) })),
          ]}
        />
      ) : null}
      {type === "SUSPENSION" ? (
        <SelectField
          id={id("measure")}
          name="measure"
          label={labels.measure}
          defaultValue=""
          errors={errors("measure")}
          options={[
            { value: "", label: t("measureDefault") },
            ...(["SUSPEND_USE", "DELETE", "STOP_THIRD_PARTY"] as const).map((m) => ({
              value: m,
              label: t(`measures.${m}`),
            })),
          ]}
        />
      ) : null}
      {type === "CORRECTION" || stops ? (
        <Choices
          appearance="list"
          id={id("categories")}
          name="categories"
          type="checkbox"
          legend={labels.categories}
          hint={t("categoriesHint")}
          errors={errors("categories")}
          options={categories}
        />
      ) : null}
      {stops ? (
        <>
          <TextareaField
            id={id("investigation")}
            name="investigation"
            label={labels.investigation}
            rows={3}
            maxLength={4000}
            errors={errors("investigation")}
            optionalLabel={f("optional")}
          />
          <TextareaField
            id={id("alternativeMeasure")}
            name="alternativeMeasure"
            label={labels.alternativeMeasure}
            hint={t("alternativeHint")}
            rows={3}
            maxLength={2000}
            errors={errors("alternativeMeasure")}
            optionalLabel={f("optional")}
          />
        </>
      ) : null}
      <TextareaField
        id={id("explanation")}
        name="explanation"
        label={labels.explanation}
        hint={t("explanationHint")}
        rows={4}
        maxLength={4000}
        errors={errors("explanation")}
      />
      <TextareaField
        id={id("internalNote")}
        name="internalNote"
        label={labels.internalNote}
        hint={t("internalNoteHint")}
        rows={2}
        maxLength={4000}
        errors={errors("internalNote")}
        optionalLabel={f("optional")}
      />
      <div className="flex flex-wrap gap-3">
        <PendingButton pending={pending} name="intent" value="preview" variant="secondary">
          {t("preview")}
        </PendingButton>
        <PendingButton pending={pending} name="intent" value="decide">
          {t("submit")}
        </PendingButton>
      </div>
      {state.status === "ok" && state.message === "preview" ? (
        <NoticePreview title={t("previewTitle")} subject={state.data?.subject ?? ""} body={state.data?.body ?? ""} />
      ) : null}
    </form>
  );
}
