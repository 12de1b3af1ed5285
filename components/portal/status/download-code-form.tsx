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

/** A fresh emailed code before the disclosed files can be downloaded, even when signed in. */
export function DownloadCodeForm({ action, initial }: { action: PortalAction; initial: PortalFormState }) {
  const f = usePortalForm(action, initial);
  const t = useTranslations("portal.status.package");
  const tc = useTranslations("common");
  const codeStage = f.state.data?.stage === "code";
  const labels = { code: t("code") };
  return (
    <>
      <FormErrors state={f.state} text={f.text} labels={labels} fieldIds={{ code: fieldId("f", "download-code") }} />
      <FormNotice state={f.state} text={f.text} />
      <form key={f.state.nonce} action={f.formAction} noValidate>
        {codeStage ? (
          <>
            <DefaultSubmit value="verify" />
            <TextField
              id={fieldId("f", "download-code")}
              name="code"
              label={labels.code}
              hint={t("codeHint")}
              errors={f.err("code")}
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              requiredLabel={tc("required")}
            />
            <div className="flex flex-col gap-3 sm:flex-row">
              <ActionButton pending={f.pending} value="verify" className="w-full sm:w-auto">
                {t("verify")}
              </ActionButton>
              <ActionButton pending={f.pending} value="send" variant="secondary" className="w-full sm:w-auto">
                {t("resend")}
              </ActionButton>
            </div>
          </>
        ) : (
          <>
            <p className="mb-3">{t("needCode")}</p>
            <ActionButton pending={f.pending} value="send" className="w-full sm:w-auto">
              {t("sendCode")}
            </ActionButton>
          </>
        )}
      </form>
    </>
  );
}
