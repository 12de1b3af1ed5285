"use client";
import { useActionState, useEffect, useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/ui/error-summary";
import { buttonClass } from "@/components/ui/button-class";
import type { PortalFormState } from "@/lib/form-state";
import { fieldId, labelOf, useKeyText, type FieldLabels } from "./form-text";

export type PortalAction = (prev: PortalFormState, formData: FormData) => Promise<PortalFormState>;

// The portal's submit mode (ADR 0020, ADR 0008): a native form action that works without
// JavaScript. The console's transition mode is ./transition-form.tsx.

/**
 * A portal form bound to its server action through useActionState: a native form action,
 * so it also works before (or without) JavaScript. The action returns what was typed, and
 * the form is re-keyed by `nonce` so every field shows it again after an answer.
 */
export function usePortalForm(action: PortalAction, initial: PortalFormState) {
  const [state, formAction, pending] = useActionState(action, initial);
  const keyText = useKeyText("portal.form.invalidField");
  const text = (key: string) => keyText(key);
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

/**
 * Every error at the top of the form, each linked to its field and named by the field's
 * label (`labels`, the same strings the fields show); takes focus when it appears.
 */
export function FormErrors({
  state,
  text,
  labels,
  fieldIds = {},
}: {
  state: PortalFormState;
  text: (key: string) => string;
  labels?: FieldLabels;
  fieldIds?: Record<string, string>;
}) {
  const t = useTranslations("common");
  const items = Object.entries(state.fieldErrors).map(([field, keys]) => {
    const target = field === "_form" ? undefined : (fieldIds[field] ?? fieldId("f", field));
    return { fieldId: target, label: target ? labelOf(labels, field) : undefined, message: keys.map(text).join(" ") };
  });
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
