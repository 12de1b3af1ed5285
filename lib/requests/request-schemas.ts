import { z } from "zod";
import type { Relationship, RequesterKind } from "@/lib/generated/prisma/enums";
import { categoriesFor, PREFECTURES, RELATIONSHIPS } from "./policy-items";
import { DOCUMENT_HOLDERS, DOCUMENT_KINDS, documentFits, missingDocuments } from "./document-rules";
import { todayInJapan } from "./normalize-input";
import {
  calendarDate,
  checkbox,
  choice,
  email,
  kanaName,
  limits,
  missingOr,
  optionalText,
  personName,
  phone,
  postalCode,
  requiredText,
} from "./schema-fields";
import {
  correctionDetailsSchema,
  disclosureDetailsSchema,
  purposeNoticeDetailsSchema,
  suspensionDetailsSchema,
  thirdPartyStopDetailsSchema,
} from "./request-details-schemas";

// One schema per wizard step, and the full submission built from them. The browser
// form (react-hook-form + zodResolver) and submitRequest use the same schemas.

import { REQUESTER_KINDS, WIZARD_REQUEST_TYPES, type WizardRequestType } from "./request-choices";
export { REQUESTER_KINDS, WIZARD_REQUEST_TYPES, type WizardRequestType };

export const typeStepSchema = z.object({ type: choice(WIZARD_REQUEST_TYPES) });

/** An agent's own details (APPI Art 37: appointed agent or legal representative). */
export const agentSchema = z.object(
  {
    name: personName(),
    nameKana: kanaName(),
    email: email(),
    phone: phone(),
    address: requiredText(limits.agentAddress),
  },
  { error: missingOr("errors.invalid") },
);
export type AgentDetails = z.output<typeof agentSchema>;

const requesterFields = {
  requesterKind: choice(REQUESTER_KINDS),
  /** Required unless requesterKind is SELF; ignored for SELF. */
  agent: z.unknown().optional(),
};

function checkAgent(v: { requesterKind: RequesterKind; agent?: unknown }, ctx: z.RefinementCtx): void {
  if (v.requesterKind === "SELF") return;
  const parsed = agentSchema.safeParse(v.agent ?? {});
  for (const issue of parsed.error?.issues ?? []) ctx.addIssue({ code: "custom", path: ["agent", ...issue.path.map(String)], message: issue.message });
}

function agentOf(v: { requesterKind: RequesterKind; agent?: unknown }): AgentDetails | undefined {
  return v.requesterKind === "SELF" ? undefined : agentSchema.parse(v.agent);
}

export const requesterStepSchema = z
  .object(requesterFields)
  .superRefine(checkAgent)
  .transform((v) => ({ requesterKind: v.requesterKind, agent: agentOf(v) }));

const birthDate = () =>
  calendarDate()
    .refine((d) => d <= todayInJapan(), { error: "errors.birthDateInFuture" })
    .refine((d) => d >= "1900-01-01", { error: "errors.birthDateTooEarly" });

/** The data subject: the person the information is about. */
export const subjectStepSchema = z.object({
  name: personName(),
  nameKana: kanaName(),
  birthDate: birthDate(),
  postalCode: postalCode(),
  prefecture: z.enum(PREFECTURES, { error: missingOr("errors.prefecture") }),
  city: requiredText(limits.city),
  addressLine: requiredText(limits.addressLine),
  email: email(),
  phone: phone(),
  customerId: optionalText(limits.customerId),
  relationship: choice(RELATIONSHIPS),
});
export type SubjectDetails = z.output<typeof subjectStepSchema>;

export const detailsSchemas = {
  DISCLOSURE: disclosureDetailsSchema,
  CORRECTION: correctionDetailsSchema,
  SUSPENSION: suspensionDetailsSchema,
  THIRD_PARTY_STOP: thirdPartyStopDetailsSchema,
  PURPOSE_NOTICE: purposeNoticeDetailsSchema,
} as const;

/** Art 2.1 items named in the details, for checking them against the relationship. */
export function categoriesNamed(details: unknown): number[] {
  if (typeof details !== "object" || details === null) return [];
  const d = details as { categories?: unknown; items?: unknown };
  const list = Array.isArray(d.categories) ? d.categories : [];
  const items = Array.isArray(d.items) ? d.items.map((i: { category?: unknown }) => i?.category) : [];
  return [...list, ...items].filter((n): n is number => typeof n === "number");
}

