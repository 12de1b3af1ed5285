import { z } from "zod";
import {
  DocumentHolder,
  DocumentKind,
  Locale,
  Relationship,
  RequesterKind,
  RequestType,
} from "@/lib/generated/prisma/enums";
import { dateString, uploadSchema } from "@/lib/requests/shared-schemas";
import { COUNTRIES_ABROAD, JAPAN } from "@/lib/requests/countries";

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: "errors.tooLong" })
    .optional()
    .transform((v) => (v ? v : undefined));

export const scanSchema = uploadSchema.extend({
  kind: z.enum(DocumentKind),
  holder: z.enum(DocumentHolder).default("SUBJECT"),
  /** Issue date of a certificate (must be recent, checked by staff). */
  issuedOn: dateString.optional(),
});

export const createOfflineRequestSchema = z
  .object({
    type: z.enum(RequestType),
    channel: z.enum(["POST", "EMAIL", "PHONE", "COUNTER"]),
    /** The day it arrived in Japan (for mail, the day the letter was received): the clock starts then. */
    arrivedOn: dateString,
    locale: z.enum(Locale).default("ja"),
    requesterKind: z.enum(RequesterKind).default("SELF"),
    subjectName: z.string().trim().min(1, { message: "errors.required" }).max(100, { message: "errors.tooLong" }),
    subjectNameKana: optional(100),
    subjectBirthDate: dateString.optional(),
    /** Where the person lives; abroad the whole address goes in addressLine (ADR 0014). */
    country: z.enum([JAPAN, ...COUNTRIES_ABROAD], { message: "errors.invalidChoice" }).default(JAPAN),
    postalCode: z
      .string()
      .trim()
      .regex(/^\d{3}-?\d{4}$/, { message: "console.errors.postalCode" })
      .optional(),
    prefecture: optional(20),
    city: optional(100),
    addressLine: optional(300),
    email: z.email({ message: "errors.email" }).max(254).optional(),
    phone: optional(30),
    customerId: optional(64),
    relationship: z.enum(Relationship).optional(),
    agentName: optional(100),
    agentNameKana: optional(100),
    agentEmail: z.email({ message: "errors.email" }).max(254).optional(),
    agentPhone: optional(30),
    agentAddress: optional(300),
    /** The type's own fields, validated with the portal's schemas (lib/requests). */
    details: z.record(z.string(), z.unknown()).default({}),
    documents: z.array(scanSchema).max(10).default([]),
    /** An internal note about how it arrived (e.g. the phone call). */
    note: optional(4000),
    assignToMe: z.boolean().default(false),
  })
  .superRefine((r, ctx) => {
    // A Japanese postal code, prefecture or city with a country abroad is a mix-up of two addresses.
    if (r.country !== JAPAN)
      for (const key of ["postalCode", "prefecture", "city"] as const)
        if (r[key]) ctx.addIssue({ code: "custom", path: [key], message: "console.errors.japanOnly" });
    if (r.requesterKind !== "SELF" && !r.agentName)
      ctx.addIssue({ code: "custom", path: ["agentName"], message: "errors.required" });
    if (r.documents.some((d) => d.holder === "AGENT") && r.requesterKind === "SELF")
      ctx.addIssue({ code: "custom", path: ["documents"], message: "console.errors.noAgent" });
  });

export type CreateOfflineRequestInput = z.input<typeof createOfflineRequestSchema>;
