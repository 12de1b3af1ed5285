"use client";
import { RequestVersionInput } from "@/components/console/request-version";
import { useTranslations } from "next-intl";
import { TextareaField } from "@/components/ui/field";
import { Choices } from "@/components/ui/form/choices";
import { FormFeedback, PendingButton, useConsoleForm } from "@/components/ui/form/transition-form";
import { fieldId } from "@/components/ui/form/form-text";
import { closeRequestAction, completeTaskAction } from "./actions";

export function TaskForm({
  requestId,
  taskId,
  version,
  label,
}: {
  requestId: string;
  taskId: string;
  version: number;
  label: string;
}) {
  const t = useTranslations("console.request.tasks");
  const s = useTranslations("console.taskStatus");
  const { pending, errors, form, feedback } = useConsoleForm(completeTaskAction, {
    ok: (s) => (s.data?.closed ? t("savedClosed") : t("saved")),
  });
  const prefix = `task-${taskId}`;
  const labels = { status: t("formStatus"), note: t("note") };
  return (
    <form {...form} className="mt-2" data-testid="task-form" aria-label={label}>
      <FormFeedback {...feedback} prefix={prefix} labels={labels} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="taskId" value={taskId} />
      <input type="hidden" name="version" value={version} />
      <Choices
        appearance="list"
        id={fieldId(prefix, "status")}
        name="status"
        legend={labels.status}
        checked="DONE"
        errors={errors("status")}
        options={(["DONE", "EXPLAINED", "FAILED"] as const).map((v) => ({ value: v, label: s(v) }))}
      />
      <TextareaField
        id={fieldId(prefix, "note")}
        name="note"
        label={labels.note}
        hint={t("noteHint")}
        rows={2}
        maxLength={2000}
        required
        errors={errors("note")}
      />
      <PendingButton pending={pending} variant="secondary">
        {t("submit")}
      </PendingButton>
    </form>
  );
}

export function CloseRequestForm({ requestId, version }: { requestId: string; version: number }) {
  const t = useTranslations("console.request.tasks");
  const { pending, form, feedback } = useConsoleForm(closeRequestAction, { ok: () => t("closed") });
  return (
    <form {...form} className="mt-4 border-t border-stone-200 pt-4" data-testid="close-form">
      <FormFeedback {...feedback} prefix="close" />
      <input type="hidden" name="requestId" value={requestId} />
      <RequestVersionInput version={version} />
      <p className="mb-2 text-sm text-muted">{t("closeHint")}</p>
      <PendingButton pending={pending} variant="secondary">
        {t("close")}
      </PendingButton>
    </form>
  );
}
