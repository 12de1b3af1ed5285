import type Stripe from "stripe";
import { prisma, type Tx } from "@/lib/server/db";
import { AppError } from "@/lib/errors";
import { systemActor } from "@/lib/audit/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { env } from "@/lib/server/env";
import { lockFeeRequest } from "./fee-state";
import { applyPayment } from "./apply-payment";
import { jstToday } from "@/lib/dates";
import { stripeClient } from "./stripe-client";

export type WebhookOutcome = "processed" | "duplicate" | "ignored";
export type WebhookResult = { eventId: string; type: string; outcome: WebhookOutcome };

const actor = systemActor("stripe-webhook");

/**
 * A paid Checkout Session becomes one Payment. Card payments arrive as
 * checkout.session.completed with payment_status "paid"; konbini as completed ("unpaid")
 * then async_payment_succeeded. Whatever the order and however often they come, the
 * session is recorded once: the request row is locked and the session id is unique.
 */
async function recordPaidSession(
  tx: Tx,
  event: Stripe.Event,
  session: Stripe.Checkout.Session,
): Promise<WebhookOutcome> {
  const requestId = session.metadata?.requestId ?? session.client_reference_id;
  if (!requestId || session.currency !== "jpy" || !session.amount_total) return "ignored";
  const request = await lockFeeRequest(tx, requestId);
  if (!request) return "ignored";
  if (await tx.payment.findUnique({ where: { stripeCheckoutId: session.id }, select: { id: true } })) return "ignored";
  const intent =
    typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);
  // Money Stripe took is recorded even when the request no longer owes it (paid by
  // transfer meanwhile, or closed): the fee is left as it is and the audit entry shows an
  // admin what to refund.
  await applyPayment(tx, {
    actor,
    request,
    source: "stripe",
    payment: {
      method: "STRIPE",
      amount: session.amount_total,
      paidOn: jstToday(new Date(event.created * 1000)),
      payerName: null,
      stripeCheckoutId: session.id,
      stripePaymentIntentId: intent,
    },
  });
  return "processed";
}

async function handleEvent(tx: Tx, event: Stripe.Event): Promise<WebhookOutcome> {
  switch (event.type) {
    case "checkout.session.completed":
      return event.data.object.payment_status === "paid" ? recordPaidSession(tx, event, event.data.object) : "ignored";
    case "checkout.session.async_payment_succeeded":
      return recordPaidSession(tx, event, event.data.object);
    case "checkout.session.async_payment_failed": {
      // A konbini slip not paid in time: nothing was paid, the fee still awaits payment.
      const requestId = event.data.object.metadata?.requestId ?? event.data.object.client_reference_id;
      const exists = requestId ? await tx.request.findUnique({ where: { id: requestId }, select: { id: true } }) : null;
      if (!exists) return "ignored";
      await writeAuditEvent(tx, {
        actor,
        action: "fee.stripe-payment-failed",
        entity: "Request",
        entityId: exists.id,
        requestId: exists.id,
        data: { sessionId: event.data.object.id },
      });
      return "processed";
    }
    default:
      return "ignored";
  }
}

/**
 * Verifies the signature over the raw body (a bad one changes nothing: INVALID_INPUT,
 * HTTP 400), then records the event id and its effect in ONE transaction. A replay, or
 * the same event delivered ten times at once, finds the id taken — ON CONFLICT waits for
 * the first delivery's transaction and then does nothing — so the effect happens once.
 */
export async function handleStripeWebhook(rawBody: string, signatureHeader: string | null): Promise<WebhookResult> {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!secret) throw new AppError("UNAVAILABLE", "stripe is not configured");
  if (!signatureHeader) throw new AppError("INVALID_INPUT", "missing stripe-signature");
  let event: Stripe.Event;
  try {
    event = stripeClient().webhooks.constructEvent(rawBody, signatureHeader, secret);
  } catch {
    throw new AppError("INVALID_INPUT", "stripe signature did not verify");
  }
  return prisma.$transaction(
    async (tx) => {
      const { count } = await tx.stripeEvent.createMany({
        data: [{ id: event.id, type: event.type }],
        skipDuplicates: true,
      });
      if (count === 0) return { eventId: event.id, type: event.type, outcome: "duplicate" as const };
      return { eventId: event.id, type: event.type, outcome: await handleEvent(tx, event) };
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}
