import { DocumentHolder, DocumentKind, type RequesterKind } from "@/lib/generated/prisma/enums";

// Which documents prove who is asking (Art 6.2, docs/design.md §2). APPI Art 37
// forbids asking for more than needed, so these are the minimum sets, nothing extra.

export const DOCUMENT_KINDS = Object.values(DocumentKind);

export const DOCUMENT_HOLDERS = Object.values(DocumentHolder);

/** One photo ID is enough on its own. */
export const PHOTO_ID_KINDS: readonly DocumentKind[] = [
  "DRIVERS_LICENSE",
  "PASSPORT",
  "MY_NUMBER_CARD",
  "RESIDENCE_CARD",
];
/** Without a photo ID, two of these are needed. */
export const NON_PHOTO_ID_KINDS: readonly DocumentKind[] = ["HEALTH_INSURANCE_CARD", "RESIDENT_RECORD", "OTHER_ID"];
/** Proof of an agent's authority (APPI Art 37: appointed agent or legal representative). */
export const AUTHORITY_KINDS_BY_REQUESTER: Record<RequesterKind, readonly DocumentKind[]> = {
  SELF: [],
  APPOINTED_AGENT: ["POWER_OF_ATTORNEY", "SEAL_CERTIFICATE"],
  LEGAL_REPRESENTATIVE: ["FAMILY_REGISTER", "GUARDIANSHIP_CERTIFICATE"],
};

export type DocumentEntry = { kind: DocumentKind; holder: DocumentHolder };

/** The holder whose identity must be shown: the person, or the agent acting for them. */
export function idHolderFor(requesterKind: RequesterKind): DocumentHolder {
  return requesterKind === "SELF" ? "SUBJECT" : "AGENT";
}

function hasIdentity(docs: readonly DocumentEntry[], holder: DocumentHolder): boolean {
  const own = docs.filter((d) => d.holder === holder);
  return (
    own.some((d) => PHOTO_ID_KINDS.includes(d.kind)) ||
    own.filter((d) => NON_PHOTO_ID_KINDS.includes(d.kind)).length >= 2
  );
}

/**
 * What is still missing, as message keys under "errors" ([] when complete): the
 * requester's ID (one photo ID or two others), and for agents the proof of authority —
 * a power of attorney and the principal's seal certificate, or a family register /
 * certificate of guardianship.
 */
export function missingDocuments(requesterKind: RequesterKind, docs: readonly DocumentEntry[]): string[] {
  const missing: string[] = [];
  if (!hasIdentity(docs, idHolderFor(requesterKind)))
    missing.push(requesterKind === "SELF" ? "errors.subjectIdMissing" : "errors.agentIdMissing");
  const kinds = new Set(docs.map((d) => d.kind));
  if (requesterKind === "APPOINTED_AGENT") {
    if (!kinds.has("POWER_OF_ATTORNEY")) missing.push("errors.powerOfAttorneyMissing");
    if (!kinds.has("SEAL_CERTIFICATE")) missing.push("errors.sealCertificateMissing");
  }
  if (
    requesterKind === "LEGAL_REPRESENTATIVE" &&
    !kinds.has("FAMILY_REGISTER") &&
    !kinds.has("GUARDIANSHIP_CERTIFICATE")
  ) {
    missing.push("errors.authorityDocumentMissing");
  }
  return missing;
}

/** A document that makes no sense for this kind of requester (e.g. an agent's ID on one's own request). */
export function documentFits(requesterKind: RequesterKind, doc: DocumentEntry): boolean {
  const authority = Object.values(AUTHORITY_KINDS_BY_REQUESTER).flat();
  if (authority.includes(doc.kind)) return AUTHORITY_KINDS_BY_REQUESTER[requesterKind].includes(doc.kind);
  return requesterKind !== "SELF" || doc.holder === "SUBJECT";
}
