"use client";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/form-state";
import type { SummaryItem } from "@/components/ui/error-summary";
import { fieldId, labelOf, useKeyText, type FieldLabels } from "./form-text";

// For console forms posted as native form actions (the fee forms): the field errors and
// the error summary's items from a FormState. Field errors arrive as message keys
// ("fees.errors.amount", "errors.required"); bank statement errors name their line ("lines.12").

/**
 * A form-level message for an error code, in the area's own words where it has them
 * (e.g. "fees.console.codes"), else the shared ones under errors.codes.
 */
export function useCodeText(namespace?: "fees.console.codes") {
  const t = useTranslations();
  return (code: string): string =>
    namespace && t.has(`${namespace}.${code}`) ? t(`${namespace}.${code}`) : t(`errors.codes.${code}`);
}

/**
 * `labels` names each field the form shows, by its form name, with the label the field
 * shows: those errors link to the field and say its label; any other (a statement's line)
 * is listed as it is.
 */
export function useFormErrors(state: FormState, prefix: string, labels: FieldLabels, codes?: "fees.console.codes") {
  const keyText = useKeyText();
  const codeText = useCodeText(codes);
  const text = (key: string, field: string) => keyText(key, { line: /^lines\.(\d+)$/.exec(field)?.[1] ?? "" });
  const fieldErrors = state.status === "error" ? state.fieldErrors : {};
  const err = (f: string) => fieldErrors[f]?.map((k) => text(k, f));
  let items: SummaryItem[] = [];
  if (state.status === "error") {
    const entries = Object.entries(fieldErrors);
    items = entries.length
      ? entries.map(([f, keys]) => {
          const shown = Object.hasOwn(labels, f);
          return {
            fieldId: shown ? fieldId(prefix, f) : undefined,
            label: shown ? labelOf(labels, f) : undefined,
            message: keys.map((k) => text(k, f)).join(" "),
          };
        })
      : [{ message: codeText(state.code) }];
  }
  const values = state.status === "error" ? state.values : undefined;
  return { err, items, values };
}
