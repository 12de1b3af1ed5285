"use client";
import { useTranslations } from "next-intl";
import { TextareaField } from "@/components/ui/field";
import { FormFeedback, PendingButton, useConsoleForm } from "@/components/ui/form/transition-form";
import { fieldId } from "@/components/ui/form/form-text";
import { waiveFeeAction } from "./actions";

export function FeeWaiveForm({ requestId }: { requestId: string }) {
  const t = useTranslations("console.request.fee");
  const { pending, errors, form, feedback } = useConsoleForm(waiveFeeAction, {
    resetOnOk: true,
    ok: () => t("waived"),
  });
  return (
    <form {...form} className="mt-4 border-t border-stone-200 pt-4" data-testid="waive-form">
      <h3 className="mb-2 font-bold">{t("waiveTitle")}</h3>
      <FormFeedback {...feedback} prefix="waive" labels={{ reason: t("waiveReason") }} />
      <input type="hidden" name="requestId" value={requestId} />
      <TextareaField
        id={fieldId("waive", "reason")}
        name="reason"
        label={t("waiveReason")}
        hint={t("waiveReasonHint")}
        rows={2}
        maxLength={500}
        required
        errors={errors("reason")}
      />
      <PendingButton pending={pending} variant="secondary">
        {t("waiveSubmit")}
      </PendingButton>
    </form>
  );
}
