import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { admin, createFeeRequest, officer, staff } from "@/tests/helpers/fee-fixtures";
import { recordPayment } from "@/lib/fees/record-payment";
import { feeFieldsForNewRequest, findTransferReferences, transferReferenceFor } from "@/lib/fees/transfer-reference";
import { feeSettled } from "@/lib/fees/fee-state";
import { paymentRequestMail } from "@/lib/fees/fee-mail";
import { stripeEnabled } from "@/lib/fees/stripe-client";
import { createCheckoutSession } from "@/lib/fees/stripe-checkout";
import { defaultSettings } from "@/lib/settings/settings-schema";
import { updateSettings } from "@/lib/settings/update-settings";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { AppError } from "@/lib/errors";

const today = new Date().toISOString().slice(0, 10);
const pay = (requestId: string, amount = 5500) => ({
  requestId,
  method: "BANK_TRANSFER" as const,
  paidOn: "2026-11-20",
  amount,
  payerName: "ﾔﾏﾀﾞ ﾊﾅｺ",
});

describe("transfer reference", () => {
  it("is a short ASCII code derived from the request reference", () => {
    expect(transferReferenceFor("DSR-2026-000123")).toBe("D2026000123");
    expect(transferReferenceFor("DSR-2027-1234567")).toBe("D20271234567");
    expect(() => transferReferenceFor("X-1")).toThrow();
  });

  it("is found in payer names written in full-width, with spaces or as the reference", () => {
    expect(findTransferReferences("Ｄ２０２６０００１２３　ﾔﾏﾀﾞ ﾊﾅｺ")).toEqual(["D2026000123"]);
    expect(findTransferReferences("d 2026 000123ヤマダハナコ")).toEqual(["D2026000123"]);
    expect(findTransferReferences("ヤマダ ハナコ DSR-2026-000123")).toEqual(["D2026000123"]);
    expect(findTransferReferences("ヤマダ ハナコ")).toEqual([]);
    expect(findTransferReferences("D2026000123 D2026000124")).toEqual(["D2026000123", "D2026000124"]);
  });

  it("is given only to requests that owe a fee", () => {
    expect(feeFieldsForNewRequest("DISCLOSURE", defaultSettings.fee, "DSR-2026-000007")).toMatchObject({
      fee: "AWAITING_PAYMENT",
      feeAmount: 5500,
      feeTaxAmount: 500,
      transferReference: "D2026000007",
    });
    expect(feeFieldsForNewRequest("CORRECTION", defaultSettings.fee, "DSR-2026-000008")).toMatchObject({
      fee: "NOT_REQUIRED",
      transferReference: null,
    });
  });

  it("a disclosure is publishable only when the fee is paid, waived or not required", () => {
    expect(feeSettled({ fee: "PAID" })).toBe(true);
    expect(feeSettled({ fee: "WAIVED" })).toBe(true);
    expect(feeSettled({ fee: "NOT_REQUIRED" })).toBe(true);
    expect(feeSettled({ fee: "AWAITING_PAYMENT" })).toBe(false);
    expect(feeSettled({ fee: "REFUNDED" })).toBe(false);
  });

  it("the payment request mail shows the account, the reference and the amount", () => {
    const mail = paymentRequestMail(
      {
        reference: "DSR-2026-000123",
        locale: "ja",
        feeAmount: 5500,
        feeTaxAmount: 500,
        transferReference: "D2026000123",
      },
      defaultSettings,
      { stripe: false },
    );
    expect(mail.text).toContain("D2026000123 ヤマダハナコ");
    expect(mail.text).toContain("みずほ銀行 船場支店 普通 1234567");
    expect(mail.text).toContain("5,500円（税込、うち消費税500円）");
    expect(mail.text).toContain("http://localhost:3000/status");
    expect(mail.text).not.toContain("今すぐ支払う");
  });
});

