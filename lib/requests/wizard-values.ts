import type { DocumentHolder, DocumentKind, RequesterKind } from "@/lib/generated/prisma/enums";
import type { FieldErrors } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation";
import { AUTHORITY_KINDS_BY_REQUESTER, NON_PHOTO_ID_KINDS, PHOTO_ID_KINDS } from "./document-rules";
import {
  declarationStepSchema,
  detailsStepSchema,
  documentsStepSchemaFor,
  requesterStepSchema,
  subjectStepSchema,
  typeStepSchema,
  WIZARD_REQUEST_TYPES,
  type WizardRequestType,
} from "./request-schemas";

// The wizard's answers as the person typed them, one flat map of form fields per step
// ("agent.name", "items.0.current", "categories" → ["1","3"]), and their conversion to
// the inputs of the shared step schemas. Raw values are kept so that going back shows
// exactly what was typed, valid or not; the schemas decide what may go forward.

export const WIZARD_STEPS = ["type", "requester", "subject", "details", "documents", "review", "confirm"] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];
/** Steps whose answers are checked by a schema before the next one opens. */
export const ANSWER_STEPS = ["type", "requester", "subject", "details", "documents"] as const;
export type AnswerStep = (typeof ANSWER_STEPS)[number];

export type FormValues = Record<string, string | string[]>;
export type DraftDocument = { fileId: string; kind: DocumentKind; holder: DocumentHolder; issuedOn?: string };

export type WizardAnswers = {
  type?: FormValues;
  requester?: FormValues;
  subject?: FormValues;
  /** Per request type, so switching type and back keeps each one's details. */
  details?: Partial<Record<WizardRequestType, FormValues>>;
  documents?: FormValues;
};

export type WizardDraft = {
  /** One per wizard run: a double submit files one request. */
  idempotencyKey: string;
  answers: WizardAnswers;
  /** Uploaded files of this draft with what the person said they are. */
  files: DraftDocument[];
  declarationAccepted: boolean;
  /** The address the confirmation code went to; a changed address needs a new code. */
  codeSentTo: string | null;
};

/** Longest text kept from one field; the schemas refuse far shorter, this only bounds storage. */
const MAX_RAW = 10_000;
/** Form fields that can repeat (checkbox groups). */
const MULTI_FIELDS = new Set(["categories"]);

/** The text fields of a submitted form (files, action ids and the button pressed left out). */
export function formValuesFrom(formData: FormData): FormValues {
  const out: FormValues = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION") || key === "intent" || key.length > 100) continue;
    const v = value.slice(0, MAX_RAW);
    if (MULTI_FIELDS.has(key)) out[key] = [...((out[key] as string[] | undefined) ?? []), v];
    else out[key] = v;
  }
  return out;
}

/** "agent.name" → { agent: { name } }, "items.0.current" → { items: [{ current }] }. */
export function unflatten(values: FormValues): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(values)) {
    const parts = path.split(".");
    let node: Record<string, unknown> | unknown[] = root;
    parts.forEach((part, i) => {
      const last = i === parts.length - 1;
      const key: string | number = /^\d+$/.test(part) ? Number(part) : part;
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[key] = value;
        return;
      }
      const nextIsIndex = /^\d+$/.test(parts[i + 1] ?? "");
      container[key] ??= nextIsIndex ? [] : {};
      node = container[key] as Record<string, unknown> | unknown[];
    });
  }
  return root;
}

const str = (v: string | string[] | undefined): string | undefined => (typeof v === "string" ? v : undefined);

export function wizardType(draft: WizardDraft): WizardRequestType | undefined {
  const t = str(draft.answers.type?.type);
  return (WIZARD_REQUEST_TYPES as readonly string[]).includes(t ?? "") ? (t as WizardRequestType) : undefined;
}

export function wizardRequesterKind(draft: WizardDraft): RequesterKind | undefined {
  const k = str(draft.answers.requester?.requesterKind);
  return k === "SELF" || k === "LEGAL_REPRESENTATIVE" || k === "APPOINTED_AGENT" ? k : undefined;
}

/** How many correction rows the form shows (at least one). */
export function correctionRowCount(values: FormValues | undefined): number {
  const n = Number(str(values?.itemCount) ?? "1");
  return Number.isInteger(n) && n >= 1 && n <= 10 ? n : 1;
}

export function requesterInput(draft: WizardDraft): Record<string, unknown> {
  const v = unflatten(draft.answers.requester ?? {});
  return { requesterKind: v.requesterKind, agent: v.requesterKind === "SELF" ? undefined : (v.agent ?? {}) };
}

