import { z } from "zod";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { detailsSchemas, WIZARD_REQUEST_TYPES, type WizardRequestType } from "./request-schemas";
import { INQUIRY_TOPICS } from "./inquiry-schema";
import type {
  CorrectionDetails,
  DisclosureDetails,
  PurposeNoticeDetails,
  SuspensionDetails,
  ThirdPartyStopDetails,
} from "./request-details-schemas";

// Request.details as stored: the type's own details (the schema's output) plus, for the
// wizard types, whether identity copies come by post. Console code reads it with
// parseStoredDetails rather than casting the JSON.

export const inquiryDetailsSchema = z.object({
  topic: z.enum(INQUIRY_TOPICS),
  message: z.string(),
  /** An earlier request the inquiry is about. */
  reference: z.string().optional(),
});
export type InquiryDetails = z.output<typeof inquiryDetailsSchema>;

export type StoredDetails =
  | { type: "DISCLOSURE"; details: DisclosureDetails }
  | { type: "CORRECTION"; details: CorrectionDetails }
  | { type: "SUSPENSION"; details: SuspensionDetails }
  | { type: "THIRD_PARTY_STOP"; details: ThirdPartyStopDetails }
  | { type: "PURPOSE_NOTICE"; details: PurposeNoticeDetails }
  | { type: "INQUIRY" | "COMPLAINT"; details: InquiryDetails };

export function isWizardType(type: RequestType): type is WizardRequestType {
  return (WIZARD_REQUEST_TYPES as readonly string[]).includes(type);
}

/** The details of a stored request, typed by its type; null when they do not parse. */
export function parseStoredDetails(type: RequestType, details: unknown): StoredDetails | null {
  const schema = isWizardType(type) ? detailsSchemas[type] : inquiryDetailsSchema;
  const parsed = schema.safeParse(details);
  return parsed.success ? ({ type, details: parsed.data } as StoredDetails) : null;
}

/** True when the requester said identity copies come by post (docs/design.md §2). */
export function documentsByPostOf(details: unknown): boolean {
  return (
    typeof details === "object" &&
    details !== null &&
    (details as { documentsByPost?: unknown }).documentsByPost === true
  );
}
