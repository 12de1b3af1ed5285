"use client";
import { RequestVersionInput } from "@/components/console/request-version";
import { useTranslations } from "next-intl";
import { SelectField, TextField, TextareaField } from "@/components/ui/field";
import { FormFeedback, PendingButton, useConsoleForm } from "@/components/ui/form/transition-form";
import { fieldId, type FieldLabels } from "@/components/ui/form/form-text";
import {
  buildPackageAction,
  collectAction,
  decideFromCollectionAction,
  exclusionAction,
  planChangeAction,
  planDecisionAction,
} from "./connected-actions";

const GROUNDS = ["HARM_TO_LIFE_OR_RIGHTS", "BUSINESS_IMPEDIMENT", "LEGAL_VIOLATION"] as const;

export function CollectForm({ requestId, systemId, label }: { requestId: string; systemId?: string; label: string }) {
  const t = useTranslations("connected.section");
  const { pending, form, feedback } = useConsoleForm(collectAction, {
    ok: (s) => t("queued", { count: Number(s.data?.queued ?? 0) }),
  });
  const prefix = `collect-${systemId ?? "all"}`;
  return (
    <form {...form} className="mb-3" data-testid="collect-form">
      <FormFeedback {...feedback} prefix={prefix} />
      <input type="hidden" name="requestId" value={requestId} />
      {systemId ? <input type="hidden" name="systemId" value={systemId} /> : null}
      <PendingButton pending={pending} variant={systemId ? "secondary" : "primary"}>
        {label}
      </PendingButton>
    </form>
  );
}

export type ColumnChoice = { name: string; label: string };

/** Withhold one row, or one field of it, on an Art 6.1 ground. */
export function ExclusionForm({
  requestId,
  collectionId,
  table,
  rowKey,
  columns,
  rowLabel,
}: {
  requestId: string;
  collectionId: string;
  table: string;
  rowKey: string;
  columns: ColumnChoice[];
  rowLabel: string;
}) {
  const t = useTranslations("connected.exclusion");
  const g = useTranslations("connected.grounds");
  const { pending, errors, form, feedback } = useConsoleForm(exclusionAction, { ok: () => t("added") });
  const prefix = `excl-${collectionId}-${table}-${rowKey.replace(/[^A-Za-z0-9]/g, "")}`;
  const labels = { column: t("what"), ground: t("ground") };
  return (
    <form
      {...form}
      className="flex flex-wrap items-end gap-2"
      data-testid="exclusion-form"
      aria-label={t("formLabel", { row: rowLabel })}
    >
      <FormFeedback {...feedback} prefix={prefix} labels={labels} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="collectionId" value={collectionId} />
      <input type="hidden" name="table" value={table} />
      <input type="hidden" name="rowKey" value={rowKey} />
      <SelectField
        id={fieldId(prefix, "column")}
        name="column"
        label={labels.column}
        options={[{ value: "", label: t("wholeRow") }, ...columns.map((c) => ({ value: c.name, label: c.label }))]}
        errors={errors("column")}
      />
      <SelectField
        id={fieldId(prefix, "ground")}
        name="ground"
        label={labels.ground}
        options={GROUNDS.map((x) => ({ value: x, label: g(x) }))}
        errors={errors("ground")}
      />
      <PendingButton pending={pending} variant="secondary" className="mb-4">
        {t("add")}
      </PendingButton>
    </form>
  );
}

export function RemoveExclusionForm({
  requestId,
  exclusionId,
  label,
}: {
  requestId: string;
  exclusionId: string;
  label: string;
}) {
  const t = useTranslations("connected.exclusion");
  const { pending, form, feedback } = useConsoleForm(exclusionAction, { ok: () => t("removed") });
  return (
    <form {...form} className="inline" aria-label={label}>
      <FormFeedback {...feedback} prefix={`rmx-${exclusionId}`} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="exclusionId" value={exclusionId} />
      <PendingButton pending={pending} variant="secondary" name="intent" value="remove">
        {t("remove")}
      </PendingButton>
    </form>
  );
}

