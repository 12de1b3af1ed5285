import { isAppError, type ErrorCode, type FieldErrors } from "@/lib/errors";

// What a server action returns to its form: field errors and a form-level error as
// message keys (translated by the form), or success. Never a stack or detail.
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
