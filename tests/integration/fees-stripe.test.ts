import Stripe from "stripe";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { admin, createFeeRequest, staff } from "@/tests/helpers/fee-fixtures";
import { startFakeStripe } from "@/tests/helpers/fake-stripe";
import { createCheckoutSession } from "@/lib/fees/stripe-checkout";
import { handleStripeWebhook } from "@/lib/fees/stripe-webhook";
import { stripeEnabled } from "@/lib/fees/stripe-client";
import { recordPayment } from "@/lib/fees/record-payment";
import { POST as webhookRoute } from "@/app/api/stripe/webhook/route";
import { POST as checkoutRoute } from "@/app/api/stripe/checkout/route";
import { createRequesterSession, REQUESTER_SESSION_COOKIE } from "@/lib/requester/requester-session";

// env() reads process.env once, on first use — set Stripe's keys before anything asks.
const fake = await startFakeStripe();
const WEBHOOK_SECRET = "whsec_test_madoguchi";
process.env.STRIPE_SECRET_KEY = "sk_test_madoguchi";
process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
process.env.STRIPE_API_BASE = fake.url;
afterAll(() => fake.close());

const signer = new Stripe("sk_test_signer");
let seq = 0;

function sessionEvent(
  type: string,
  s: { requestId: string; sessionId?: string; amount?: number; paymentStatus?: "paid" | "unpaid"; eventId?: string },
) {
  const payload = JSON.stringify({
    id: s.eventId ?? `evt_test_${++seq}`,
    object: "event",
    type,
    created: Math.floor(Date.parse("2026-11-29T03:00:00Z") / 1000),
    api_version: "2025-01-01",
    data: {
      object: {
        id: s.sessionId ?? "cs_test_a",
        object: "checkout.session",
        currency: "jpy",
        amount_total: s.amount ?? 5500,
        payment_status: s.paymentStatus ?? "paid",
        payment_intent: "pi_test_a",
        client_reference_id: s.requestId,
        metadata: { requestId: s.requestId },
      },
    },
  });
  return { payload, header: signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }) };
}

const deliver = (e: { payload: string; header: string }) => handleStripeWebhook(e.payload, e.header);

describe("Stripe Checkout", () => {
  beforeEach(async () => {
    await resetDatabase();
    fake.calls.length = 0;
  });

  it("is enabled by the keys", () => {
    expect(stripeEnabled()).toBe(true);
  });

  it("opens a JPY session for card and konbini for what the requester owes", async () => {
    const r = await createFeeRequest();
    const { url, sessionId } = await createCheckoutSession({ actor: { type: "REQUESTER", requestId: r.id } });
    expect(url).toBe(`http://checkout.local/pay/${sessionId}`);
    expect(fake.calls).toHaveLength(1);
    const body = fake.calls[0]?.body;
    expect(fake.calls[0]?.path).toBe("/v1/checkout/sessions");
    expect(body?.get("currency")).toBe("jpy");
    expect(body?.get("mode")).toBe("payment");
    expect([body?.get("allowed_payment_method_types[0]"), body?.get("allowed_payment_method_types[1]")]).toEqual([
      "card",
      "konbini",
    ]);
    expect(body?.get("line_items[0][price_data][unit_amount]")).toBe("5500");
    expect(body?.get("metadata[requestId]")).toBe(r.id);
    expect(body?.get("success_url")).toBe("http://localhost:3000/status?payment=done");
    expect(body?.get("locale")).toBe("ja");
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { action: "fee.checkout-started" } })).toMatchObject({
      actorType: "REQUESTER",
      data: { sessionId, amount: 5500 },
    });
  });

  it("the Pay now route sends a signed-in requester on to Checkout with a 303", async () => {
    const r = await createFeeRequest();
    const { sessionToken } = await prisma.$transaction((tx) => createRequesterSession(tx, r.id, new Date()));
    const post = (headers: Record<string, string>) =>
      checkoutRoute(new Request("http://localhost:3000/api/stripe/checkout", { method: "POST", headers }));
    const ok = await post({ cookie: `${REQUESTER_SESSION_COOKIE}=${sessionToken}`, origin: "http://localhost:3000" });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toMatch(/^http:\/\/checkout\.local\/pay\/cs_test_/);
    const anonymous = await post({});
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toBe("/status?payment=signin");
    expect(
      (await post({ cookie: `${REQUESTER_SESSION_COOKIE}=${sessionToken}`, origin: "https://evil.example" })).status,
    ).toBe(403);
    expect(fake.calls).toHaveLength(1);
  });

  it("asks only for what is still owed after a partial payment", async () => {
    const r = await createFeeRequest();
    await recordPayment({
      actor: admin,
      input: { requestId: r.id, method: "CASH", paidOn: "2026-11-28", amount: 500, payerName: "山田" },
    });
    await createCheckoutSession({ actor: { type: "REQUESTER", requestId: r.id } });
    expect(fake.calls[0]?.body.get("line_items[0][price_data][unit_amount]")).toBe("5000");
  });

  it("is refused to staff, for a paid fee, and reports Stripe's failure as unavailable", async () => {
    const r = await createFeeRequest();
    await expect(createCheckoutSession({ actor: staff })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createCheckoutSession({ actor: null })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    fake.failNext(400);
    await expect(createCheckoutSession({ actor: { type: "REQUESTER", requestId: r.id } })).rejects.toMatchObject({
      code: "UNAVAILABLE",
    });
    const other = await createFeeRequest({ type: "CORRECTION" });
    await expect(createCheckoutSession({ actor: { type: "REQUESTER", requestId: other.id } })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    expect(await prisma.auditEvent.count()).toBe(0);
  });
});

