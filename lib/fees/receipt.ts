import type { PaymentMethod } from "@/lib/generated/prisma/enums";
import { prisma, type Tx } from "@/lib/server/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/audit/actor";
import { assertPermission } from "@/lib/server/permissions";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { readStoredFile, storeFile } from "@/lib/files/file-store";
import { renderPdf } from "@/lib/pdf/pdf-document";
import { getSettings } from "@/lib/settings/get-settings";
import type { Settings } from "@/lib/settings/settings-schema";
import { parseInput } from "@/lib/validation";
import { feeMessages, fill, formatDate, formatNumber } from "./fee-messages";
import { lockFeeRequest, type FeeRequest } from "./fee-state";
import { receiptIdSchema, type ReceiptIdInput } from "./fee-schemas";

// The receipt is a qualified simplified invoice (適格簡易請求書): issuer and registration
// number, transaction date, description, tax-included amount per rate, the rate and the
// tax. It is rendered once, stored encrypted, and never regenerated in place: a re-issue
// is a new receipt marked 再発行 / "Reissued" that points at the original.

export type ReceiptPayment = { id: string; paidOn: Date; method: PaymentMethod };

async function receiptNumber(
  tx: Tx,
  request: FeeRequest,
  original: { id: string; number: string } | null,
): Promise<string> {
  if (original) {
    const k = (await tx.receipt.count({ where: { reissueOf: original.id } })) + 1;
    return `${original.number}-R${k}`;
  }
  const n = (await tx.receipt.count({ where: { requestId: request.id, reissueOf: null } })) + 1;
  return `R-${request.reference.replace(/^DSR-/, "")}-${n}`;
}

export async function renderReceiptPdf(
  request: FeeRequest,
  payment: ReceiptPayment,
  settings: Settings,
  r: { number: string; issuedAt: Date; original: string | null },
): Promise<Buffer> {
  const locale = request.locale;
  const m = feeMessages(locale).receipt;
  const op = settings.operator;
  const name = request.agentName ?? request.subjectName;
  return renderPdf(
    { title: `${m.title} ${r.number}`, author: locale === "ja" ? op.legalNameJa : op.legalNameEn, lang: locale },
    [
      { kind: "title", text: r.original ? `${m.title}（${m.reissued}）` : m.title },
      { kind: "paragraph", text: m.subtitle, size: 9 },
      { kind: "paragraph", text: fill(m.recipient, { name }), size: 12 },
      {
        kind: "fields",
        rows: [
          [m.number, r.number],
          [m.issuedOn, formatDate(locale, r.issuedAt)],
          [m.paidOn, formatDate(locale, payment.paidOn, "date-column")],
          [m.reference, request.reference],
          [m.description, fill(m.descriptionValue, { reference: request.reference })],
          [m.method, feeMessages(locale).method[payment.method]],
          [m.total, fill(feeMessages(locale).amount, { amount: formatNumber(request.feeAmount) })],
          [
            fill(m.taxBreakdown, { rate: request.feeTaxRatePct }),
            fill(m.taxBreakdownValue, {
              amount: formatNumber(request.feeAmount),
              tax: formatNumber(request.feeTaxAmount),
            }),
          ],
          [m.taxRate, `${request.feeTaxRatePct}%`],
          [m.tax, fill(feeMessages(locale).amount, { amount: formatNumber(request.feeTaxAmount) })],
        ],
      },
      { kind: "paragraph", text: m.receivedText },
      { kind: "rule" },
      {
        kind: "fields",
        rows: [
          [m.issuer, locale === "ja" ? op.legalNameJa : op.legalNameEn],
          [m.registrationNumber, op.invoiceRegistrationNumber],
          [m.address, `〒${op.postalCode} ${locale === "ja" ? op.addressJa : op.addressEn}`],
        ],
      },
      ...(r.original
        ? [{ kind: "paragraph" as const, text: fill(m.reissuedNote, { original: r.original }), size: 9 }]
        : []),
    ],
  );
}

