"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { TextareaField } from "@/components/ui/field";
import { buttonClass } from "@/components/ui/button-class";
import { ActionButton, FormErrors, usePortalForm, type PortalAction } from "@/components/ui/form/action-form";
import { fieldId } from "@/components/ui/form/form-text";
import { type PortalFormState } from "@/lib/form-state";

export function WithdrawForm({ action, initial }: { action: PortalAction; initial: PortalFormState }) {
  const f = usePortalForm(action, initial);
  const t = useTranslations("portal.status.withdraw");
  const tc = useTranslations("common");
  const labels = { reason: t("reason") };
  return (
    <>
      <FormErrors state={f.state} text={f.text} labels={labels} />
      <form key={f.state.nonce} action={f.formAction} noValidate>
        <TextareaField
          id={fieldId("f", "reason")}
          name="reason"
          label={labels.reason}
          hint={t("reasonHint")}
          defaultValue={f.v("reason")}
          errors={f.err("reason")}
          rows={3}
          optionalLabel={tc("optional")}
        />
        <div className="flex flex-col gap-3 sm:flex-row">
          <ActionButton pending={f.pending} value="withdraw" variant="danger" className="w-full sm:w-auto">
            {t("confirm")}
          </ActionButton>
          <Link href="/status" className={`${buttonClass("secondary")} w-full sm:w-auto`}>
            {t("cancel")}
          </Link>
        </div>
      </form>
    </>
  );
}
