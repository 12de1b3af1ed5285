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
import { DefaultSubmit, EmailCodeFields } from "@/components/portal/wizard-buttons";
import { fieldId } from "@/components/ui/form/form-text";
import { type PortalFormState } from "@/lib/form-state";
import { ResendCountdown } from "../resend-countdown";

/**
 * Opens the status page with the reference and email address, then the emailed code.
 * Whatever is typed, the first step answers the same way, so it reveals no request.
 */
export function StatusAccessForm({ action, initial }: { action: PortalAction; initial: PortalFormState }) {
  const f = usePortalForm(action, initial);
  const t = useTranslations("portal.status.access");
  const tc = useTranslations("common");
  const codeStage = f.state.data?.stage === "code";
  const req = { required: true, requiredLabel: tc("required") };
  const labels = { reference: t("reference"), email: t("email"), code: t("code") };
  return (
    <>
      <FormErrors state={f.state} text={f.text} labels={labels} />
      <FormNotice state={f.state} text={f.text} />
      <form
        key={f.state.nonce}
        action={f.formAction}
        noValidate
        className="rounded-md border border-brand-100 bg-white p-4"
      >
        {codeStage ? (
          <>
            <DefaultSubmit value="verify" />
            <input type="hidden" name="reference" value={f.v("reference")} />
            <input type="hidden" name="email" value={f.v("email")} />
            {f.state.data?.resendAt ? <ResendCountdown at={f.state.data.resendAt} /> : null}
            <EmailCodeFields
              intro={t("codeFor", { reference: f.v("reference"), email: f.v("email") })}
              errors={f.err("code")}
              labels={{
                code: labels.code,
                codeHint: t("codeHint"),
                required: tc("required"),
                verify: t("open"),
                resend: t("resend"),
                back: t("restart"),
              }}
              backValue="restart"
              pending={f.pending}
            />
          </>
        ) : (
          <>
            <TextField
              id={fieldId("f", "reference")}
              name="reference"
              label={labels.reference}
              hint={t("referenceHint")}
              defaultValue={f.v("reference")}
              errors={f.err("reference")}
              autoComplete="off"
              {...req}
            />
            <TextField
              id={fieldId("f", "email")}
              name="email"
              type="email"
              label={labels.email}
              hint={t("emailHint")}
              defaultValue={f.v("email")}
              errors={f.err("email")}
              autoComplete="email"
              {...req}
            />
            <ActionButton pending={f.pending} value="send" className="w-full sm:w-auto">
              {t("send")}
            </ActionButton>
          </>
        )}
      </form>
    </>
  );
}
