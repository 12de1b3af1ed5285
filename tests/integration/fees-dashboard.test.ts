import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { admin, createFeeRequest, officer, staff } from "@/tests/helpers/fee-fixtures";
import { recordPayment } from "@/lib/fees/record-payment";
import { refundPayment, waiveFee } from "@/lib/fees/waive-refund";
import { importBankStatement } from "@/lib/fees/bank-statement";
import { exportFeesCsv, feeSummary, listFees, listUnmatchedBankLines } from "@/lib/fees/fee-dashboard";

// Six requests across two JST months. The first arrives at 00:30 on 1 November in Tokyo,
// which is still 31 October in UTC: it belongs to November.
async function seed() {
  const nov1 = new Date("2026-10-31T15:30:00Z");
  const nov = new Date("2026-11-10T03:00:00Z");
  const oct = new Date("2026-10-05T03:00:00Z");
  const bank = await createFeeRequest({ arrivedAt: nov1 });
  await recordPayment({
    actor: admin,
    input: { requestId: bank.id, method: "BANK_TRANSFER", paidOn: "2026-11-02", amount: 5500, payerName: "ﾔﾏﾀﾞ" },
  });
  const cash = await createFeeRequest({ arrivedAt: nov });
  await recordPayment({
    actor: admin,
    input: { requestId: cash.id, method: "CASH", paidOn: "2026-11-11", amount: 5500, payerName: "佐藤" },
  });
  const refunded = await createFeeRequest({ arrivedAt: oct });
  const p = await recordPayment({
    actor: admin,
    input: { requestId: refunded.id, method: "CASH", paidOn: "2026-10-06", amount: 5500, payerName: "鈴木" },
  });
  await refundPayment({ actor: admin, input: { paymentId: p.paymentId, amount: 5500, reason: "取り下げ" } });
  const waived = await createFeeRequest({ arrivedAt: oct });
  await waiveFee({ actor: admin, input: { requestId: waived.id, reason: "免除" } });
  const owing = await createFeeRequest({ arrivedAt: nov });
  const partial = await createFeeRequest({ arrivedAt: nov });
  await recordPayment({
    actor: admin,
    input: {
      requestId: partial.id,
      method: "POSTAL_MONEY_ORDER",
      paidOn: "2026-11-12",
      amount: 1000,
      payerName: "田中",
    },
  });
  await createFeeRequest({ type: "CORRECTION", arrivedAt: nov });
  return { bank, cash, refunded, waived, owing, partial };
}

