"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { updateWizardDraft, discardWizardDraft, loadWizardDraft } from "@/lib/requests/wizard-draft";
import { correctionRowCount, firstIncompleteStep, formValuesFrom, stepErrors, submissionInput, wizardType, type AnswerStep, type FormValues, type WizardDraft, type WizardStep } from "@/lib/requests/wizard-values";
import { requestSubmissionSchema } from "@/lib/requests/request-schemas";
import { contactEmailOf, sendEmailConfirmationCode } from "@/lib/requests/email-confirmation";
import { submitRequest } from "@/lib/requests/submit-request";
import { lookupPostalCode } from "@/lib/postal/lookup-postal-code";
import { normalizePostalCode } from "@/lib/requests/normalize-input";
import { removeDraftUpload } from "@/lib/uploads/draft-uploads";
import { sessionFromStatusToken } from "@/lib/requester/status-access";
import { REQUESTER_SESSION_COOKIE } from "@/lib/requester/requester-session";
import { fieldErrorsOf } from "@/lib/validation";
import type { PortalFormState } from "@/components/portal/step-state";
import { clientKey, errorState, formState, portalLocale, qualifyErrors, secureCookies } from "../../portal-server";
import { draftKeyFromCookie, ensureDraftKey, forgetDraftKey } from "./wizard-cookie";

// One server action per wizard step. Each saves what was typed (valid or not, so going
// back shows it), then either goes back, stays with errors, or goes on. Works as a plain
// form post without JavaScript; redirects follow the post (303).

const stepPath = (step: WizardStep | "done") => (step === "type" ? "/requests/new" : `/requests/new/${step}`);
const ORDER: AnswerStep[] = ["type", "requester", "subject", "details", "documents"];

function withValues(draft: WizardDraft, step: AnswerStep, values: FormValues): WizardDraft {
  // Any change of answers needs the declaration again.
  const base = { ...draft, declarationAccepted: false };
  if (step !== "details") return { ...base, answers: { ...draft.answers, [step]: values } };
  const type = wizardType(draft);
  return type ? { ...base, answers: { ...draft.answers, details: { ...draft.answers.details, [type]: values } } } : base;
}

async function saveAndMove(step: AnswerStep, prev: PortalFormState, values: FormValues, intent: string): Promise<PortalFormState> {
  const draftKey = await ensureDraftKey();
  const draft = await updateWizardDraft(draftKey, (d) => withValues(d, step, values));
  const index = ORDER.indexOf(step);
  if (intent === "back") redirect(stepPath(index === 0 ? "type" : (ORDER[index - 1] ?? "type")));
  const errors = stepErrors(step, draft);
  if (errors) return formState(prev, values, qualifyErrors(errors));
  redirect(stepPath(ORDER[index + 1] ?? "review"));
}

const intentOf = (formData: FormData) => String(formData.get("intent") ?? "next");

export async function saveTypeStep(prev: PortalFormState, formData: FormData): Promise<PortalFormState> {
  return saveAndMove("type", prev, formValuesFrom(formData), intentOf(formData));
}

export async function saveRequesterStep(prev: PortalFormState, formData: FormData): Promise<PortalFormState> {
  const values = formValuesFrom(formData);
  // The agent's fields are kept when switching to SELF and back, but not checked for SELF.
  return saveAndMove("requester", prev, values, intentOf(formData));
}

/** Prefecture and city from the postal code (full-width digits accepted). */
function fillAddress(values: FormValues): { values: FormValues; error?: string } {
  const raw = typeof values.postalCode === "string" ? values.postalCode : "";
  if (!normalizePostalCode(raw)) return { values, error: raw.trim() ? "requests.errors.postalCode" : "requests.errors.required" };
  const found = lookupPostalCode(raw);
  if (!found) return { values, error: "requests.errors.postalCodeUnknown" };
  const addressLine = typeof values.addressLine === "string" && values.addressLine.trim() ? values.addressLine : (found.town ?? "");
  return { values: { ...values, postalCode: found.postalCode, prefecture: found.prefecture, city: found.city, addressLine } };
}

