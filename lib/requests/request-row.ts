import { dateOnly } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { normalizeEmail } from "./normalize-input";
import type { RequestSubmission } from "./request-schemas";
import type { Inquiry } from "./inquiry-schema";

// How a parsed submission maps onto Request columns. Pure, so the mapping is tested
// without a database and the console's manual entry can reuse it.

type SubjectColumns = Pick<
  Prisma.RequestUncheckedCreateInput,
  | "type"
  | "requesterKind"
  | "subjectName"
  | "subjectNameKana"
  | "subjectBirthDate"
  | "country"
  | "postalCode"
  | "prefecture"
  | "city"
  | "addressLine"
  | "email"
  | "emailNormalized"
  | "phone"
  | "customerId"
  | "relationship"
  | "agentName"
  | "agentNameKana"
  | "agentEmail"
  | "agentPhone"
  | "agentAddress"
> & { details: Prisma.InputJsonObject };

/** JSON without undefined members (optional fields left empty). */
function toJson(value: object): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonObject;
}

export function requestColumnsFor(s: RequestSubmission): SubjectColumns {
  const { subject: p, agent } = s;
  return {
    type: s.type,
    requesterKind: s.requesterKind,
    subjectName: p.name,
    subjectNameKana: p.nameKana,
    subjectBirthDate: dateOnly(p.birthDate),
    country: p.country,
    postalCode: p.postalCode ?? null,
    prefecture: p.prefecture ?? null,
    city: p.city ?? null,
    addressLine: p.addressLine,
    email: p.email,
    emailNormalized: normalizeEmail(p.email),
    phone: p.phone,
    customerId: p.customerId ?? null,
    relationship: p.relationship,
    agentName: agent?.name ?? null,
    agentNameKana: agent?.nameKana ?? null,
    agentEmail: agent ? normalizeEmail(agent.email) : null,
    agentPhone: agent?.phone ?? null,
    agentAddress: agent?.address ?? null,
    details: toJson({ ...s.details, documentsByPost: s.documents.sendByPost }),
  };
}

export function inquiryColumnsFor(q: Inquiry): SubjectColumns {
  return {
    type: q.kind,
    requesterKind: "SELF",
    subjectName: q.name,
    email: q.email,
    emailNormalized: normalizeEmail(q.email),
    phone: q.phone ?? null,
    details: toJson({ topic: q.topic, message: q.message, reference: q.reference }),
  };
}
