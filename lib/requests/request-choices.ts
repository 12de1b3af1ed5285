import { RequesterKind } from "@/lib/generated/prisma/enums";

// The fixed choices of the request forms, in a module without zod: the browser's forms
// import these lists, and importing them from the schema modules put all of zod (~30 KB
// gzip) into the wizard's first-load JavaScript. The schemas re-export them.

/** The request types filed through the wizard; inquiries and complaints use INQUIRY_KINDS. */
export const WIZARD_REQUEST_TYPES = [
  "DISCLOSURE",
  "CORRECTION",
  "SUSPENSION",
  "THIRD_PARTY_STOP",
  "PURPOSE_NOTICE",
] as const;
export type WizardRequestType = (typeof WIZARD_REQUEST_TYPES)[number];
export const REQUESTER_KINDS = Object.values(RequesterKind);

export const CORRECTION_ACTIONS = ["CORRECT", "ADD", "DELETE"] as const;
/**
 * Art 8 names two grounds (use beyond the Art 2.2 purposes, improper acquisition); APPI
 * Art 35(3) adds provision to a third party without consent, and Art 35(5) no longer
 * needed, a leak, and risk of harm to rights or legitimate interests.
 */
export const SUSPENSION_GROUNDS = [
  "BEYOND_PURPOSE",
  "IMPROPER_ACQUISITION",
  "THIRD_PARTY_WITHOUT_CONSENT",
  "NO_LONGER_NEEDED",
  "LEAK_OCCURRED",
  "RISK_TO_RIGHTS",
] as const;
export const SUSPENSION_WANTED = ["SUSPEND_USE", "DELETE", "STOP_THIRD_PARTY"] as const;
/** Grounds for stopping third-party provision (APPI Art 35(3), 35(5)). */
export const THIRD_PARTY_STOP_GROUNDS = [
  "THIRD_PARTY_WITHOUT_CONSENT",
  "NO_LONGER_NEEDED",
  "LEAK_OCCURRED",
  "RISK_TO_RIGHTS",
] as const;

export const INQUIRY_KINDS = ["INQUIRY", "COMPLAINT"] as const;
export const INQUIRY_TOPICS = ["HANDLING", "REQUEST_PROCEDURE", "MARKETING", "SECURITY", "OTHER"] as const;
