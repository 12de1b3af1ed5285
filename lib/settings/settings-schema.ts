import { z } from "zod";
import { DeliveryMethod } from "@/lib/generated/prisma/enums";

// Operator settings, grouped by what an admin edits together. Defaults come from the
// privacy policy (Art 6.2 address, Art 6.3 fee) and docs/design.md.
export const operatorSettingsSchema = z.object({
  legalNameJa: z.string().min(1).max(120),
  legalNameEn: z.string().min(1).max(120),
  postalCode: z.string().regex(/^\d{3}-\d{4}$/),
  addressJa: z.string().min(1).max(300),
  addressEn: z.string().min(1).max(300),
  contactEmail: z.email(),
  contactPhone: z.string().max(40).optional(),
  representative: z.string().max(120).optional(),
  /** Art 5(1): the person in charge of handling personal information. */
  personInCharge: z.string().min(1).max(120),
  /** Qualified-invoice issuer registration number: T + 13 digits. */
  invoiceRegistrationNumber: z.string().regex(/^T\d{13}$/),
});

export const feeSettingsSchema = z.object({
  /** Tax-included amount in yen (Art 6.3). */
  amount: z.number().int().min(0).max(100_000),
  taxRatePct: z.number().int().min(0).max(100),
  bank: z.object({
    bankName: z.string().min(1).max(80),
    branchName: z.string().min(1).max(80),
    accountType: z.enum(["ordinary", "current"]),
    accountNumber: z.string().regex(/^\d{7}$/),
    accountHolderKana: z.string().min(1).max(80),
  }),
  methods: z.array(z.enum(["BANK_TRANSFER", "STRIPE", "POSTAL_MONEY_ORDER", "CASH"])).min(1),
  reminderAfterDays: z.number().int().min(1).max(90),
  abandonAfterDays: z.number().int().min(1).max(365),
});

export const deadlineSettingsSchema = z.object({
  /** "Without delay" as a target (PPC Q&A 9-12 sets no number of days). */
  targetDays: z.number().int().min(1).max(90),
  dueSoonDays: z.number().int().min(0).max(30),
  waitForRequesterDays: z.number().int().min(1).max(180),
  certificateFreshnessMonths: z.number().int().min(1).max(12),
});

export const retentionSettingsSchema = z.object({
  documentRetentionDays: z.number().int().min(1).max(3650),
  recordRetentionYears: z.number().int().min(1).max(30),
  /** Days the stored (already redacted) copy of a sent mail keeps its body; 30 unless set (groups saved before it still parse). */
  mailBodyRetentionDays: z.number().int().min(1).max(3650).default(30),
});

export const deliverySettingsSchema = z.object({
  methods: z.array(z.enum(DeliveryMethod)).min(1),
  downloadLinkDays: z.number().int().min(1).max(90),
});

export const mailSettingsSchema = z.object({
  from: z.string().min(3).max(200),
  replyTo: z.email().optional(),
});

/** Issue 15 items 9 and 10: how long a staff session and a requester's status link live. */
export const securitySettingsSchema = z.object({
  /** Absolute lifetime of a staff session from sign-in, however active (the idle timeout is SESSION_MAX_AGE_MINUTES). */
  staffSessionHours: z.number().int().min(1).max(24),
  /** Days the status link in the acknowledgement mail works; afterwards the emailed-code route. */
  statusLinkDays: z.number().int().min(1).max(365),
});

export const settingsSchemas = {
  operator: operatorSettingsSchema,
  fee: feeSettingsSchema,
  deadlines: deadlineSettingsSchema,
  retention: retentionSettingsSchema,
  delivery: deliverySettingsSchema,
  mail: mailSettingsSchema,
  security: securitySettingsSchema,
} as const;

export type SettingsKey = keyof typeof settingsSchemas;
export type Settings = { [K in SettingsKey]: z.infer<(typeof settingsSchemas)[K]> };

export const defaultSettings: Settings = {
  operator: {
    legalNameJa: "株式会社アズポケット",
    legalNameEn: "Azpocket Inc.",
    postalCode: "542-0081",
    addressJa: "大阪府大阪市中央区南船場4-10-5 702",
    addressEn: "702, 4-10-5 Minamisenba, Chuo Ward, Osaka City, Osaka Prefecture",
    contactEmail: "privacy@azpocket.example.jp",
    personInCharge: "個人情報保護管理者",
    invoiceRegistrationNumber: "T1234567890123",
  },
  fee: {
    amount: 5500,
    taxRatePct: 10,
    bank: {
      bankName: "みずほ銀行",
      branchName: "船場支店",
      accountType: "ordinary",
      accountNumber: "1234567",
      accountHolderKana: "カ）アズポケット",
    },
    methods: ["BANK_TRANSFER", "POSTAL_MONEY_ORDER", "CASH", "STRIPE"],
    reminderAfterDays: 7,
    abandonAfterDays: 30,
  },
  deadlines: { targetDays: 14, dueSoonDays: 3, waitForRequesterDays: 30, certificateFreshnessMonths: 3 },
  retention: { documentRetentionDays: 90, recordRetentionYears: 3, mailBodyRetentionDays: 30 },
  delivery: { methods: Object.values(DeliveryMethod), downloadLinkDays: 14 },
  mail: { from: "Madoguchi <privacy@azpocket.example.jp>" },
  security: { staffSessionHours: 12, statusLinkDays: 30 },
};