export async function saveSubjectStep(prev: PortalFormState, formData: FormData): Promise<PortalFormState> {
  const intent = intentOf(formData);
  let values = formValuesFrom(formData);
  if (intent === "lookup") {
    const filled = fillAddress(values);
    await updateWizardDraft(await ensureDraftKey(), (d) => withValues(d, "subject", filled.values));
    return filled.error
      ? formState(prev, filled.values, { postalCode: [filled.error] })
      : formState(prev, filled.values, {}, { notice: "portal.wizard.subject.lookupOk" });
  }
  // A postal code with the prefecture left empty: fill it in rather than refuse.
  if (intent === "next" && !values.prefecture) values = fillAddress(values).values;
  return saveAndMove("subject", prev, values, intent);
}

export async function saveDetailsStep(prev: PortalFormState, formData: FormData): Promise<PortalFormState> {
  const intent = intentOf(formData);
  const values = formValuesFrom(formData);
  const count = correctionRowCount(values);
  if (intent === "addItem" || intent.startsWith("removeItem:")) {
    let next: FormValues = { ...values };
    if (intent === "addItem") next.itemCount = String(Math.min(10, count + 1));
    else {
      const gone = Number(intent.split(":")[1]);
      next = {};
      for (const [k, v] of Object.entries(values)) {
        const m = /^items\.(\d+)\.(.+)$/.exec(k);
        if (!m) next[k] = v;
        else if (Number(m[1]) < gone) next[k] = v;
        else if (Number(m[1]) > gone) next[`items.${Number(m[1]) - 1}.${m[2]}`] = v;
      }
      next.itemCount = String(Math.max(1, count - 1));
    }
    await updateWizardDraft(await ensureDraftKey(), (d) => withValues(d, "details", next));
    return formState(prev, next, {}, { notice: intent === "addItem" ? "portal.wizard.correction.rowAdded" : "portal.wizard.correction.rowRemoved" });
  }
  return saveAndMove("details", prev, values, intent);
}

export async function saveDocumentsStep(prev: PortalFormState, formData: FormData): Promise<PortalFormState> {
  return saveAndMove("documents", prev, formValuesFrom(formData), intentOf(formData));
}

/** Removes one uploaded file from the draft (a plain form: works without JavaScript). */
export async function removeUploadAction(formData: FormData): Promise<void> {
  const draftKey = await draftKeyFromCookie();
  const fileId = String(formData.get("fileId") ?? "").slice(0, 64);
  if (draftKey && fileId) {
    try {
      await removeDraftUpload({ draftKey, fileId });
    } catch (e) {
      if (!isAppError(e)) throw e; // already gone, or not this draft's: nothing to remove
    }
    await updateWizardDraft(draftKey, (d) => ({ ...d, declarationAccepted: false, files: d.files.filter((f) => f.fileId !== fileId) }));
  }
  redirect(`${stepPath("documents")}?removed=1`);
}

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
  } catch (e) {
    // A code sent a moment ago to the same address is still good: go on and use it (or resend later).
    if (!(isAppError(e) && e.code === "RATE_LIMITED" && draft.codeSentTo === contact)) return errorState(e, prev, values);
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
      return formState(prev, {}, {}, { notice: "portal.wizard.confirm.resent" });
    } catch (e) {
      return errorState(e, prev, {});
    }
  }
  let statusToken: string | null;
  try {
    const filed = await submitRequest({ input: submissionInput(draft), draftKey, emailCode: values.code, idempotencyKey: draft.idempotencyKey, locale, clientKey: await clientKey() });
    statusToken = filed.statusToken;
  } catch (e) {
    const state = errorState(e, prev, values);
    // Answers that no longer pass (e.g. an upload expired) are fixed on the review page.
    const onlyCode = Object.keys(state.fieldErrors).every((k) => k === "code" || k === "_form");
    return onlyCode ? state : formState(prev, values, { _form: ["portal.wizard.confirm.answersChanged"] });
  }
  if (statusToken) {
    // The person is signed in to their new request's status page at once.
    const session = await sessionFromStatusToken({ token: statusToken });
    (await cookies()).set(REQUESTER_SESSION_COOKIE, session.sessionToken, { httpOnly: true, sameSite: "lax", secure: secureCookies(), path: "/", expires: session.expiresAt });
  }
  await discardWizardDraft(draftKey);
  await forgetDraftKey();
  redirect(stepPath("done"));
}