describe("recording a payment by hand", () => {
  beforeEach(resetDatabase);

  it("without Stripe keys, online payment is off and only the other means remain", async () => {
    expect(stripeEnabled()).toBe(false);
    const r = await createFeeRequest();
    await expect(createCheckoutSession({ actor: { type: "REQUESTER", requestId: r.id } })).rejects.toMatchObject({
      code: "UNAVAILABLE",
    });
  });

  it("marks the fee paid, issues the receipt and mails the requester, all audited", async () => {
    const r = await createFeeRequest();
    const result = await recordPayment({ actor: admin, input: pay(r.id) });
    expect(result.fee).toBe("PAID");
    expect(result.receipt?.number).toBe(`R-${r.reference.slice(4)}-1`);
    const after = await prisma.request.findUniqueOrThrow({ where: { id: r.id } });
    expect(after.fee).toBe("PAID");
    const payment = await prisma.payment.findUniqueOrThrow({ where: { id: result.paymentId } });
    expect(payment).toMatchObject({
      method: "BANK_TRANSFER",
      amount: 5500,
      payerName: "ﾔﾏﾀﾞ ﾊﾅｺ",
      recordedById: "admin-1",
    });
    expect(payment.paidOn.toISOString().slice(0, 10)).toBe("2026-11-20");
    const receipt = await prisma.receipt.findFirstOrThrow({ where: { requestId: r.id }, include: { file: true } });
    expect(receipt.file.role).toBe("RECEIPT_PDF");
    const mails = await prisma.outboxMessage.findMany();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toAddress: "hanako.yamada@example.com", kind: "fee.payment_received" });
    expect(mails[0]?.subject).toContain(r.reference);
    expect(mails[0]?.text).toContain(receipt.number);
    const notice = await prisma.notice.findFirstOrThrow({ where: { requestId: r.id } });
    expect(notice).toMatchObject({ kind: "PAYMENT_RECEIVED", channel: "EMAIL", outboxId: mails[0]?.id });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "fee.payment-recorded" } });
    expect(audit.data).toMatchObject({
      method: "BANK_TRANSFER",
      amount: 5500,
      feeFrom: "AWAITING_PAYMENT",
      feeTo: "PAID",
    });
    expect(JSON.stringify(audit.data)).not.toContain("ﾔﾏﾀﾞ");
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true });
  });

  it("keeps awaiting payment until partial payments add up to the fee", async () => {
    const r = await createFeeRequest();
    const first = await recordPayment({ actor: admin, input: { ...pay(r.id, 3000), method: "CASH" } });
    expect(first).toMatchObject({ fee: "AWAITING_PAYMENT", receipt: null });
    expect(await prisma.outboxMessage.count()).toBe(0);
    const second = await recordPayment({ actor: admin, input: { ...pay(r.id, 2500), method: "POSTAL_MONEY_ORDER" } });
    expect(second.fee).toBe("PAID");
    expect(await prisma.receipt.count({ where: { requestId: r.id, paymentId: second.paymentId } })).toBe(1);
  });

  it("mails in English to an English-speaking requester, and keeps a postal notice when there is no email", async () => {
    const en = await createFeeRequest({ locale: "en", email: "jane@example.com" });
    await recordPayment({ actor: admin, input: pay(en.id) });
    const mail = await prisma.outboxMessage.findFirstOrThrow();
    expect(mail.subject).toContain("We have received your fee");
    expect(mail.text).toContain("¥5,500");

    const paper = await createFeeRequest({ email: null });
    await recordPayment({ actor: admin, input: { ...pay(paper.id), method: "CASH" } });
    expect(await prisma.outboxMessage.count()).toBe(1);
    expect(await prisma.notice.findFirstOrThrow({ where: { requestId: paper.id } })).toMatchObject({
      channel: "POST",
      outboxId: null,
    });
  });

  it("refuses a payment on a request that is not awaiting payment, changing nothing", async () => {
    const correction = await createFeeRequest({ type: "CORRECTION" });
    await expect(recordPayment({ actor: admin, input: pay(correction.id) })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    const r = await createFeeRequest();
    await recordPayment({ actor: admin, input: pay(r.id) });
    await expect(recordPayment({ actor: admin, input: pay(r.id) })).rejects.toMatchObject({ code: "INVALID_STATE" });
    const abandoned = await createFeeRequest({ status: "ABANDONED" });
    await expect(recordPayment({ actor: admin, input: pay(abandoned.id) })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    expect(await prisma.payment.count()).toBe(1);
    await expect(recordPayment({ actor: admin, input: pay("nope") })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const r = await createFeeRequest();
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const err = await recordPayment({ actor: admin, input: { ...pay(r.id, 0), paidOn: future, payerName: " " } }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("INVALID_INPUT");
    expect((err as AppError).fieldErrors).toMatchObject({
      amount: ["fees.errors.amount"],
      paidOn: ["fees.errors.futureDate"],
      payerName: ["fees.errors.payerName"],
    });
    const err2 = await recordPayment({
      actor: admin,
      input: { ...pay(r.id, 55.5), method: "STRIPE" as "CASH", paidOn: today },
    }).catch((e: unknown) => e);
    expect((err2 as AppError).fieldErrors?.amount).toBeDefined();
    expect((err2 as AppError).fieldErrors?.method).toBeDefined();
    expect(await prisma.payment.count()).toBe(0);
  });

  it("a change of the fee in settings affects new requests only", async () => {
    const before = await createFeeRequest();
    await updateSettings({ actor: admin, key: "fee", value: { ...defaultSettings.fee, amount: 3300 } });
    const after = await createFeeRequest();
    expect(after).toMatchObject({ feeAmount: 3300, feeTaxAmount: 300 });
    expect((await recordPayment({ actor: admin, input: pay(before.id, 3300) })).fee).toBe("AWAITING_PAYMENT");
    expect((await recordPayment({ actor: admin, input: pay(before.id, 2200) })).fee).toBe("PAID");
    expect((await recordPayment({ actor: admin, input: pay(after.id, 3300) })).fee).toBe("PAID");
  });

  it("is for admins only", async () => {
    const r = await createFeeRequest();
    await expect(recordPayment({ actor: staff, input: pay(r.id) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(recordPayment({ actor: officer, input: pay(r.id) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      recordPayment({ actor: { type: "REQUESTER", requestId: r.id }, input: pay(r.id) }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await prisma.payment.count()).toBe(0);
  });
});
