import type { RequestType } from "@/lib/generated/prisma/enums";
import type { Settings } from "@/lib/settings/settings-schema";
import { initialFee, type InitialFee } from "./initial-fee";

// A bank transfer carries only the payer name (振込依頼人名), which Japanese banks show in
// half-width katakana plus A–Z and 0–9. The requester puts this short code before their
// name ("D2026000123 ヤマダ ハナコ") so a statement line can be matched to exactly one
// request. It is derived from the request reference, so it is unique because that is.
const REQUEST_REFERENCE = /^DSR-(\d{4})-(\d{6,})$/;

/** "DSR-2026-000123" → "D2026000123": ASCII only, 11 characters. */
export function transferReferenceFor(reference: string): string {
  const m = REQUEST_REFERENCE.exec(reference);
  if (!m) throw new Error("not a request reference");
  return `D${m[1]}${m[2]}`;
}

/** Fee columns for a new request: the fee fixed at filing plus its transfer reference. */
export function feeFieldsForNewRequest(
  type: RequestType,
  fee: Settings["fee"],
  reference: string,
): InitialFee & { transferReference: string | null } {
  const initial = initialFee(type, fee);
  return { ...initial, transferReference: initial.fee === "AWAITING_PAYMENT" ? transferReferenceFor(reference) : null };
}

/**
 * Statement text as compared: full-width letters and digits to ASCII and half-width
 * katakana to full-width (NFKC), upper case, no spaces of either width.
 */
export function normaliseStatementText(text: string): string {
  return text
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\u3000]+/g, "");
}

// Also accepts the reference typed as on the status page ("DSR-2026-000123"), with any
// dash a bank may turn it into; the digits after the year run to the first non-digit.
const IN_TEXT = /D(?:SR)?[-\u2010-\u2015\u2212\u30fc\uff70]?(\d{4})[-\u2010-\u2015\u2212\u30fc\uff70]?(\d{6,})/g;

/** Every distinct transfer reference written in a payer-name field, canonical form. */
export function findTransferReferences(payerName: string): string[] {
  const text = normaliseStatementText(payerName);
  const found = new Set<string>();
  for (const m of text.matchAll(IN_TEXT)) found.add(`D${m[1]}${m[2]}`);
  return [...found];
}
