import { isAppError, type ErrorCode, type FieldErrors } from "@/lib/errors";
import type { FormValues } from "@/lib/requests/wizard-values";

// What a server action returns to its form: field errors and a form-level error as
// message keys (translated by the form), or success. Never a stack or detail. Two shapes,
// one per submit mode of the form kit (components/ui/form, ADR 0020): FormState for the
// console's forms, PortalFormState for the portal's native form actions.
export type FormState =
  | { status: "idle" }
  | { status: "error"; code: ErrorCode; fieldErrors: FieldErrors; values?: Record<string, string> }
  | { status: "ok"; message?: string; data?: Record<string, string> };

export const idleState: FormState = { status: "idle" };

/** Turns a thrown error into a form state; unexpected errors are rethrown (→ error page). */
export function formStateFromError(err: unknown, values?: Record<string, string>): FormState {
  if (isAppError(err)) return { status: "error", code: err.code, fieldErrors: err.fieldErrors ?? {}, values };
  throw err;
}

/** The text fields of a form, for re-filling it after an error (files are left out). */
export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}

/**
 * What a portal form's server action hands back to the form: what was typed (so the form
 * shows it again, also without JavaScript), errors as fully qualified message keys
 * ("requests.errors.required", "errors.codes.RATE_LIMITED") by field name, and an optional
 * notice key. `nonce` changes with every answer so the form re-reads its values.
 */
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
