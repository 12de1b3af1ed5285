"use client";
import { RequestVersionInput } from "@/components/console/request-version";
import { useTranslations } from "next-intl";
import { TextareaField } from "@/components/ui/field";
import { FormFeedback, PendingButton, useConsoleForm } from "@/components/ui/form/transition-form";
import { fieldId } from "@/components/ui/form/form-text";
import { approvalAction } from "./decision-actions";

/** The privacy officer's box: approve (the notice then goes) or send back with a comment. */
export function ApprovalForm({
  requestId,
  decisionId,
  version,
}: {
  requestId: string;
  decisionId: string;
  version: number;
}) {
  const t = useTranslations("console.request.approval");
  const { pending, errors, form, feedback } = useConsoleForm(approvalAction, {
    ok: (s) => (s.message === "sentBack" ? t("sentBack") : t("approved")),
  });
  return (
    <form {...form} data-testid="approval-form">
      <FormFeedback {...feedback} prefix="approval" labels={{ comment: t("comment") }} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="decisionId" value={decisionId} />
      <RequestVersionInput version={version} />
      <TextareaField
        id={fieldId("approval", "comment")}
        name="comment"
        label={t("comment")}
        hint={t("commentHint")}
        rows={3}
        maxLength={2000}
        errors={errors("comment")}
      />
      <div className="flex flex-wrap gap-3">
        <PendingButton pending={pending} name="intent" value="approve">
          {t("approve")}
        </PendingButton>
        <PendingButton pending={pending} name="intent" value="sendBack" variant="danger">
          {t("sendBack")}
        </PendingButton>
      </div>
    </form>
  );
}
