import type { FeeStatus, RequestType } from "@/lib/generated/prisma/enums";
import type { Settings } from "@/lib/settings/settings-schema";

export type InitialFee = { fee: FeeStatus; feeAmount: number; feeTaxAmount: number; feeTaxRatePct: number };

/**
 * The fee is fixed when a request is filed (Art 6.3: disclosure only), from the settings
 * in force then; a later change of the fee affects new requests only.
 * Amounts are tax-included integers in yen: 5,500 = 5,000 + 500 at 10%.
 */
export function initialFee(type: RequestType, fee: Settings["fee"]): InitialFee {
  if (type !== "DISCLOSURE" || fee.amount === 0)
    return { fee: "NOT_REQUIRED", feeAmount: 0, feeTaxAmount: 0, feeTaxRatePct: fee.taxRatePct };
  return {
    fee: "AWAITING_PAYMENT",
    feeAmount: fee.amount,
    feeTaxAmount: taxIncluded(fee.amount, fee.taxRatePct),
    feeTaxRatePct: fee.taxRatePct,
  };
}

/** Consumption tax contained in a tax-included amount, rounded down as invoices do. */
export function taxIncluded(amount: number, ratePct: number): number {
  return Math.floor((amount * ratePct) / (100 + ratePct));
}
