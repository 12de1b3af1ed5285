import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "@/tests/helpers/db";
import { admin, createFeeRequest, staff } from "@/tests/helpers/fee-fixtures";
import { recordPayment } from "@/lib/fees/record-payment";
import { refundPayment } from "@/lib/fees/waive-refund";
import { reissueReceipt } from "@/lib/fees/receipt";
import { requesterFeeView, staffFeeView } from "@/lib/fees/fee-overview";

describe("fee views for the status page and the console", () => {
  beforeEach(resetDatabase);

  it("shows the requester how to pay while payment is awaited (no online payment without Stripe keys)", async () => {
    const r = await createFeeRequest();
    const view = await requesterFeeView({ actor: { type: "REQUESTER", requestId: r.id } });
    expect(view).toMatchObject({
      fee: "AWAITING_PAYMENT",
      feeAmount: 5500,
      feeTaxAmount: 500,
      paid: 0,
      outstanding: 5500,
      receipts: [],
    });
    expect(view.payment).toMatchObject({
      transferReference: r.transferReference,
      canPayOnline: false,
      bank: { accountNumber: "1234567" },
    });
    expect(view.payment?.methods).not.toContain("STRIPE");
  });

  it("after payment shows the receipts and no payment details", async () => {
    const r = await createFeeRequest();
    const paid = await recordPayment({
      actor: admin,
      input: { requestId: r.id, method: "CASH", paidOn: "2026-11-20", amount: 5500, payerName: "山田" },
    });
    await reissueReceipt({ actor: admin, input: { receiptId: paid.receipt?.id ?? "" } });
    const view = await requesterFeeView({ actor: { type: "REQUESTER", requestId: r.id } });
    expect(view).toMatchObject({ fee: "PAID", paid: 5500, outstanding: 0, payment: null });
    expect(view.receipts.map((x) => x.reissued)).toEqual([false, true]);
    await expect(requesterFeeView({ actor: staff })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("gives staff the payments, what is still refundable, refunds and receipts", async () => {
    const r = await createFeeRequest();
    const { paymentId } = await recordPayment({
      actor: admin,
      input: { requestId: r.id, method: "BANK_TRANSFER", paidOn: "2026-11-20", amount: 5500, payerName: "ﾔﾏﾀﾞ ﾊﾅｺ" },
    });
    await refundPayment({ actor: admin, input: { paymentId, amount: 500, reason: "過入金" } });
    const view = await staffFeeView({ actor: staff, requestId: r.id });
    expect(view).toMatchObject({ fee: "PAID", paid: 5500, refunded: 500, outstanding: 0, takesPayment: false });
    expect(view.payments).toEqual([
      expect.objectContaining({
        id: paymentId,
        method: "BANK_TRANSFER",
        paidOn: "2026-11-20",
        payerName: "ﾔﾏﾀﾞ ﾊﾅｺ",
        refundable: 5000,
        viaStripe: false,
      }),
    ]);
    expect(view.refunds).toEqual([expect.objectContaining({ amount: 500, reason: "過入金", viaStripe: false })]);
    expect(view.receipts).toHaveLength(1);
    await expect(
      staffFeeView({ actor: { type: "REQUESTER", requestId: r.id }, requestId: r.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(staffFeeView({ actor: staff, requestId: "missing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
