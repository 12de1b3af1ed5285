"use client";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import {
  ActionButton,
  FormErrors,
  FormNotice,
  usePortalForm,
  type PortalAction,
} from "@/components/ui/form/action-form";
import { DefaultSubmit } from "@/components/portal/wizard-buttons";
import { fieldId } from "@/components/ui/form/form-text";
import { type PortalFormState } from "@/lib/form-state";
import { ResendCountdown } from "../resend-countdown";

/** The 6-digit code from the mail; the request is saved only when it is right. */
export function ConfirmStepForm({
  action,
  initial,
  email,
  minutes,
}: {
  action: PortalAction;
  initial: PortalFormState;
  email: string;
  minutes: number;
}) {
  const f = usePortalForm(action, initial);
  const t = useTranslations("portal.wizard.confirm");
  const tw = useTranslations("portal.wizard");
  const tc = useTranslations("common");
  const labels = { code: t("code") };
  return (
    <>
      <FormErrors state={f.state} text={f.text} labels={labels} />
      <FormNotice state={f.state} text={f.text} />
      <form key={f.state.nonce} action={f.formAction} noValidate>
        <DefaultSubmit value="submit" />
        <p className="mb-4">{t("sent", { email, minutes })}</p>
        {f.state.data?.resendAt ? <ResendCountdown at={f.state.data.resendAt} /> : null}
        <TextField
          id={fieldId("f", "code")}
          name="code"
          label={labels.code}
          hint={t("codeHint")}
          defaultValue={f.v("code")}
          errors={f.err("code")}
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          requiredLabel={tc("required")}
        />
        <div className="mt-6 flex flex-col gap-3 sm:flex-row">
          <ActionButton pending={f.pending} value="submit" className="w-full sm:w-auto">
            {f.pending ? tw("working") : t("submit")}
          </ActionButton>
          <ActionButton pending={f.pending} value="resend" variant="secondary" className="w-full sm:w-auto">
            {t("resend")}
          </ActionButton>
          <ActionButton pending={f.pending} value="back" variant="ghost" className="w-full sm:w-auto">
            {tw("back")}
          </ActionButton>
        </div>
        <p className="mt-4 text-sm text-muted">{t("resendHint")}</p>
      </form>
    </>
  );
}
