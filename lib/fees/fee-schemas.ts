import { z } from "zod";
import { PaymentMethod } from "@/lib/generated/prisma/enums";
import { DATE_ONLY, MONTH, dateOnly, jstToday } from "@/lib/dates";

// Input schemas for every fee operation, shared by the console's server actions and the
// domain functions. Messages are keys in messages/*/fees.json.
const id = z.string().trim().min(1).max(64);
const yen = z
  .number({ message: "fees.errors.amount" })
  .int({ message: "fees.errors.amount" })
  .min(1, { message: "fees.errors.amount" })
  .max(10_000_000, { message: "fees.errors.amount" });
const pastDate = z
  .string()
  .regex(DATE_ONLY, { message: "fees.errors.date" })
  .refine((v) => !Number.isNaN(dateOnly(v).getTime()), { message: "fees.errors.date" })
  .refine((v) => dateOnly(v).getTime() <= jstToday().getTime(), { message: "fees.errors.futureDate" });
const reason = z.string().trim().min(1, { message: "fees.errors.reason" }).max(1000);
const month = z.string().regex(MONTH, { message: "fees.errors.month" });

export const manualPaymentMethods = ["BANK_TRANSFER", "POSTAL_MONEY_ORDER", "CASH", "OTHER"] as const;

export const recordPaymentSchema = z.object({
  requestId: id,
  method: z.enum(manualPaymentMethods),
  paidOn: pastDate,
  amount: yen,
  payerName: z.string().trim().min(1, { message: "fees.errors.payerName" }).max(100),
});
export type RecordPaymentInput = z.input<typeof recordPaymentSchema>;

export const receiptIdSchema = z.object({ receiptId: id });
export type ReceiptIdInput = z.input<typeof receiptIdSchema>;

export const waiveFeeSchema = z.object({ requestId: id, reason });
export type WaiveFeeInput = z.input<typeof waiveFeeSchema>;

export const refundPaymentSchema = z.object({ paymentId: id, amount: yen, reason });
export type RefundPaymentInput = z.input<typeof refundPaymentSchema>;

export const importBankStatementSchema = z.object({
  fileName: z.string().trim().min(1).max(200),
  content: z
    .instanceof(Buffer)
    .refine((b) => b.length > 0, { message: "fees.errors.csvEmpty" })
    .refine((b) => b.length <= 5 * 1024 * 1024, { message: "fees.errors.csvTooLarge" }),
});
export type ImportBankStatementInput = z.input<typeof importBankStatementSchema>;

export const resolveBankLineSchema = z.discriminatedUnion("action", [
  // Applying a line that did not match needs an explicit confirmation: nothing is guessed.
  z.object({
    action: z.literal("APPLY"),
    lineId: id,
    requestId: id,
    confirm: z.literal(true, { message: "fees.errors.confirm" }),
    note: z.string().trim().max(1000).optional(),
  }),
  z.object({
    action: z.literal("DISMISS"),
    lineId: id,
    note: z.string().trim().min(1, { message: "fees.errors.note" }).max(1000),
  }),
]);
export type ResolveBankLineInput = z.input<typeof resolveBankLineSchema>;

export const feeListFilterSchema = z.object({
  status: z.enum(["AWAITING_PAYMENT", "PAID", "WAIVED", "REFUNDED"]).optional(),
  method: z.enum(PaymentMethod).optional(),
  /** JST month the request arrived in. */
  month: month.optional(),
});
export const feeListSchema = feeListFilterSchema.extend({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type FeeListFilter = z.input<typeof feeListFilterSchema>;
export type FeeListFilterValues = z.output<typeof feeListFilterSchema>;
export type FeeListInput = z.input<typeof feeListSchema>;

export const feeSummarySchema = z
  .object({ from: month, to: month })
  .refine((r) => r.from <= r.to, { path: ["to"], message: "fees.errors.month" });
export type FeeSummaryInput = z.input<typeof feeSummarySchema>;

export const pageSchema = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});
export type PageInput = z.input<typeof pageSchema>;
