import Stripe from "stripe";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { admin, createFeeRequest, officer, staff } from "@/tests/helpers/fee-fixtures";
import { startFakeStripe } from "@/tests/helpers/fake-stripe";
import { recordPayment } from "@/lib/fees/record-payment";
import { refundPayment, waiveFee } from "@/lib/fees/waive-refund";
import { handleStripeWebhook } from "@/lib/fees/stripe-webhook";
import { feeSettled } from "@/lib/fees/fee-state";
import { AppError } from "@/lib/errors";

const fake = await startFakeStripe();
const WEBHOOK_SECRET = "whsec_test_refunds";
process.env.STRIPE_SECRET_KEY = "sk_test_refunds";
process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
process.env.STRIPE_API_BASE = fake.url;
afterAll(() => fake.close());

async function paidByHand(amount = 5500) {
  const r = await createFeeRequest();
  const { paymentId } = await recordPayment({
    actor: admin,
    input: { requestId: r.id, method: "CASH", paidOn: "2026-11-20", amount, payerName: "山田 花子" },
  });
  return { r, paymentId };
}

async function paidByStripe() {
  const r = await createFeeRequest();
  const payload = JSON.stringify({
    id: `evt_${r.id}`,
    object: "event",
    type: "checkout.session.completed",
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: `cs_${r.id}`,
        object: "checkout.session",
        currency: "jpy",
        amount_total: 5500,
        payment_status: "paid",
        payment_intent: `pi_${r.id}`,
        metadata: { requestId: r.id },
      },
    },
  });
  await handleStripeWebhook(
    payload,
    new Stripe("sk_test_x").webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }),
  );
  const payment = await prisma.payment.findFirstOrThrow({ where: { requestId: r.id } });
  return { r, paymentId: payment.id };
}

const fee = async (id: string) => (await prisma.request.findUniqueOrThrow({ where: { id } })).fee;

