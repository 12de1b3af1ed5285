"use client";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/form-state";
import type { SummaryItem } from "@/components/ui/error-summary";
import { labelOf, type FieldLabels } from "@/components/ui/form/form-text";

/** Message keys from domain errors ("errors.required", "console.errors.systemKey", "integrations.errors.…") as text. */
export function useMessageText() {
  const t = useTranslations();
  return (key: string) => (t.has(key) ? t(key) : key);
}

/** Field errors of a form state as text, by field name. */
export function useFieldErrors(state: FormState) {
  const text = useMessageText();
  return (field: string) => (state.status === "error" ? state.fieldErrors[field]?.map(text) : undefined);
}

/**
 * The ErrorSummary items of a form state; fieldIds maps a field name to its control's id,
 * labels to the label the field shows (the form kit's convention, form-text.ts).
 */
export function useSummary(state: FormState, fieldIds: Record<string, string>, labels: FieldLabels): SummaryItem[] {
  const text = useMessageText();
  if (state.status !== "error") return [];
  const fields = Object.entries(state.fieldErrors);
  if (!fields.length) return [{ message: text(`errors.codes.${state.code}`) }];
  return fields.map(([f, keys]) => {
    const fieldId = fieldIds[f];
    return { fieldId, label: fieldId ? labelOf(labels, f) : undefined, message: keys.map(text).join(" ") };
  });
}
