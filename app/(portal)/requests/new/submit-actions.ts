"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { discardWizardDraft, loadWizardDraft, updateWizardDraft } from "@/lib/requests/wizard-draft";
import { firstIncompleteStep, formValuesFrom, stepErrors, submissionInput } from "@/lib/requests/wizard-values";
import { requestSubmissionSchema } from "@/lib/requests/request-schemas";
import { contactEmailOf, sendEmailConfirmationCode } from "@/lib/requests/email-confirmation";
import { submitRequest } from "@/lib/requests/submit-request";
import { sessionFromStatusToken } from "@/lib/requester/status-access";
import { REQUESTER_SESSION_COOKIE } from "@/lib/requester/requester-session";
import { fieldErrorsOf } from "@/lib/validation";
import type { PortalFormState } from "@/lib/form-state";
import { clientKey, errorState, formState, portalLocale, qualifyErrors, secureCookies } from "../../portal-server";
import { draftKeyFromCookie, ensureDraftKey, forgetDraftKey } from "./wizard-cookie";
import { codeErrorState, dropCodeTicket, giveCodeTicket } from "../../code-ticket-cookie";
import { stepPath } from "./wizard-paths";

// The end of the wizard: the declaration and the code to the contact address, then the
// request filed with that code (lib/requests/submit-request.ts). Nothing is saved as a
// request before the code is right; a repeated submit lands on the same request.

const intentOf = (formData: FormData) => String(formData.get("intent") ?? "next");

/** Review: the declaration, then a code to the contact address; the request is not saved yet. */
export async function confirmReview(prev: PortalFormState, formData: FormData): Promise<PortalFormState> {
  const values = formValuesFrom(formData);
  const draftKey = await ensureDraftKey();
  if (intentOf(formData) === "back") redirect(stepPath("documents"));
  const accepted = values.declarationAccepted === "on";
  const draft = await updateWizardDraft(draftKey, (d) => ({ ...d, declarationAccepted: accepted }));
  const incomplete = firstIncompleteStep(draft);
  if (incomplete !== "review") redirect(stepPath(incomplete));
  const declaration = stepErrors("review", draft);
  if (declaration) return formState(prev, values, qualifyErrors(declaration));
  const parsed = requestSubmissionSchema.safeParse(submissionInput(draft));
  if (!parsed.success) return formState(prev, values, qualifyErrors(fieldErrorsOf(parsed.error)));
  const contact = contactEmailOf(parsed.data);
  try {
    await sendEmailConfirmationCode({ email: contact, locale: await portalLocale(), clientKey: await clientKey() });
    await giveCodeTicket("EMAIL_CONFIRMATION");
  } catch (e) {
    // A code sent a moment ago to the same address is still good: go on and use it (or resend later).
    if (!(isAppError(e) && e.code === "RATE_LIMITED" && draft.codeSentTo === contact))
      return errorState(e, prev, values);
  }
  await updateWizardDraft(draftKey, (d) => ({ ...d, codeSentTo: contact }));
  redirect(stepPath("confirm"));
}

/** The emailed code: resend it, or submit the request with it (one request per wizard run). */
export async function submitWithCode(prev: PortalFormState, formData: FormData): Promise<PortalFormState> {
  const values = formValuesFrom(formData);
  const intent = intentOf(formData);
  const draftKey = await draftKeyFromCookie();
  const draft = await loadWizardDraft(draftKey);
  // The draft is gone once the request is filed: a repeated submit lands on the done page.
  if (!draftKey || !draft) redirect(stepPath("done"));
  if (intent === "back") redirect(stepPath("review"));
  const locale = await portalLocale();
  if (intent === "resend") {
    try {
      await sendEmailConfirmationCode({ email: draft.codeSentTo ?? "", locale, clientKey: await clientKey() });
      await giveCodeTicket("EMAIL_CONFIRMATION");
      return formState(prev, {}, {}, { notice: "portal.wizard.confirm.resent" });
    } catch (e) {
      return errorState(e, prev, {});
    }
  }
  let statusToken: string | null;
  try {
    const filed = await submitRequest({
      input: submissionInput(draft),
      draftKey,
      emailCode: values.code,
      idempotencyKey: draft.idempotencyKey,
      locale,
      clientKey: await clientKey(),
    });
    statusToken = filed.statusToken;
  } catch (e) {
    const state = await codeErrorState(e, "EMAIL_CONFIRMATION", prev, values);
    // Answers that no longer pass (e.g. an upload expired) are fixed on the review page.
    const onlyCode = Object.keys(state.fieldErrors).every((k) => k === "code" || k === "_form");
    return onlyCode ? state : formState(prev, values, { _form: ["portal.wizard.confirm.answersChanged"] });
  }
  if (statusToken) {
    // The person is signed in to their new request's status page at once.
    const session = await sessionFromStatusToken({ token: statusToken });
    (await cookies()).set(REQUESTER_SESSION_COOKIE, session.sessionToken, {
      httpOnly: true,
      sameSite: "lax",
      secure: secureCookies(),
      path: "/",
      expires: session.expiresAt,
    });
  }
  await discardWizardDraft(draftKey);
  await forgetDraftKey();
  await dropCodeTicket();
  redirect(stepPath("done"));
}
