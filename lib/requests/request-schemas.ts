import { z } from "zod";
import type { Relationship, RequesterKind } from "@/lib/generated/prisma/enums";
import { categoriesFor, PREFECTURES, RELATIONSHIPS, type Prefecture } from "./policy-items";
import { COUNTRIES_ABROAD, JAPAN, type CountryCode } from "./countries";
import { DOCUMENT_HOLDERS, DOCUMENT_KINDS, documentFits, missingDocuments } from "./document-rules";
import { jstDate } from "@/lib/dates";
import {
  calendarDate,
  checkbox,
  choice,
  email,
  internationalPhone,
  kanaName,
  limits,
  missingOr,
  multiLineText,
  optionalKanaName,
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

// One schema per wizard step, and the full submission built from them. The wizard's
// server actions and submitRequest use the same schemas (ADR 0020: no client copy).

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
  for (const issue of parsed.error?.issues ?? [])
    ctx.addIssue({ code: "custom", path: ["agent", ...issue.path.map(String)], message: issue.message });
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
    .refine((d) => d <= jstDate(new Date()), { error: "errors.birthDateInFuture" })
    .refine((d) => d >= "1900-01-01", { error: "errors.birthDateTooEarly" });

// Keys in the order of the form's fields: the error summary lists errors in schema order.

/** Living in Japan: postal code, prefecture, city and the rest, and the name in kana. */
const subjectInJapan = z.object({
  residence: z.literal("JP"),
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

/** Living abroad (ADR 0014): the country, the address as written there, a phone with its country code; kana optional. */
const subjectAbroad = z.object({
  residence: z.literal("ABROAD"),
  name: personName(),
  nameKana: optionalKanaName(),
  birthDate: birthDate(),
  country: z.enum(COUNTRIES_ABROAD, { error: missingOr("errors.country") }),
  address: multiLineText(limits.internationalAddress),
  email: email(),
  phone: internationalPhone(),
  customerId: optionalText(limits.customerId),
  relationship: choice(RELATIONSHIPS),
});

/** The data subject as stored: one shape for both, the address parts of Japan left out abroad. */
export type SubjectDetails = {
  name: string;
  nameKana?: string;
  birthDate: string;
  country: CountryCode;
  postalCode?: string;
  prefecture?: Prefecture;
  city?: string;
  /** In Japan the rest after the city; abroad the whole address, lines kept. */
  addressLine: string;
  email: string;
  phone: string;
  customerId?: string;
  relationship: Relationship;
};

/**
 * The data subject: the person the information is about. Without a residence (older
 * drafts, API clients, the postal route) the person lives in Japan, as before.
 */
export const subjectStepSchema = z
  .preprocess(
    (v) =>
      typeof v === "object" && v !== null && !("residence" in v && (v as { residence?: unknown }).residence)
        ? { ...v, residence: "JP" }
        : v,
    z.discriminatedUnion("residence", [subjectInJapan, subjectAbroad], { error: missingOr("errors.invalidChoice") }),
  )
  .transform((s): SubjectDetails => {
    const common = {
      name: s.name,
      birthDate: s.birthDate,
      email: s.email,
      phone: s.phone,
      customerId: s.customerId,
      relationship: s.relationship,
    };
    if (s.residence === "JP")
      return {
        ...common,
        nameKana: s.nameKana,
        country: JAPAN,
        postalCode: s.postalCode,
        prefecture: s.prefecture,
        city: s.city,
        addressLine: s.addressLine,
      };
    return { ...common, nameKana: s.nameKana, country: s.country, addressLine: s.address };
  });

export const detailsSchemas = {
  DISCLOSURE: disclosureDetailsSchema,
  CORRECTION: correctionDetailsSchema,
  SUSPENSION: suspensionDetailsSchema,
  THIRD_PARTY_STOP: thirdPartyStopDetailsSchema,
  PURPOSE_NOTICE: purposeNoticeDetailsSchema,
} as const;

function checkCategories(
  details: unknown,
  relationship: Relationship,
  ctx: z.RefinementCtx,
  prefix: (string | number)[],
): void {
  const allowed: readonly number[] = categoriesFor(relationship);
  const d = details as { categories?: unknown; items?: { category?: unknown }[] };
  if (Array.isArray(d.categories) && d.categories.some((n) => !allowed.includes(n as number))) {
    ctx.addIssue({ code: "custom", path: [...prefix, "categories"], message: "errors.categoryNotForRelationship" });
  }
  d.items?.forEach?.((item, i) => {
    if (typeof item?.category === "number" && !allowed.includes(item.category))
      ctx.addIssue({
        code: "custom",
        path: [...prefix, "items", i, "category"],
        message: "errors.categoryNotForRelationship",
      });
  });
}

/** The details step for one type; with the relationship, categories are checked against categoriesFor. */
export function detailsStepSchema<T extends WizardRequestType>(
  type: T,
  relationship?: Relationship,
): (typeof detailsSchemas)[T] {
  const schema = detailsSchemas[type];
  if (!relationship) return schema;
  return schema.superRefine((d: unknown, ctx) =>
    checkCategories(d, relationship, ctx, []),
  ) as unknown as (typeof detailsSchemas)[T];
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
    files: z
      .array(documentFileSchema, { error: missingOr("errors.invalid") })
      .max(limits.files, { error: "errors.tooManyFiles" })
      .default([]),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.files.forEach((f, i) => {
      if (seen.has(f.fileId))
        ctx.addIssue({ code: "custom", path: ["files", i, "fileId"], message: "errors.duplicateFile" });
      seen.add(f.fileId);
    });
  });
export type DocumentsStep = z.output<typeof documentsStepSchema>;

function checkDocuments(
  requesterKind: RequesterKind,
  docs: DocumentsStep,
  ctx: z.RefinementCtx,
  prefix: string[],
): void {
  docs.files.forEach((f, i) => {
    if (!documentFits(requesterKind, f))
      ctx.addIssue({
        code: "custom",
        path: [...prefix, "files", i, "kind"],
        message: "errors.documentNotForRequester",
      });
  });
  if (docs.sendByPost) return;
  for (const key of missingDocuments(requesterKind, docs.files))
    ctx.addIssue({ code: "custom", path: [...prefix, "files"], message: key });
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
    [
      variant("DISCLOSURE"),
      variant("CORRECTION"),
      variant("SUSPENSION"),
      variant("THIRD_PARTY_STOP"),
      variant("PURPOSE_NOTICE"),
    ],
    { error: missingOr("errors.invalidChoice") },
  )
  .superRefine((v, ctx) => {
    checkAgent(v, ctx);
    if (RELATIONSHIPS.includes(v.subject.relationship))
      checkCategories(v.details, v.subject.relationship, ctx, ["details"]);
    checkDocuments(v.requesterKind, v.documents, ctx, ["documents"]);
  })
  .transform((v) => ({ ...v, agent: agentOf(v) }));

export type RequestSubmissionInput = z.input<typeof requestSubmissionSchema>;
export type RequestSubmission = z.output<typeof requestSubmissionSchema>;
