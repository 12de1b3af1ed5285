"use client";
import { RequestVersionInput } from "@/components/console/request-version";
import { useTranslations } from "next-intl";
import { FormFeedback, PendingButton, useConsoleForm } from "@/components/ui/form/transition-form";
import { fieldId } from "@/components/ui/form/form-text";
import { assignAction } from "./actions";

export function AssignForm({
  requestId,
  version,
  assigneeId,
  me,
  staff,
}: {
  requestId: string;
  version: number;
  assigneeId: string | null;
  me: string;
  staff: { id: string; name: string }[];
}) {
  const t = useTranslations("console.request.assign");
  const { pending, errors, form, feedback } = useConsoleForm(assignAction, { ok: () => t("saved") });
  const err = errors("assigneeId");
  return (
    <form {...form} className="flex flex-col gap-2" data-testid="assign-form">
      <FormFeedback {...feedback} prefix="assign" labels={{ assigneeId: t("label") }} />
      <input type="hidden" name="requestId" value={requestId} />
      <RequestVersionInput version={version} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-48 flex-1">
          <label htmlFor={fieldId("assign", "assigneeId")} className="mb-1 block font-semibold">
            {t("label")}
          </label>
          {err ? (
            <p id="assign-assigneeId-error" className="mb-1 text-sm font-semibold text-danger">
              {err.join(" ")}
            </p>
          ) : null}
          <select
            id={fieldId("assign", "assigneeId")}
            name="assigneeId"
            key={`${assigneeId ?? ""}-${version}`}
            defaultValue={assigneeId ?? ""}
            aria-invalid={err ? true : undefined}
            aria-describedby={err ? "assign-assigneeId-error" : undefined}
            className="block min-h-11 w-full rounded-md border border-stone-400 bg-white px-3"
          >
            <option value="">{t("none")}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <PendingButton pending={pending} variant="secondary">
          {t("submit")}
        </PendingButton>
        {assigneeId !== me ? (
          <PendingButton pending={pending} name="takeIt" value="1">
            {t("takeIt")}
          </PendingButton>
        ) : null}
      </div>
    </form>
  );
}
