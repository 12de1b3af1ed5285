import type { FieldErrors } from "@/lib/errors";
import type { FormValues } from "@/lib/requests/wizard-values";

// What a portal form's server action hands back to the form: what was typed (so the
// form shows it again), errors as fully qualified message keys ("requests.errors.required",
// "errors.codes.RATE_LIMITED") by field name, and an optional notice key. `nonce` changes
// with every answer so the form re-reads its values.

export type PortalFormState = {
  nonce: number;
  values: FormValues;
  fieldErrors: FieldErrors;
  /** A message key shown in a status region (e.g. "portal.wizard.subject.lookupOk"). */
  notice?: string;
  /** Extra data for the form (e.g. the reference after an inquiry is filed). */
  data?: Record<string, string>;
};

export function initialFormState(values: FormValues = {}): PortalFormState {
  return { nonce: 0, values, fieldErrors: {} };
}

/** The id of a field's control from its form name: "items.0.current" → "f-items-0-current". */
export function fieldIdOf(name: string): string {
  return `f-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}
