import { z } from "zod";
import { choice, email, limits, optionalText, personName, referenceNumber, requiredText } from "./schema-fields";

// Art 11, 12: complaints and inquiries about the handling of personal information. Free
// text and a way to answer; no identity documents (docs/design.md §2).

import { INQUIRY_KINDS, INQUIRY_TOPICS } from "./request-choices";
export { INQUIRY_KINDS, INQUIRY_TOPICS };

export const inquirySchema = z.object({
  kind: choice(INQUIRY_KINDS),
  topic: choice(INQUIRY_TOPICS),
  message: requiredText(limits.message),
  name: personName(),
  email: email(),
  /** An earlier request this is about, e.g. DSR-2026-000123. */
  reference: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    referenceNumber().optional(),
  ),
  phone: optionalText(limits.phone),
});

export type Inquiry = z.output<typeof inquirySchema>;
