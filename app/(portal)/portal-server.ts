import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import type { Locale } from "@/lib/generated/prisma/enums";
import { isAppError, type FieldErrors } from "@/lib/errors";
import { clientKeyFrom } from "@/lib/server/client-key";
import { env } from "@/lib/server/env";
import type { FormValues } from "@/lib/requests/wizard-values";
import type { PortalFormState } from "@/lib/form-state";

// Shared by the portal's server actions and route handlers: who is asking (for per-client
// limits), in which language, and domain errors turned into form states.

export async function clientKey(): Promise<string | undefined> {
  return clientKeyFrom(await headers());
}

export async function portalLocale(): Promise<Locale> {
  return (await getLocale()) === "en" ? "en" : "ja";
}

/** Cookies are Secure whenever the app is served over https. */
export function secureCookies(): boolean {
  return env().APP_URL.startsWith("https://");
}

/**
 * Domain message keys ("errors.required", under "requests") as fully qualified keys, each
 * said once; an empty field says only that it is required (not also that "" is no date).
 */
export function qualifyErrors(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([field, keys]) => {
      const distinct = [...new Set(keys.map((k) => (k.startsWith("errors.") ? `requests.${k}` : k)))];
      return [field, distinct.includes("requests.errors.required") ? ["requests.errors.required"] : distinct];
    }),
  );
}

export function formState(
  prev: PortalFormState,
  values: FormValues,
  fieldErrors: FieldErrors = {},
  extra: Pick<PortalFormState, "notice" | "data"> = {},
): PortalFormState {
  return { nonce: prev.nonce + 1, values, fieldErrors, ...extra };
}

/** A domain error as a form state: its field errors, or its code for the whole form. Other errors are rethrown. */
export function errorState(e: unknown, prev: PortalFormState, values: FormValues): PortalFormState {
  if (!isAppError(e)) throw e;
  const fields =
    e.fieldErrors && Object.keys(e.fieldErrors).length
      ? qualifyErrors(e.fieldErrors)
      : { _form: [`errors.codes.${e.code}`] };
  return formState(prev, values, fields);
}

/**
 * Pages with forms say same-origin explicitly (the site-wide header says the same): under
 * no-referrer a browser without JavaScript posts forms with "Origin: null" and Next refuses
 * the server action. same-origin still sends nothing to other sites.
 */
export const formPageReferrer = "same-origin" as const;