export function subjectInput(draft: WizardDraft): Record<string, unknown> {
  return unflatten(draft.answers.subject ?? {});
}

export function detailsInput(draft: WizardDraft, type: WizardRequestType): Record<string, unknown> {
  const values = draft.answers.details?.[type] ?? {};
  const v = unflatten(values);
  delete v.itemCount;
  if (type === "CORRECTION") {
    const rows = Array.isArray(v.items) ? v.items.slice(0, correctionRowCount(values)) : [];
    v.items = Array.from(rows, (row: unknown) => row ?? {});
  }
  if (type !== "CORRECTION" && type !== "PURPOSE_NOTICE")
    v.categories = Array.isArray(v.categories) ? v.categories : [];
  return v;
}

export function documentsInput(draft: WizardDraft): { sendByPost: unknown; files: DraftDocument[] } {
  return { sendByPost: draft.answers.documents?.sendByPost, files: draft.files };
}

/** Everything the wizard collected, as requestSubmissionSchema (and the postal form) take it. */
export function submissionInput(draft: WizardDraft): Record<string, unknown> {
  const type = wizardType(draft);
  return {
    type,
    ...requesterInput(draft),
    subject: subjectInput(draft),
    details: type ? detailsInput(draft, type) : {},
    documents: documentsInput(draft),
    declarationAccepted: draft.declarationAccepted,
  };
}

const errorsOf = (r: { success: boolean; error?: Parameters<typeof fieldErrorsOf>[0] }): FieldErrors | null =>
  r.success || !r.error ? null : fieldErrorsOf(r.error);

/** The field errors of one step's stored answers, or null when they may go forward. */
export function stepErrors(step: AnswerStep | "review", draft: WizardDraft): FieldErrors | null {
  switch (step) {
    case "type":
      return errorsOf(typeStepSchema.safeParse({ type: draft.answers.type?.type }));
    case "requester":
      return errorsOf(requesterStepSchema.safeParse(requesterInput(draft)));
    case "subject":
      return errorsOf(subjectStepSchema.safeParse(subjectInput(draft)));
    case "details": {
      const type = wizardType(draft);
      if (!type) return { type: ["errors.required"] };
      const subject = subjectStepSchema.safeParse(subjectInput(draft));
      return errorsOf(
        detailsStepSchema(type, subject.success ? subject.data.relationship : undefined).safeParse(
          detailsInput(draft, type),
        ),
      );
    }
    case "documents": {
      const kind = wizardRequesterKind(draft);
      if (!kind) return { requesterKind: ["errors.required"] };
      return errorsOf(documentsStepSchemaFor(kind).safeParse(documentsInput(draft)));
    }
    case "review":
      return errorsOf(declarationStepSchema.safeParse({ declarationAccepted: draft.declarationAccepted }));
  }
}

/** The first step whose answers are missing or invalid; "review" when all are fine. */
export function firstIncompleteStep(draft: WizardDraft): AnswerStep | "review" {
  return ANSWER_STEPS.find((s) => stepErrors(s, draft) !== null) ?? "review";
}

/** Whether the person may open `step` now: every step before it must be complete. */
export function stepReachable(step: WizardStep, draft: WizardDraft | null): boolean {
  const index = WIZARD_STEPS.indexOf(step);
  if (index === 0) return true;
  if (!draft) return false;
  const first = WIZARD_STEPS.indexOf(firstIncompleteStep(draft));
  if (step === "confirm")
    return first === WIZARD_STEPS.indexOf("review") && draft.declarationAccepted && draft.codeSentTo !== null;
  return index <= first;
}

/** Documents a requester of this kind may upload: IDs, and the agent's proof of authority. */
export function documentKindsFor(requesterKind: RequesterKind): DocumentKind[] {
  return [...PHOTO_ID_KINDS, ...NON_PHOTO_ID_KINDS, ...AUTHORITY_KINDS_BY_REQUESTER[requesterKind]];
}

/**
 * Whose document it is. On one's own request, the person's; an agent shows their own ID
 * (APPI Art 37), the power of attorney is the agent's, and the seal certificate, family
 * register or guardianship certificate are the person's.
 */
export function holderFor(requesterKind: RequesterKind, kind: DocumentKind): DocumentHolder {
  if (requesterKind === "SELF") return "SUBJECT";
  return kind === "SEAL_CERTIFICATE" || kind === "FAMILY_REGISTER" || kind === "GUARDIANSHIP_CERTIFICATE"
    ? "SUBJECT"
    : "AGENT";
}

export function emptyDraft(idempotencyKey: string): WizardDraft {
  return { idempotencyKey, answers: {}, files: [], declarationAccepted: false, codeSentTo: null };
}