/** Issues a receipt inside the caller's transaction (the request row is already locked). */
export async function issueReceipt(
  tx: Tx,
  opts: {
    request: FeeRequest;
    payment: ReceiptPayment;
    settings: Settings;
    original?: { id: string; number: string } | null;
    issuedById?: string | null;
  },
): Promise<{ id: string; number: string }> {
  const original = opts.original ?? null;
  const number = await receiptNumber(tx, opts.request, original);
  const issuedAt = new Date();
  const pdf = await renderReceiptPdf(opts.request, opts.payment, opts.settings, {
    number,
    issuedAt,
    original: original?.number ?? null,
  });
  const file = await storeFile(tx, {
    role: "RECEIPT_PDF",
    content: pdf,
    mimeType: "application/pdf",
    originalName: `receipt-${number}.pdf`,
    requestId: opts.request.id,
    uploadedById: opts.issuedById ?? null,
  });
  const row = await tx.receipt.create({
    data: {
      number,
      requestId: opts.request.id,
      paymentId: opts.payment.id,
      fileId: file.id,
      reissueOf: original?.id ?? null,
      issuedAt,
    },
    select: { id: true, number: true },
  });
  return row;
}

/** Admin re-issues a receipt (lost, or the name needed correcting); the copy is marked. */
export async function reissueReceipt(opts: {
  actor: Actor | null;
  input: ReceiptIdInput;
}): Promise<{ id: string; number: string }> {
  const { actor } = opts;
  assertPermission(actor, "record:payment");
  const { receiptId } = parseInput(receiptIdSchema, opts.input, "receipt");
  return prisma.$transaction(
    async (tx) => {
      const found = await tx.receipt.findUnique({ where: { id: receiptId }, include: { payment: true } });
      if (!found) throw new AppError("NOT_FOUND", "receipt");
      const original = found.reissueOf ? await tx.receipt.findUniqueOrThrow({ where: { id: found.reissueOf } }) : found;
      const request = await lockFeeRequest(tx, found.requestId);
      if (!request) throw new AppError("NOT_FOUND", "request");
      const settings = await getSettings(tx);
      const issued = await issueReceipt(tx, {
        request,
        payment: found.payment,
        settings,
        original,
        issuedById: actor.id,
      });
      await writeAuditEvent(tx, {
        actor,
        action: "fee.receipt-reissued",
        entity: "Receipt",
        entityId: issued.id,
        requestId: request.id,
        data: { originalId: original.id, number: issued.number },
      });
      return issued;
    },
    { timeout: 30_000 },
  );
}

/**
 * The receipt's PDF for download: the requester only their own (anything else is "not
 * found"), staff with read:fee, and every staff download is audited.
 */
export async function loadReceiptFile(opts: {
  actor: Actor | null;
  input: ReceiptIdInput;
}): Promise<{ fileName: string; mimeType: string; content: Buffer }> {
  const { actor } = opts;
  const { receiptId } = parseInput(receiptIdSchema, opts.input, "receipt");
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (actor.type !== "REQUESTER") assertPermission(actor, "read:fee");
  const receipt = await prisma.receipt.findFirst({
    where: { id: receiptId, ...(actor.type === "REQUESTER" ? { requestId: actor.requestId } : {}) },
    include: { file: true },
  });
  if (!receipt) throw new AppError("NOT_FOUND", "receipt");
  if (actor.type === "STAFF") {
    await prisma.$transaction((tx) =>
      writeAuditEvent(tx, {
        actor,
        action: "fee.receipt-downloaded",
        entity: "Receipt",
        entityId: receipt.id,
        requestId: receipt.requestId,
      }),
    );
  }
  return {
    fileName: receipt.file.originalName,
    mimeType: receipt.file.mimeType,
    content: await readStoredFile(receipt.file),
  };
}
