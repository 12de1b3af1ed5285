import { prisma } from "@/lib/server/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/audit/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { getSettings } from "@/lib/settings/get-settings";
import { env } from "@/lib/server/env";
import { feeBalance, feeRequestSelect, outstandingAmount, takesPayment } from "./fee-state";
import { feeMessages, fill } from "./fee-messages";
import { stripeClient, stripeEnabled, stripeFailure } from "./stripe-client";

/**
 * "Pay now" on the status page: a Stripe Checkout Session for what the request still
 * owes, in JPY (a zero-decimal currency, so the amount is in yen), by card or konbini.
 * Only the requester, for their own request. The webhook (stripe-webhook.ts) records
 * the payment; the return to the status page proves nothing by itself.
 */
export async function createCheckoutSession(opts: {
  actor: Actor | null;
}): Promise<{ sessionId: string; url: string }> {
  const { actor } = opts;
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (actor.type !== "REQUESTER") throw new AppError("FORBIDDEN", `actor ${actor.type} cannot pay`);
  const settings = await getSettings(prisma);
  if (!stripeEnabled() || !settings.fee.methods.includes("STRIPE")) throw new AppError("UNAVAILABLE", "stripe is off");
  const request = await prisma.request.findUnique({ where: { id: actor.requestId }, select: feeRequestSelect });
  if (!request) throw new AppError("NOT_FOUND", "request");
  if (!takesPayment(request)) throw new AppError("INVALID_STATE", `fee ${request.fee}, status ${request.status}`);
  const amount = outstandingAmount(request.feeAmount, await feeBalance(prisma, request.id));
  if (amount <= 0) throw new AppError("INVALID_STATE", "nothing owed");

  const appUrl = env().APP_URL.replace(/\/$/, "");
  const m = feeMessages(request.locale);
  let session;
  try {
    session = await stripeClient().checkout.sessions.create({
      mode: "payment",
      currency: "jpy",
      // Stripe 23 offers what the account has enabled, filtered to these (Japanese bank
      // transfer, "customer_balance", needs a Customer object and is left to the dashboard).
      allowed_payment_method_types: ["card", "konbini"],
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: "jpy",
            unit_amount: amount,
            product_data: { name: fill(m.receipt.descriptionValue, { reference: request.reference }) },
          },
        },
      ],
      client_reference_id: request.id,
      metadata: { requestId: request.id, reference: request.reference },
      payment_intent_data: { metadata: { requestId: request.id, reference: request.reference } },
      locale: request.locale,
      success_url: `${appUrl}/status?payment=done`,
      cancel_url: `${appUrl}/status?payment=cancelled`,
    });
  } catch (e) {
    throw stripeFailure(e, "checkout");
  }
  if (!session.url) throw new AppError("UNAVAILABLE", "stripe returned no checkout url");
  const sessionId = session.id;
  await prisma.$transaction((tx) =>
    writeAuditEvent(tx, {
      actor,
      action: "fee.checkout-started",
      entity: "Request",
      entityId: request.id,
      requestId: request.id,
      data: { sessionId, amount },
    }),
  );
  return { sessionId, url: session.url };
}
