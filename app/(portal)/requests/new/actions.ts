"use server";
import { redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { updateWizardDraft } from "@/lib/requests/wizard-draft";
import {
  correctionRowCount,
  formValuesFrom,
  stepErrors,
  wizardType,
  type AnswerStep,
  type FormValues,
  type WizardDraft,
} from "@/lib/requests/wizard-values";
import { lookupPostalCode } from "@/lib/postal/lookup-postal-code";
import { normalizePostalCode } from "@/lib/requests/normalize-input";
import { removeDraftUpload } from "@/lib/uploads/draft-uploads";
import type { PortalFormState } from "@/lib/form-state";
import { formState, qualifyErrors } from "../../portal-server";
import { draftKeyFromCookie, ensureDraftKey } from "./wizard-cookie";
import { stepPath } from "./wizard-paths";

// One server action per wizard step. Each saves what was typed (valid or not, so going
// back shows it), then either goes back, stays with errors, or goes on. Works as a plain
// form post without JavaScript; redirects follow the post (303).

const ORDER: AnswerStep[] = ["type", "requester", "subject", "details", "documents"];

function withValues(draft: WizardDraft, step: AnswerStep, values: FormValues): WizardDraft {
  // Any change of answers needs the declaration again.
  const base = { ...draft, declarationAccepted: false };
  if (step !== "details") return { ...base, answers: { ...draft.answers, [step]: values } };
  const type = wizardType(draft);
  return type
    ? { ...base, answers: { ...draft.answers, details: { ...draft.answers.details, [type]: values } } }
    : base;
}

async function saveAndMove(
  step: AnswerStep,
  prev: PortalFormState,
  values: FormValues,
  intent: string,
): Promise<PortalFormState> {
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
  if (!normalizePostalCode(raw))
    return { values, error: raw.trim() ? "requests.errors.postalCode" : "requests.errors.required" };
  const found = lookupPostalCode(raw);
  if (!found) return { values, error: "requests.errors.postalCodeUnknown" };
  const addressLine =
    typeof values.addressLine === "string" && values.addressLine.trim() ? values.addressLine : (found.town ?? "");
  return {
    values: { ...values, postalCode: found.postalCode, prefecture: found.prefecture, city: found.city, addressLine },
  };
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
  // A postal code with the prefecture left empty: fill it in rather than refuse (in Japan only).
  if (intent === "next" && !values.prefecture && values.residence !== "ABROAD") values = fillAddress(values).values;
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
    return formState(
      prev,
      next,
      {},
      { notice: intent === "addItem" ? "portal.wizard.correction.rowAdded" : "portal.wizard.correction.rowRemoved" },
    );
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
    await updateWizardDraft(draftKey, (d) => ({
      ...d,
      declarationAccepted: false,
      files: d.files.filter((f) => f.fileId !== fileId),
    }));
  }
  redirect(`${stepPath("documents")}?removed=1`);
}