/** The disclosure decision the collection implies: grounds from the exclusions, one explanation each. */
export function DecideFromCollectionForm({
  requestId,
  version,
  outcomeLabel,
  grounds,
}: {
  requestId: string;
  version: number;
  outcomeLabel: string;
  grounds: { ground: string; label: string }[];
}) {
  const t = useTranslations("connected.decide");
  const { pending, errors, form, feedback } = useConsoleForm(decideFromCollectionAction, {
    ok: (s) => (s.data?.approval === "PENDING" ? t("submittedForApproval") : t("decided")),
  });
  const labels: FieldLabels = {
    ...Object.fromEntries(grounds.map((g) => [`ground-${g.ground}`, t("groundExplanation", { ground: g.label })])),
    explanation: t("explanation"),
  };
  return (
    <form {...form} data-testid="decide-from-collection-form" aria-labelledby="decide-collection-title">
      <h3 id="decide-collection-title" className="mb-2 text-lg font-bold">
        {t("title")}
      </h3>
      <FormFeedback {...feedback} prefix="dfc" labels={labels} />
      <input type="hidden" name="requestId" value={requestId} />
      <RequestVersionInput version={version} />
      <p className="mb-2">
        {t("outcome")}: <strong data-testid="proposed-outcome">{outcomeLabel}</strong>
      </p>
      {grounds.map((g) => (
        <TextareaField
          key={g.ground}
          id={fieldId("dfc", `ground-${g.ground}`)}
          name={`ground-${g.ground}`}
          label={labels[`ground-${g.ground}`]}
          hint={t("groundHint")}
          rows={2}
          maxLength={2000}
          required
          errors={errors(`ground-${g.ground}`)}
        />
      ))}
      <TextareaField
        id={fieldId("dfc", "explanation")}
        name="explanation"
        label={labels.explanation}
        hint={t("explanationHint")}
        rows={3}
        maxLength={4000}
        errors={errors("explanation")}
      />
      <PendingButton pending={pending}>{t("submit")}</PendingButton>
    </form>
  );
}

export function BuildPackageForm({ requestId, version }: { requestId: string; version: number }) {
  const t = useTranslations("connected.package");
  const { pending, form, feedback } = useConsoleForm(buildPackageAction, { ok: () => t("built") });
  return (
    <form {...form} data-testid="build-package-form">
      <FormFeedback {...feedback} prefix="buildpkg" />
      <input type="hidden" name="requestId" value={requestId} />
      <RequestVersionInput version={version} />
      <p className="mb-2 text-sm text-muted">{t("hint")}</p>
      <PendingButton pending={pending}>{t("build")}</PendingButton>
    </form>
  );
}

export function ErasurePlanForm({
  requestId,
  systemId,
  suspend,
}: {
  requestId: string;
  systemId: string;
  suspend: boolean;
}) {
  const t = useTranslations("connected.plan");
  const { pending, form, feedback } = useConsoleForm(planChangeAction, { ok: () => t("planned") });
  return (
    <form {...form} data-testid="erasure-plan-form">
      <FormFeedback {...feedback} prefix={`plan-${systemId}`} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="systemId" value={systemId} />
      <input type="hidden" name="kind" value="ERASURE" />
      <p className="mb-2 text-sm text-muted">{suspend ? t("suspendHint") : t("eraseHint")}</p>
      <PendingButton pending={pending} variant="secondary">
        {t("dryRun")}
      </PendingButton>
    </form>
  );
}

export type CorrectableField = { value: string; label: string; rows: { key: string; label: string }[] };

/** Correction (Art 7): pick the field from the collected data and the new value; every row holding it is planned. */
export function CorrectionPlanForm({
  requestId,
  systemId,
  fields,
}: {
  requestId: string;
  systemId: string;
  fields: CorrectableField[];
}) {
  const t = useTranslations("connected.plan");
  const { pending, errors, form, feedback } = useConsoleForm(planChangeAction, { ok: () => t("planned") });
  const prefix = `corr-${systemId}`;
  const labels = { field: t("field"), newValue: t("newValue") };
  return (
    <form {...form} data-testid="correction-plan-form">
      <FormFeedback {...feedback} prefix={prefix} labels={labels} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="systemId" value={systemId} />
      <input type="hidden" name="kind" value="CORRECTION" />
      <SelectField
        id={fieldId(prefix, "field")}
        name="field"
        label={labels.field}
        options={fields.map((f) => ({ value: f.value, label: f.label }))}
        errors={errors("field")}
      />
      {fields.map((f) =>
        f.rows.map((r) => <input key={`${f.value}${r.key}`} type="hidden" name={`rows-${f.value}`} value={r.key} />),
      )}
      <TextField
        id={fieldId(prefix, "newValue")}
        name="newValue"
        label={labels.newValue}
        hint={t("newValueHint")}
        maxLength={2000}
        errors={errors("newValue")}
      />
      <PendingButton pending={pending} variant="secondary">
        {t("dryRun")}
      </PendingButton>
    </form>
  );
}

export function PlanDecisionForm({
  requestId,
  planId,
  intent,
  label,
}: {
  requestId: string;
  planId: string;
  intent: "approve" | "execute";
  label: string;
}) {
  const t = useTranslations("connected.plan");
  const { pending, form, feedback } = useConsoleForm(planDecisionAction, {
    ok: (s) => t(s.message === "executed" ? "executed" : s.message === "failed" ? "executeFailed" : "approved"),
  });
  return (
    <form {...form} className="inline-block" data-testid={`plan-${intent}-form`}>
      <FormFeedback {...feedback} prefix={`pd-${planId}-${intent}`} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="planId" value={planId} />
      <PendingButton
        pending={pending}
        variant={intent === "execute" ? "danger" : "primary"}
        name="intent"
        value={intent}
      >
        {label}
      </PendingButton>
    </form>
  );
}
