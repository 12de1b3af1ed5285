import type { FeeStatus, NoticeKind, PaymentMethod } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/server/db";
import type { Actor } from "@/lib/audit/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { getSettings } from "@/lib/settings/get-settings";
import { feeBalance, takesPayment, type FeeRequest } from "./fee-state";
import { paymentReceivedMail, type RenderedMail } from "./fee-mail";
import { issueReceipt } from "./receipt";

export type PaymentSource = "manual" | "bank-statement" | "bank-line" | "stripe";

export type NewPayment = {
  method: PaymentMethod;
  amount: number;
  /** `@db.Date`: midnight UTC of the JST date the money arrived. */
  paidOn: Date;
  payerName: string | null;
  bankLineId?: string;
  stripeCheckoutId?: string;
  stripePaymentIntentId?: string | null;
  recordedById?: string | null;
};

export type AppliedPayment = { paymentId: string; fee: FeeStatus; receipt: { id: string; number: string } | null };

/**
 * Mails the requester and keeps the notice on the request, in the caller's transaction.
 * A request filed on paper may have no email address: the notice is then kept for
 * posting (channel POST) and staff send it by mail.
 */
export async function sendFeeNotice(tx: Tx, request: FeeRequest, kind: NoticeKind, mail: RenderedMail): Promise<void> {
  const outboxId = request.email
    ? await enqueueMail(tx, { to: request.email, ...mail, kind: `fee.${kind.toLowerCase()}`, requestId: request.id })
    : null;
  await tx.notice.create({
    data: {
      requestId: request.id,
      kind,
      locale: request.locale,
      channel: request.email ? "EMAIL" : "POST",
      subject: mail.subject,
      bodyText: mail.text,
      outboxId,
    },
  });
}

/**
 * Records one payment on a locked request. When the amount paid (payments less refunds)
 * reaches the fee of a request still awaiting payment, the fee becomes PAID, the receipt
 * is issued and the requester is told — all in the caller's transaction. Callers decide
 * beforehand whether the payment may be taken at all.
 */
export async function applyPayment(
  tx: Tx,
  opts: { actor: Actor; request: FeeRequest; payment: NewPayment; source: PaymentSource },
): Promise<AppliedPayment> {
  const { actor, request, payment: p } = opts;
  const payment = await tx.payment.create({
    data: {
      requestId: request.id,
      method: p.method,
      amount: p.amount,
      paidOn: p.paidOn,
      payerName: p.payerName,
      bankLineId: p.bankLineId ?? null,
      stripeCheckoutId: p.stripeCheckoutId ?? null,
      stripePaymentIntentId: p.stripePaymentIntentId ?? null,
      recordedById: p.recordedById ?? null,
    },
    select: { id: true },
  });
  const balance = await feeBalance(tx, request.id);
  let fee = request.fee;
  let receipt: AppliedPayment["receipt"] = null;
  if (takesPayment(request) && balance.net >= request.feeAmount) {
    fee = "PAID";
    await tx.request.update({ where: { id: request.id }, data: { fee } });
    const settings = await getSettings(tx);
    receipt = await issueReceipt(tx, {
      request,
      payment: { id: payment.id, paidOn: p.paidOn, method: p.method },
      settings,
      issuedById: p.recordedById ?? null,
    });
    const mail = paymentReceivedMail(request, settings, {
      paidOn: p.paidOn,
      method: p.method,
      amount: request.feeAmount,
      receiptNumber: receipt.number,
    });
    await sendFeeNotice(tx, request, "PAYMENT_RECEIVED", mail);
  }
  await writeAuditEvent(tx, {
    actor,
    action: "fee.payment-recorded",
    entity: "Payment",
    entityId: payment.id,
    requestId: request.id,
    data: {
      method: p.method,
      amount: p.amount,
      source: opts.source,
      feeFrom: request.fee,
      feeTo: fee,
      receiptId: receipt?.id ?? null,
      net: balance.net,
    },
  });
  return { paymentId: payment.id, fee, receipt };
}