function checkCategories(details: unknown, relationship: Relationship, ctx: z.RefinementCtx, prefix: (string | number)[]): void {
  const allowed: readonly number[] = categoriesFor(relationship);
  const d = details as { categories?: unknown; items?: { category?: unknown }[] };
  if (Array.isArray(d.categories) && d.categories.some((n) => !allowed.includes(n as number))) {
    ctx.addIssue({ code: "custom", path: [...prefix, "categories"], message: "errors.categoryNotForRelationship" });
  }
  d.items?.forEach?.((item, i) => {
    if (typeof item?.category === "number" && !allowed.includes(item.category))
      ctx.addIssue({ code: "custom", path: [...prefix, "items", i, "category"], message: "errors.categoryNotForRelationship" });
  });
}

/** The details step for one type; with the relationship, categories are checked against categoriesFor. */
export function detailsStepSchema<T extends WizardRequestType>(type: T, relationship?: Relationship): (typeof detailsSchemas)[T] {
  const schema = detailsSchemas[type];
  if (!relationship) return schema;
  return schema.superRefine((d: unknown, ctx) => checkCategories(d, relationship, ctx, [])) as unknown as (typeof detailsSchemas)[T];
}

export const documentFileSchema = z.object({
  /** Id returned by addDraftUpload. */
  fileId: requiredText(64),
  kind: choice(DOCUMENT_KINDS),
  holder: choice(DOCUMENT_HOLDERS),
  /** Issue date, for certificates that must be recent. */
  issuedOn: z.preprocess((v) => (v === "" || v === null ? undefined : v), calendarDate().optional()),
});

export const documentsStepSchema = z
  .object({
    /** Copies will come by post instead of (or besides) uploads. */
    sendByPost: checkbox(),
    files: z.array(documentFileSchema, { error: missingOr("errors.invalid") }).max(limits.files, { error: "errors.tooManyFiles" }).default([]),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.files.forEach((f, i) => {
      if (seen.has(f.fileId)) ctx.addIssue({ code: "custom", path: ["files", i, "fileId"], message: "errors.duplicateFile" });
      seen.add(f.fileId);
    });
  });
export type DocumentsStep = z.output<typeof documentsStepSchema>;

function checkDocuments(requesterKind: RequesterKind, docs: DocumentsStep, ctx: z.RefinementCtx, prefix: string[]): void {
  docs.files.forEach((f, i) => {
    if (!documentFits(requesterKind, f)) ctx.addIssue({ code: "custom", path: [...prefix, "files", i, "kind"], message: "errors.documentNotForRequester" });
  });
  if (docs.sendByPost) return;
  for (const key of missingDocuments(requesterKind, docs.files)) ctx.addIssue({ code: "custom", path: [...prefix, "files"], message: key });
}

/** The documents step, complete for this kind of requester unless copies come by post. */
export function documentsStepSchemaFor(requesterKind: RequesterKind) {
  return documentsStepSchema.superRefine((d, ctx) => checkDocuments(requesterKind, d, ctx, []));
}

export const declarationStepSchema = z.object({
  declarationAccepted: checkbox().refine((v) => v, { error: "errors.declarationRequired" }),
});

const variant = <T extends WizardRequestType>(type: T) =>
  z.object({
    type: z.literal(type),
    ...requesterFields,
    subject: subjectStepSchema,
    details: detailsSchemas[type],
    documents: documentsStepSchema,
    declarationAccepted: declarationStepSchema.shape.declarationAccepted,
  });

/** The whole request as submitted at the end of the wizard. */
export const requestSubmissionSchema = z
  .discriminatedUnion(
    "type",
    [variant("DISCLOSURE"), variant("CORRECTION"), variant("SUSPENSION"), variant("THIRD_PARTY_STOP"), variant("PURPOSE_NOTICE")],
    { error: missingOr("errors.invalidChoice") },
  )
  .superRefine((v, ctx) => {
    checkAgent(v, ctx);
    if (RELATIONSHIPS.includes(v.subject.relationship)) checkCategories(v.details, v.subject.relationship, ctx, ["details"]);
    checkDocuments(v.requesterKind, v.documents, ctx, ["documents"]);
  })
  .transform((v) => ({ ...v, agent: agentOf(v) }));

export type RequestSubmissionInput = z.input<typeof requestSubmissionSchema>;
export type RequestSubmission = z.output<typeof requestSubmissionSchema>;