describe("Stripe webhook", () => {
  beforeEach(resetDatabase);

  it("marks the fee paid with a receipt and a mail, and remembers the event", async () => {
    const r = await createFeeRequest();
    const result = await deliver(sessionEvent("checkout.session.completed", { requestId: r.id }));
    expect(result.outcome).toBe("processed");
    expect((await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).fee).toBe("PAID");
    const payment = await prisma.payment.findFirstOrThrow();
    expect(payment).toMatchObject({
      method: "STRIPE",
      amount: 5500,
      stripeCheckoutId: "cs_test_a",
      stripePaymentIntentId: "pi_test_a",
      recordedById: null,
    });
    expect(payment.paidOn.toISOString().slice(0, 10)).toBe("2026-11-29");
    expect(await prisma.receipt.count()).toBe(1);
    expect(await prisma.outboxMessage.count()).toBe(1);
    expect(await prisma.stripeEvent.count()).toBe(1);
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { action: "fee.payment-recorded" } })).toMatchObject({
      actorType: "SYSTEM",
      actorId: "stripe-webhook",
    });
  });

  it("the same event sent ten times at once gives one payment", async () => {
    const r = await createFeeRequest();
    const event = sessionEvent("checkout.session.completed", { requestId: r.id });
    const results = await Promise.all(Array.from({ length: 10 }, () => deliver(event)));
    expect(results.filter((x) => x.outcome === "processed")).toHaveLength(1);
    expect(results.filter((x) => x.outcome === "duplicate")).toHaveLength(9);
    expect(await prisma.payment.count()).toBe(1);
    expect(await prisma.receipt.count()).toBe(1);
    expect(await prisma.outboxMessage.count()).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "fee.payment-recorded" } })).toBe(1);
  });

  it("refuses an invalid signature with 400 and changes nothing", async () => {
    const r = await createFeeRequest();
    const good = sessionEvent("checkout.session.completed", { requestId: r.id });
    const forged = { payload: good.payload.replace('"amount_total":5500', '"amount_total":1'), header: good.header };
    const post = (body: string, header?: string) =>
      webhookRoute(
        new Request("http://localhost/api/stripe/webhook", {
          method: "POST",
          body,
          headers: header ? { "stripe-signature": header } : {},
        }),
      );
    const bad = await post(forged.payload, forged.header);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "INVALID_INPUT" });
    expect((await post(good.payload)).status).toBe(400);
    const otherSecret = signer.webhooks.generateTestHeaderString({
      payload: good.payload,
      secret: "whsec_someone_else",
    });
    expect((await post(good.payload, otherSecret)).status).toBe(400);
    expect(await prisma.stripeEvent.count()).toBe(0);
    expect(await prisma.payment.count()).toBe(0);
    expect((await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).fee).toBe("AWAITING_PAYMENT");
    const ok = await post(good.payload, good.header);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ outcome: "processed" });
  });

  it("konbini: an unpaid completion waits, the async success pays, a late failure changes nothing", async () => {
    const r = await createFeeRequest();
    expect(
      (await deliver(sessionEvent("checkout.session.completed", { requestId: r.id, paymentStatus: "unpaid" }))).outcome,
    ).toBe("ignored");
    expect((await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).fee).toBe("AWAITING_PAYMENT");
    expect((await deliver(sessionEvent("checkout.session.async_payment_succeeded", { requestId: r.id }))).outcome).toBe(
      "processed",
    );
    await deliver(sessionEvent("checkout.session.async_payment_failed", { requestId: r.id, paymentStatus: "unpaid" }));
    expect((await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).fee).toBe("PAID");
    expect(await prisma.payment.count()).toBe(1);
  });

  it("out of order or doubled events for one session record it once", async () => {
    const r = await createFeeRequest();
    await deliver(sessionEvent("checkout.session.async_payment_succeeded", { requestId: r.id }));
    expect((await deliver(sessionEvent("checkout.session.completed", { requestId: r.id }))).outcome).toBe("ignored");
    const results = await Promise.all([
      deliver(sessionEvent("checkout.session.completed", { requestId: r.id })),
      deliver(sessionEvent("checkout.session.async_payment_succeeded", { requestId: r.id })),
    ]);
    expect(results.map((x) => x.outcome)).toEqual(["ignored", "ignored"]);
    expect(await prisma.payment.count()).toBe(1);
    expect(await prisma.receipt.count()).toBe(1);
  });

  it("a failed konbini payment leaves the fee awaiting payment and is audited", async () => {
    const r = await createFeeRequest();
    await deliver(sessionEvent("checkout.session.async_payment_failed", { requestId: r.id, paymentStatus: "unpaid" }));
    expect((await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).fee).toBe("AWAITING_PAYMENT");
    expect(await prisma.auditEvent.count({ where: { action: "fee.stripe-payment-failed", requestId: r.id } })).toBe(1);
  });

  it("records money taken for a fee already paid, without a second receipt, for an admin to refund", async () => {
    const r = await createFeeRequest();
    await recordPayment({
      actor: admin,
      input: { requestId: r.id, method: "BANK_TRANSFER", paidOn: "2026-11-28", amount: 5500, payerName: "ﾔﾏﾀﾞ" },
    });
    await deliver(sessionEvent("checkout.session.completed", { requestId: r.id }));
    expect(await prisma.payment.count({ where: { requestId: r.id } })).toBe(2);
    expect(await prisma.receipt.count()).toBe(1);
    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { action: "fee.payment-recorded", actorType: "SYSTEM" },
    });
    expect(audit.data).toMatchObject({ method: "STRIPE", feeFrom: "PAID", feeTo: "PAID", net: 11000 });
  });

  it("ignores events about unknown requests and other event types, once", async () => {
    expect((await deliver(sessionEvent("checkout.session.completed", { requestId: "unknown" }))).outcome).toBe(
      "ignored",
    );
    expect((await deliver(sessionEvent("customer.created", { requestId: "x" }))).outcome).toBe("ignored");
    expect(await prisma.payment.count()).toBe(0);
    expect(await prisma.stripeEvent.count()).toBe(2);
  });
});
