import { ProvisionBasis } from "@/lib/generated/prisma/enums";
import { DATE_ONLY } from "@/lib/dates";
import { z } from "zod";

const dateString = z.string().regex(DATE_ONLY, { message: "errors.field.date" });

// A third-party provision record (Art 3; APPI Arts 29–30): recipient, person, items and
// consent or date. Kept 3 years, or 1 year where the contract itself is the record.
export const recordProvisionSchema = z
  .object({
    recipientName: z.string().trim().min(1).max(200),
    recipientAddress: z.string().trim().max(300).optional(),
    providedOn: dateString,
    subjectName: z.string().trim().min(1).max(100),
    subjectNameKana: z.string().trim().max(100).optional(),
    subjectBirthDate: dateString.optional(),
    customerId: z.string().trim().max(64).optional(),
    categories: z.array(z.number().int().min(1).max(11)).min(1),
    items: z.string().trim().min(1).max(1000),
    basis: z.enum(ProvisionBasis),
    consentDate: dateString.optional(),
    contractIsRecord: z.boolean().default(false),
  })
  .refine((r) => r.basis !== "CONSENT" || Boolean(r.consentDate), {
    path: ["consentDate"],
    message: "errors.provision.consentDateRequired",
  });

export type RecordProvisionInput = z.input<typeof recordProvisionSchema>;

export const searchProvisionsSchema = z.object({
  name: z.string().trim().max(100).optional(),
  customerId: z.string().trim().max(64).optional(),
  birthDate: dateString.optional(),
  take: z.number().int().min(1).max(200).default(50),
});

export type SearchProvisionsInput = z.input<typeof searchProvisionsSchema>;
