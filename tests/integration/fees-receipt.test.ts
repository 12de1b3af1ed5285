import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { admin, createFeeRequest, pdfText, staff } from "@/tests/helpers/fee-fixtures";
import { recordPayment } from "@/lib/fees/record-payment";
import { loadReceiptFile, reissueReceipt } from "@/lib/fees/receipt";
import { updateSettings } from "@/lib/settings/update-settings";
import { defaultSettings } from "@/lib/settings/settings-schema";

async function paidRequest(opts: { locale?: "ja" | "en" } = {}) {
  const r = await createFeeRequest(opts);
  const paid = await recordPayment({
    actor: admin,
    input: { requestId: r.id, method: "BANK_TRANSFER", paidOn: "2026-11-20", amount: 5500, payerName: "ﾔﾏﾀﾞ ﾊﾅｺ" },
  });
  const receiptId = paid.receipt?.id ?? "";
  return { r, receiptId, number: paid.receipt?.number ?? "" };
}

const flat = (text: string) => text.replace(/[ \t]+/g, " ");

describe("receipts", () => {
  beforeEach(resetDatabase);

  it("carry the qualified-invoice fields: issuer, registration number, date, description, amount, 10% and the tax", async () => {
    const { r, receiptId, number } = await paidRequest();
    const file = await loadReceiptFile({ actor: { type: "REQUESTER", requestId: r.id }, input: { receiptId } });
    expect(file.mimeType).toBe("application/pdf");
    expect(file.fileName).toBe(`receipt-${number}.pdf`);
    const text = flat(pdfText(file.content));
    expect(text).toContain("T1234567890123");
    expect(text).toContain("適格簡易請求書");
    expect(text).toContain("株式会社アズポケット");
    expect(text).toContain("2026年11月20日");
    expect(text).toContain(`個人情報開示請求手数料（${r.reference}）`);
    expect(text).toMatch(/金額（税込） 5,500円/);
    expect(text).toMatch(/適用税率 10%/);
    expect(text).toMatch(/消費税額等 500円/);
    expect(text).toContain("山田 花子 様");
    expect(text).not.toContain("再発行");
  });

  it("take the issuer's details from the settings in force", async () => {
    await updateSettings({
      actor: admin,
      key: "operator",
      value: { ...defaultSettings.operator, invoiceRegistrationNumber: "T9876543210987" },
    });
    const { r, receiptId } = await paidRequest();
    const text = pdfText(
      (await loadReceiptFile({ actor: { type: "REQUESTER", requestId: r.id }, input: { receiptId } })).content,
    );
    expect(text).toContain("T9876543210987");
    expect(text).not.toContain("T1234567890123");
  });

  it("are in English for an English-speaking requester", async () => {
    const { r, receiptId } = await paidRequest({ locale: "en" });
    const text = flat(
      pdfText((await loadReceiptFile({ actor: { type: "REQUESTER", requestId: r.id }, input: { receiptId } })).content),
    );
    expect(text).toContain("Registration number T1234567890123");
    expect(text).toMatch(/Tax rate 10%/);
    expect(text).toMatch(/Consumption tax ¥500/);
    expect(text).toContain("Azpocket Inc.");
  });

  it("a re-issue is a new receipt marked as such that points at the original", async () => {
    const { r, receiptId, number } = await paidRequest();
    const first = await reissueReceipt({ actor: admin, input: { receiptId } });
    expect(first.number).toBe(`${number}-R1`);
    const second = await reissueReceipt({ actor: admin, input: { receiptId: first.id } });
    expect(second.number).toBe(`${number}-R2`);
    expect(await prisma.receipt.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      reissueOf: receiptId,
      requestId: r.id,
    });
    const text = flat(
      pdfText(
        (await loadReceiptFile({ actor: { type: "REQUESTER", requestId: r.id }, input: { receiptId: first.id } }))
          .content,
      ),
    );
    expect(text).toContain("領収書（再発行）");
    expect(text).toContain(`原本番号 ${number}`);
    expect(text).toContain("T1234567890123");
    expect(await prisma.auditEvent.count({ where: { action: "fee.receipt-reissued" } })).toBe(2);
  });

  it("a requester sees only their own; staff downloads are audited; staff cannot re-issue", async () => {
    const { r, receiptId } = await paidRequest();
    const other = await createFeeRequest();
    await expect(
      loadReceiptFile({ actor: { type: "REQUESTER", requestId: other.id }, input: { receiptId } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(loadReceiptFile({ actor: null, input: { receiptId } })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    const file = await loadReceiptFile({ actor: staff, input: { receiptId } });
    expect(file.content.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { action: "fee.receipt-downloaded" } })).toMatchObject({
      actorId: "staff-1",
      requestId: r.id,
    });
    await expect(reissueReceipt({ actor: staff, input: { receiptId } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