describe("fee dashboard", () => {
  beforeEach(resetDatabase);

  it("sums paid and refunded by JST month and method, outstanding and waived by month", async () => {
    await seed();
    const s = await feeSummary({ actor: admin, input: { from: "2026-10", to: "2026-11" } });
    const refundMonth = new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Tokyo",
      year: "numeric",
      month: "2-digit",
    }).format(new Date());
    // Refunds count in the month they were made (now), payments in the month they were paid.
    expect(s.byMonthMethod).toEqual(
      expect.arrayContaining([
        {
          month: "2026-10",
          method: "CASH",
          paidCount: 1,
          paidAmount: 5500,
          refundedCount: refundMonth === "2026-10" ? 1 : 0,
          refundedAmount: refundMonth === "2026-10" ? 5500 : 0,
        },
        expect.objectContaining({ month: "2026-11", method: "BANK_TRANSFER", paidCount: 1, paidAmount: 5500 }),
        expect.objectContaining({ month: "2026-11", method: "CASH", paidCount: 1, paidAmount: 5500 }),
        expect.objectContaining({ month: "2026-11", method: "POSTAL_MONEY_ORDER", paidCount: 1, paidAmount: 1000 }),
      ]),
    );
    expect(s.byMonth).toEqual([
      { month: "2026-10", outstandingCount: 0, outstandingAmount: 0, waivedCount: 1, waivedAmount: 5500 },
      { month: "2026-11", outstandingCount: 2, outstandingAmount: 5500 + 4500, waivedCount: 0, waivedAmount: 0 },
    ]);
    const refunds = await feeSummary({ actor: admin, input: { from: refundMonth, to: refundMonth } });
    expect(refunds.byMonthMethod.find((c) => c.refundedCount > 0)).toMatchObject({
      method: "CASH",
      refundedCount: 1,
      refundedAmount: 5500,
    });
  });

  it("lists fees with filters by status, method and JST month, paginated", async () => {
    const { bank, cash, partial, owing, waived, refunded } = await seed();
    const all = await listFees({ actor: admin, input: {} });
    expect(all.total).toBe(6);
    expect(await listFees({ actor: admin, input: { status: "PAID" } })).toMatchObject({ total: 2 });
    const cashRows = await listFees({ actor: admin, input: { method: "CASH" } });
    expect(cashRows.rows.map((r) => r.reference).sort()).toEqual([cash.reference, refunded.reference].sort());
    const nov = await listFees({ actor: admin, input: { month: "2026-11" } });
    expect(nov.rows.map((r) => r.reference).sort()).toEqual(
      [bank.reference, cash.reference, owing.reference, partial.reference].sort(),
    );
    const octWaived = await listFees({ actor: admin, input: { month: "2026-10", status: "WAIVED" } });
    expect(octWaived.rows).toEqual([
      expect.objectContaining({ reference: waived.reference, fee: "WAIVED", outstanding: 0 }),
    ]);
    const p = (await listFees({ actor: admin, input: { status: "AWAITING_PAYMENT" } })).rows.find(
      (r) => r.requestId === partial.id,
    );
    expect(p).toMatchObject({
      paid: 1000,
      outstanding: 4500,
      methods: ["POSTAL_MONEY_ORDER"],
      lastPaidOn: "2026-11-12",
      arrivedOn: "2026-11-10",
    });
    expect((await listFees({ actor: admin, input: { status: "REFUNDED" } })).rows[0]).toMatchObject({
      paid: 5500,
      refunded: 5500,
      outstanding: 0,
    });
    const page1 = await listFees({ actor: admin, input: { pageSize: 4 } });
    const page2 = await listFees({ actor: admin, input: { pageSize: 4, page: 2 } });
    expect(page1.rows).toHaveLength(4);
    expect(page2.rows).toHaveLength(2);
    expect(new Set([...page1.rows, ...page2.rows].map((r) => r.requestId)).size).toBe(6);
    expect(
      (await listFees({ actor: admin, input: { month: "2026-11" } })).rows.find((r) => r.requestId === bank.id)
        ?.arrivedOn,
    ).toBe("2026-11-01");
  });

  it("exports exactly the filtered list as UTF-8 CSV with a BOM and CRLF", async () => {
    await seed();
    const filter = { month: "2026-11" } as const;
    const csv = await exportFeesCsv({ actor: admin, input: filter });
    expect([...csv.content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.content.subarray(3).toString("utf8");
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "受付番号,種別,受付日,手数料の状態,手数料,入金額,返金額,未収額,支払方法,最終入金日,振込照合番号",
    );
    const listed = (await listFees({ actor: admin, input: { ...filter, pageSize: 200 } })).rows.map((r) => r.reference);
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(listed);
    expect(csv.rows).toBe(4);
    expect(lines.find((l) => l.includes("定額小為替"))).toMatch(
      /,お支払い待ち,5500,1000,0,4500,定額小為替,2026-11-12,D2026/,
    );
    expect(csv.fileName).toBe("fees-2026-11.csv");
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { action: "fee.csv-exported" } })).toMatchObject({
      data: { filter: { month: "2026-11" }, rows: 4 },
    });
    const en = await exportFeesCsv({ actor: admin, input: { status: "WAIVED" }, locale: "en" });
    expect(en.content.toString("utf8")).toContain("Reference,Type,Arrived on");
    expect(en.rows).toBe(1);
  });

  it("lists bank lines still waiting for a decision", async () => {
    const r = await createFeeRequest();
    await importBankStatement({
      actor: admin,
      input: {
        fileName: "s.csv",
        content: Buffer.from(
          `2026/11/29,5500,${r.transferReference}\n2026/11/29,3000,ﾀﾅｶ\n2026/11/30,4000,${r.transferReference}\n`,
        ),
      },
    });
    const open = await listUnmatchedBankLines({ actor: admin });
    expect(open.total).toBe(2);
    expect(open.lines.map((l) => l.status)).toEqual(["UNKNOWN_REFERENCE", "ALREADY_SETTLED"]);
    expect(open.lines[1]?.request?.reference).toBe(r.reference);
    expect(open.lines[0]?.import.fileName).toBe("s.csv");
  });

  it("is for admins only", async () => {
    for (const actor of [staff, officer]) {
      await expect(feeSummary({ actor, input: { from: "2026-11", to: "2026-11" } })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(listFees({ actor, input: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(exportFeesCsv({ actor, input: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listUnmatchedBankLines({ actor })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(listFees({ actor: admin, input: { month: "2026-13" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });
});
