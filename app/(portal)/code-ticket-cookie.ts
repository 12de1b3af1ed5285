import { cookies } from "next/headers";
import type { CodePurpose } from "@/lib/generated/prisma/enums";
import { codeRefusal, newCodeTicket, readCodeTicket } from "@/lib/codes/code-ticket";
import type { FormValues } from "@/lib/requests/wizard-values";
import type { PortalFormState } from "@/lib/form-state";
import { errorState, secureCookies } from "./portal-server";

// The client's own code ticket (lib/codes/code-ticket.ts) lives in a cookie, so it works
// without JavaScript and needs nothing in the form or the wizard draft.

const COOKIE = "madoguchi-code-ticket";

/** After asking for a code (whether or not one went out): a fresh ticket for this client. */
export async function giveCodeTicket(purpose: CodePurpose): Promise<void> {
  (await cookies()).set(COOKIE, newCodeTicket(purpose), {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    maxAge: 3600,
  });
}

export async function dropCodeTicket(): Promise<void> {
  (await cookies()).delete(COOKIE);
}

/**
 * A refused code as a form state: "wrong or used", or — after this client's fifth wrong try
 * with the code it asked for — "spent", with when a new one can be sent (data.resendAt).
 */
export async function codeErrorState(
  e: unknown,
  purpose: CodePurpose,
  prev: PortalFormState,
  values: FormValues,
): Promise<PortalFormState> {
  const ticket = readCodeTicket((await cookies()).get(COOKIE)?.value, purpose);
  const { error, resendAt } = await codeRefusal(e, ticket);
  const state = errorState(error, prev, values);
  return resendAt ? { ...state, data: { ...state.data, resendAt: resendAt.toISOString() } } : state;
}