describe("waiving the fee", () => {
  beforeEach(resetDatabase);

  it("an admin waives with a reason; the disclosure may then go ahead", async () => {
    const r = await createFeeRequest();
    expect(await waiveFee({ actor: admin, input: { requestId: r.id, reason: "生活保護受給のため" } })).toEqual({
      fee: "WAIVED",
    });
    const after = await prisma.request.findUniqueOrThrow({ where: { id: r.id } });
    expect(after).toMatchObject({ fee: "WAIVED", feeWaiverReason: "生活保護受給のため" });
    expect(feeSettled(after)).toBe(true);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "fee.waived" } });
    expect(audit.data).toEqual({ from: "AWAITING_PAYMENT", to: "WAIVED", paidBefore: 0 });
  });

  it("needs a reason, and only a fee still awaiting payment can be waived", async () => {
    const r = await createFeeRequest();
    await expect(waiveFee({ actor: admin, input: { requestId: r.id, reason: "  " } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { reason: ["fees.errors.reason"] },
    });
    const { r: paid } = await paidByHand();
    await expect(waiveFee({ actor: admin, input: { requestId: paid.id, reason: "x" } })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    expect(await fee(r.id)).toBe("AWAITING_PAYMENT");
  });

  it("a STAFF user (or an officer) cannot waive", async () => {
    const r = await createFeeRequest();
    await expect(waiveFee({ actor: staff, input: { requestId: r.id, reason: "x" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(waiveFee({ actor: officer, input: { requestId: r.id, reason: "x" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await fee(r.id)).toBe("AWAITING_PAYMENT");
  });
});

describe("refunds", () => {
  beforeEach(async () => {
    await resetDatabase();
    fake.calls.length = 0;
  });

  it("a full refund by hand marks the fee refunded; a second is refused", async () => {
    const { r, paymentId } = await paidByHand();
    const done = await refundPayment({
      actor: admin,
      input: { paymentId, amount: 5500, reason: "開示対象の情報がなかったため" },
    });
    expect(done).toMatchObject({ fee: "REFUNDED", stripeRefundId: null });
    expect(await prisma.refund.findUniqueOrThrow({ where: { id: done.refundId } })).toMatchObject({
      amount: 5500,
      createdById: "admin-1",
      requestId: r.id,
    });
    expect(await fee(r.id)).toBe("REFUNDED");
    expect(fake.calls).toHaveLength(0);
    await expect(
      refundPayment({ actor: admin, input: { paymentId, amount: 5500, reason: "again" } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { amount: ["fees.errors.refundTooLarge"] } });
    expect(await prisma.refund.count()).toBe(1);
  });

  it("a refund larger than the payment is refused and changes nothing", async () => {
    const { r, paymentId } = await paidByHand();
    const err = await refundPayment({ actor: admin, input: { paymentId, amount: 5501, reason: "too much" } }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).fieldErrors).toEqual({ amount: ["fees.errors.refundTooLarge"] });
    expect(await prisma.refund.count()).toBe(0);
    expect(await fee(r.id)).toBe("PAID");
    await expect(
      refundPayment({ actor: admin, input: { paymentId, amount: -1, reason: "negative" } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("partial refunds keep the fee paid until nothing is left, and never go below zero", async () => {
    const { r, paymentId } = await paidByHand();
    expect((await refundPayment({ actor: admin, input: { paymentId, amount: 500, reason: "一部返金" } })).fee).toBe(
      "PAID",
    );
    await expect(
      refundPayment({ actor: admin, input: { paymentId, amount: 5001, reason: "over" } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect((await refundPayment({ actor: admin, input: { paymentId, amount: 5000, reason: "残額" } })).fee).toBe(
      "REFUNDED",
    );
    await expect(
      refundPayment({ actor: admin, input: { paymentId, amount: 1, reason: "one more yen" } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const total = await prisma.refund.aggregate({ where: { requestId: r.id }, _sum: { amount: true } });
    expect(total._sum.amount).toBe(5500);
  });

  it("two admins refunding the whole payment at once refund it once", async () => {
    const { paymentId } = await paidByHand();
    const results = await Promise.allSettled([
      refundPayment({ actor: admin, input: { paymentId, amount: 5500, reason: "a" } }),
      refundPayment({ actor: admin, input: { paymentId, amount: 5500, reason: "b" } }),
    ]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.refund.count()).toBe(1);
  });

  it("a Stripe payment is refunded through Stripe's refunds API", async () => {
    const { r, paymentId } = await paidByStripe();
    const done = await refundPayment({ actor: admin, input: { paymentId, amount: 2000, reason: "一部返金" } });
    expect(done.stripeRefundId).toMatch(/^re_test_/);
    expect(fake.calls).toHaveLength(1);
    const call = fake.calls[0];
    expect(call?.path).toBe("/v1/refunds");
    expect(call?.body.get("payment_intent")).toBe(`pi_${r.id}`);
    expect(call?.body.get("amount")).toBe("2000");
    expect(call?.idempotencyKey).toBe(`madoguchi-refund-${done.refundId}`);
    expect(await prisma.refund.findUniqueOrThrow({ where: { id: done.refundId } })).toMatchObject({
      stripeRefundId: done.stripeRefundId,
      amount: 2000,
    });
    expect(await fee(r.id)).toBe("PAID");
  });

  it("when Stripe refuses, nothing is recorded", async () => {
    const { r, paymentId } = await paidByStripe();
    fake.failNext(400);
    await expect(
      refundPayment({ actor: admin, input: { paymentId, amount: 5500, reason: "x" } }),
    ).rejects.toMatchObject({ code: "UNAVAILABLE" });
    expect(await prisma.refund.count()).toBe(0);
    expect(await fee(r.id)).toBe("PAID");
    expect(await prisma.auditEvent.count({ where: { action: "fee.refunded" } })).toBe(0);
  });

  it("a STAFF user (or an officer) cannot refund", async () => {
    const { paymentId } = await paidByHand();
    await expect(refundPayment({ actor: staff, input: { paymentId, amount: 100, reason: "x" } })).rejects.toMatchObject(
      { code: "FORBIDDEN" },
    );
    await expect(
      refundPayment({ actor: officer, input: { paymentId, amount: 100, reason: "x" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await prisma.refund.count()).toBe(0);
  });
});
