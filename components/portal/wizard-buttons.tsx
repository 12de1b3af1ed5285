"use client";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/field";
import { ActionButton } from "@/components/ui/form/action-form";
import { fieldId } from "@/components/ui/form/form-text";

// The portal's own buttons around the form kit: the wizard's Next/Back, the invisible
// default button, and the emailed-code step shared by the inquiry and status forms.

/** Next first (Enter in a field submits the first button), then Back. */
export function WizardNav({
  pending,
  nextLabel,
  back = true,
}: {
  pending: boolean;
  nextLabel?: string;
  back?: boolean;
}) {
  const t = useTranslations("portal.wizard");
  return (
    <div className="mt-8 flex flex-col gap-3 border-t border-brand-100 pt-6 sm:flex-row">
      <ActionButton pending={pending} value="next" className="w-full sm:w-auto">
        {pending ? t("working") : (nextLabel ?? t("next"))}
      </ActionButton>
      {back ? (
        <ActionButton pending={pending} value="back" variant="secondary" className="w-full sm:w-auto">
          {t("back")}
        </ActionButton>
      ) : null}
    </div>
  );
}

/**
 * Enter in a text field presses the form's first submit button. Where other buttons (look
 * up an address, add a row) come before "next", this invisible one comes first instead.
 */
export function DefaultSubmit({ value = "next" }: { value?: string }) {
  return (
    <button type="submit" name="intent" value={value} tabIndex={-1} aria-hidden="true" className="sr-only">
      {value}
    </button>
  );
}

/**
 * The emailed-code step of a portal form (inquiry, status access): what was sent where, the
 * code field, then verify, send a new code, and go back to change the answers.
 */
export function EmailCodeFields({
  intro,
  errors,
  labels,
  backValue,
  pending,
}: {
  intro: ReactNode;
  errors?: string[];
  labels: { code: string; codeHint: string; required: string; verify: string; resend: string; back: string };
  backValue: string;
  pending: boolean;
}) {
  return (
    <>
      <p className="mb-4">{intro}</p>
      <TextField
        id={fieldId("f", "code")}
        name="code"
        label={labels.code}
        hint={labels.codeHint}
        errors={errors}
        inputMode="numeric"
        autoComplete="one-time-code"
        required
        requiredLabel={labels.required}
      />
      <div className="flex flex-col gap-3 sm:flex-row">
        <ActionButton pending={pending} value="verify" className="w-full sm:w-auto">
          {labels.verify}
        </ActionButton>
        <ActionButton pending={pending} value="resend" variant="secondary" className="w-full sm:w-auto">
          {labels.resend}
        </ActionButton>
        <ActionButton pending={pending} value={backValue} variant="ghost" className="w-full sm:w-auto">
          {labels.back}
        </ActionButton>
      </div>
    </>
  );
}
