"use client";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/form-state";
import type { ReactNode } from "react";
import type { SummaryItem } from "@/components/ui/error-summary";
import { describedBy, FieldMessages } from "@/components/ui/field";

// Shared by the fee forms: field errors arrive as message keys ("fees.errors.amount",
// "errors.required"); bank statement errors name their line ("lines.12").

export function useFeeErrorText() {
  const te = useTranslations("errors");
  const tf = useTranslations("fees");
  return (key: string, field?: string): string => {
    const line = /^lines\.(\d+)$/.exec(field ?? "")?.[1] ?? "";
    if (key.startsWith("fees.")) {
      const k = key.slice("fees.".length);
      return tf.has(k) ? tf(k, { line }) : key;
    }
    const k = key.replace(/^errors\./, "");
    return te.has(k) ? te(k) : key;
  };
}

/** A form-level message for an error code, in the fee forms' own words where they have them. */
export function useCodeText() {
  const te = useTranslations("errors");
  const tf = useTranslations("fees.console.codes");
  return (code: string): string => (tf.has(code) ? tf(code) : te(`codes.${code}`));
}

export function useFormErrors(state: FormState, prefix: string, fields: readonly string[]) {
  const text = useFeeErrorText();
  const codeText = useCodeText();
  const fieldErrors = state.status === "error" ? state.fieldErrors : {};
  const err = (f: string) => fieldErrors[f]?.map((k) => text(k, f));
  let items: SummaryItem[] = [];
  if (state.status === "error") {
    const entries = Object.entries(fieldErrors);
    items = entries.length
      ? entries.map(([f, keys]) => ({
          fieldId: fields.includes(f) ? `${prefix}-${f}` : undefined,
          message: keys.map((k) => text(k, f)).join(" "),
        }))
      : [{ message: codeText(state.code) }];
  }
  const values = state.status === "error" ? state.values : undefined;
  return { err, items, values };
}

/**
 * "I have checked the amount" before money moves (applying a bank line, a refund): the
 * error stands above the box and is tied to it, so a screen reader hears why it failed.
 */
export function ConfirmCheckbox({
  id,
  errors,
  className = "mb-4",
  children,
}: {
  id: string;
  errors?: string[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <FieldMessages id={id} errors={errors} />
      <label className="flex min-h-11 items-start gap-2">
        <input
          id={id}
          type="checkbox"
          name="confirm"
          value="yes"
          className="mt-1 size-5"
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy(id, null, errors)}
        />
        <span>{children}</span>
      </label>
    </div>
  );
}
