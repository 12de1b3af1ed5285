"use client";
import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/ui/error-summary";
import { buttonClass } from "@/components/ui/button-class";
import { TextField } from "@/components/ui/field";
import { fieldIdOf, type PortalFormState } from "./step-state";

export type PortalAction = (prev: PortalFormState, formData: FormData) => Promise<PortalFormState>;

/** Message keys as text in the person's language; a key we do not know becomes a generic hint. */
export function useKeyText(): (key: string) => string {
  const t = useTranslations();
  return (key: string) => (/^[A-Za-z0-9_.]+$/.test(key) && t.has(key) ? t(key) : t("portal.form.invalidField"));
}

/**
 * A portal form bound to its server action through useActionState: a native form action,
 * so it also works before (or without) JavaScript. The action returns what was typed, and
 * the form is re-keyed by `nonce` so every field shows it again after an answer.
 */
export function usePortalForm(action: PortalAction, initial: PortalFormState) {
  const [state, formAction, pending] = useActionState(action, initial);
  const text = useKeyText();
  const v = (name: string): string => {
    const value = state.values[name];
    return typeof value === "string" ? value : "";
  };
  const vs = (name: string): string[] => {
    const value = state.values[name];
    return Array.isArray(value) ? value : typeof value === "string" && value ? [value] : [];
  };
  const err = (name: string): string[] | undefined => state.fieldErrors[name]?.map(text);
  return { state, formAction, pending, v, vs, err, text };
}

/** Every error at the top of the form, each linked to its field; takes focus when it appears. */
export function FormErrors({
  state,
  text,
  fieldIds = {},
}: {
  state: PortalFormState;
  text: (key: string) => string;
  fieldIds?: Record<string, string>;
}) {
  const t = useTranslations("common");
  const items = Object.entries(state.fieldErrors).map(([field, keys]) => ({
    fieldId: field === "_form" ? undefined : (fieldIds[field] ?? fieldIdOf(field)),
    message: keys.map(text).join(" "),
  }));
  // Re-mounted with every answer, so a repeated error (a second wrong code) takes focus again.
  return <ErrorSummary key={state.nonce} title={t("errorSummaryTitle")} items={items} />;
}

/**
 * A short confirmation after an action that stays on the page (e.g. "code sent"). It takes
 * focus, since the form below was re-drawn: the next Tab goes on to its first field.
 */
export function FormNotice({ state, text }: { state: PortalFormState; text: (key: string) => string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const { notice, nonce } = state;
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice, nonce]);
  return (
    <div role="status" aria-live="polite">
      {notice ? (
        <p ref={ref} tabIndex={-1} className="mb-4 rounded-md border-l-4 border-green-700 bg-green-50 p-3">
          {text(notice)}
        </p>
      ) : null}
    </div>
  );
}

/** A submit button that says it is working; name/value say which button was pressed. */
export function ActionButton({
  pending,
  children,
  variant = "primary",
  name = "intent",
  value,
  className = "",
}: {
  pending: boolean;
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger" | "ghost";
  name?: string;
  value?: string;
  className?: string;
}) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      aria-disabled={pending || undefined}
      className={`${buttonClass(variant)} ${className}`}
      onClick={(e) => pending && e.preventDefault()}
    >
      {children}
    </button>
  );
}

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
        id={fieldIdOf("code")}
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
