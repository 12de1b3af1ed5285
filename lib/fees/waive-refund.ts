import crypto from "node:crypto";
import type { FeeStatus } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/server/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/audit/actor";
import { assertPermission } from "@/lib/server/permissions";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { parseInput } from "@/lib/validation";
import { refundPaymentSchema, waiveFeeSchema, type RefundPaymentInput, type WaiveFeeInput } from "./fee-schemas";
import { feeBalance, lockFeeRequest, takesPayment } from "./fee-state";
import { stripeClient, stripeFailure } from "./stripe-client";

// Waivers and refunds are admin decisions with a reason (DESIGN §4). The reason is kept on
// the request or refund row; the audit entry records only ids, states and amounts.

/** Waives a fee still awaiting payment; the disclosure may then go ahead (feeSettled). */
export async function waiveFee(opts: { actor: Actor | null; input: WaiveFeeInput }): Promise<{ fee: FeeStatus }> {
  const { actor } = opts;
  assertPermission(actor, "waive:fee");
  const input = parseInput(waiveFeeSchema, opts.input, "waiver");
  return prisma.$transaction(async (tx) => {
    const request = await lockFeeRequest(tx, input.requestId);
    if (!request) throw new AppError("NOT_FOUND", "request");
    if (!takesPayment(request)) throw new AppError("INVALID_STATE", `fee ${request.fee}, status ${request.status}`);
    await tx.request.update({ where: { id: request.id }, data: { fee: "WAIVED", feeWaiverReason: input.reason } });
    const { net } = await feeBalance(tx, request.id);
    await writeAuditEvent(tx, {
      actor,
      action: "fee.waived",
      entity: "Request",
      entityId: request.id,
      requestId: request.id,
      data: { from: request.fee, to: "WAIVED", paidBefore: net },
    });
    return { fee: "WAIVED" as const };
  });
}

/**
 * Refunds all or part of one payment: through Stripe when it was paid there, otherwise
 * recorded as done by hand. Never more than the payment less what was already refunded
 * from it, so the amount paid never goes below zero and nothing is refunded twice (the
 * request row is locked, so two admins at once cannot both pass the check). When nothing
 * paid is left on a paid fee, the fee becomes REFUNDED.
 */
export async function refundPayment(opts: {
  actor: Actor | null;
  input: RefundPaymentInput;
}): Promise<{ refundId: string; fee: FeeStatus; stripeRefundId: string | null }> {
  const { actor } = opts;
  assertPermission(actor, "refund:fee");
  const input = parseInput(refundPaymentSchema, opts.input, "refund");
  return prisma.$transaction(
    async (tx) => {
      const found = await tx.payment.findUnique({ where: { id: input.paymentId }, select: { requestId: true } });
      if (!found) throw new AppError("NOT_FOUND", "payment");
      const request = await lockFeeRequest(tx, found.requestId);
      if (!request) throw new AppError("NOT_FOUND", "request");
      const payment = await tx.payment.findUniqueOrThrow({
        where: { id: input.paymentId },
        include: { refunds: { select: { amount: true } } },
      });
      const refundable = payment.amount - payment.refunds.reduce((n, r) => n + r.amount, 0);
      if (input.amount > refundable)
        throw new AppError("INVALID_INPUT", `refund ${input.amount} > refundable ${refundable}`, {
          amount: ["fees.errors.refundTooLarge"],
        });

      const refundId = crypto.randomUUID();
      let stripeRefundId: string | null = null;
      if (payment.method === "STRIPE") {
        if (!payment.stripePaymentIntentId)
          throw new AppError("INVALID_STATE", "stripe payment without payment intent");
        try {
          const refund = await stripeClient().refunds.create(
            {
              payment_intent: payment.stripePaymentIntentId,
              amount: input.amount,
              reason: "requested_by_customer",
              metadata: { requestId: request.id, paymentId: payment.id },
            },
            // A retried call (network hiccup) must not refund twice at Stripe.
            { idempotencyKey: `madoguchi-refund-${refundId}` },
          );
          stripeRefundId = refund.id;
        } catch (e) {
          throw stripeFailure(e, "refund");
        }
      }
      await tx.refund.create({
        data: {
          id: refundId,
          requestId: request.id,
          paymentId: payment.id,
          amount: input.amount,
          reason: input.reason,
          stripeRefundId,
          createdById: actor.id,
        },
      });
      const { net } = await feeBalance(tx, request.id);
      const fee: FeeStatus = request.fee === "PAID" && net === 0 ? "REFUNDED" : request.fee;
      if (fee !== request.fee) await tx.request.update({ where: { id: request.id }, data: { fee } });
      await writeAuditEvent(tx, {
        actor,
        action: "fee.refunded",
        entity: "Refund",
        entityId: refundId,
        requestId: request.id,
        data: {
          paymentId: payment.id,
          method: payment.method,
          amount: input.amount,
          feeFrom: request.fee,
          feeTo: fee,
          netAfter: net,
          stripeRefundId,
        },
      });
      return { refundId, fee, stripeRefundId };
    },
    { timeout: 60_000 },
  );
}
