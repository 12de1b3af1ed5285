import iconv from "iconv-lite";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { admin, createFeeRequest, staff } from "@/tests/helpers/fee-fixtures";
import { importBankStatement } from "@/lib/fees/bank-statement";
import { parseStatement } from "@/lib/fees/bank-statement-csv";
import { resolveBankLine } from "@/lib/fees/resolve-bank-line";
import { recordPayment } from "@/lib/fees/record-payment";
import { AppError } from "@/lib/errors";

const csv = (text: string) => Buffer.from(text, "utf8");
const imp = (content: Buffer, fileName = "statement.csv") =>
  importBankStatement({ actor: admin, input: { fileName, content } });

describe("bank statement CSV parsing", () => {
  it("reads Shift_JIS with a header, full-width digits and commas, and skips withdrawals", () => {
    const text =
      '日付,摘要,出金額,入金額,残高\r\n２０２６／１１／２９,ﾌﾘｺﾐ D2026000001 ﾔﾏﾀﾞ ﾊﾅｺ,,"５，５００",100000\r\n2026/11/30,ﾃｽｳﾘｮｳ,440,,99560\r\n';
    const parsed = parseStatement(iconv.encode(text, "cp932"));
    expect(parsed.encoding).toBe("shift_jis");
    expect(parsed.skipped).toBe(1);
    expect(parsed.lines).toEqual([
      expect.objectContaining({
        lineNo: 2,
        bookedOn: "2026-11-29",
        amount: 5500,
        payerName: "ﾌﾘｺﾐ D2026000001 ﾔﾏﾀﾞ ﾊﾅｺ",
      }),
    ]);
  });

  it("reads UTF-8 with a BOM and without a header, in several date forms", () => {
    const parsed = parseStatement(
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        csv('2026-11-29,5500,A\n20261130,¥5,B\n2026年12月1日,5500円,"C, ""D"""\n'),
      ]),
    );
    expect(parsed.encoding).toBe("utf-8");
    expect(parsed.lines.map((l) => [l.bookedOn, l.amount, l.payerName])).toEqual([
      ["2026-11-29", 5500, "A"],
      ["2026-11-30", 5, "B"],
      ["2026-12-01", 5500, 'C, "D"'],
    ]);
  });

  it("tells two identical deposits in one file apart", () => {
    const parsed = parseStatement(csv("2026/11/29,5500,ﾔﾏﾀﾞ\n2026/11/29,5500,ﾔﾏﾀﾞ\n"));
    expect(new Set(parsed.lines.map((l) => l.lineHash)).size).toBe(2);
  });

  it("refuses the file naming each unreadable line", () => {
    const err = (() => {
      try {
        parseStatement(csv("取引日,金額,振込依頼人名\n2026/02/30,5500,A\n2026/11/29,5千,B\n2026/11/29\n"));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).fieldErrors).toEqual({
      "lines.2": ["fees.errors.csvDate"],
      "lines.3": ["fees.errors.csvAmount"],
      "lines.4": ["fees.errors.csvColumns"],
    });
  });
});

describe("importing a bank statement", () => {
  beforeEach(resetDatabase);

  it("applies the exact match and lists a wrong amount and an unknown reference", async () => {
    const a = await createFeeRequest();
    const b = await createFeeRequest();
    const file = csv(
      `取引日,金額,振込依頼人名\n2026/11/29,5500,${a.transferReference} ﾔﾏﾀﾞ ﾊﾅｺ\n2026/11/29,5000,${b.transferReference} ｻﾄｳ ｹﾝ\n2026/11/30,5500,D2099999999 ｽｽﾞｷ\n`,
    );
    const summary = await imp(file);
    expect(summary).toMatchObject({
      duplicateFile: false,
      lines: 3,
      byStatus: { APPLIED: 1, AMOUNT_MISMATCH: 1, UNKNOWN_REFERENCE: 1, ALREADY_SETTLED: 0 },
    });
    expect((await prisma.request.findUniqueOrThrow({ where: { id: a.id } })).fee).toBe("PAID");
    expect((await prisma.request.findUniqueOrThrow({ where: { id: b.id } })).fee).toBe("AWAITING_PAYMENT");
    const payment = await prisma.payment.findFirstOrThrow({ include: { receipts: true } });
    const line = await prisma.bankStatementLine.findFirstOrThrow({ where: { status: "APPLIED" } });
    expect(payment).toMatchObject({ requestId: a.id, method: "BANK_TRANSFER", amount: 5500, bankLineId: line.id });
    expect(payment.paidOn.toISOString().slice(0, 10)).toBe("2026-11-29");
    expect(payment.receipts).toHaveLength(1);
    expect(await prisma.outboxMessage.count()).toBe(1);
    const mismatch = await prisma.bankStatementLine.findFirstOrThrow({ where: { status: "AMOUNT_MISMATCH" } });
    expect(mismatch).toMatchObject({ requestId: b.id, reference: b.transferReference, amount: 5000 });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "fee.bank-statement-imported" } });
    expect(audit.data).toMatchObject({ applied: 1, amountMismatch: 1, unknownReference: 1 });
  });

  it("matches a Shift_JIS statement with full-width references and amounts", async () => {
    const a = await createFeeRequest();
    const fullWidth = (a.transferReference ?? "").replace(/[0-9A-Z]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) + 0xfee0),
    );
    const summary = await imp(iconv.encode(`2026/11/29,"５，５００",${fullWidth}　ﾔﾏﾀﾞ ﾊﾅｺ\r\n`, "cp932"), "sjis.csv");
    expect(summary.byStatus.APPLIED).toBe(1);
    expect((await prisma.request.findUniqueOrThrow({ where: { id: a.id } })).fee).toBe("PAID");
  });

  it("importing the same file twice changes nothing and returns the earlier summary", async () => {
    const a = await createFeeRequest();
    const file = csv(`2026/11/29,5500,${a.transferReference} ﾔﾏﾀﾞ\n2026/11/29,1000,ｼﾗﾅｲﾋﾄ\n`);
    const first = await imp(file);
    const second = await imp(file, "renamed.csv");
    expect(second).toMatchObject({
      importId: first.importId,
      duplicateFile: true,
      fileName: "statement.csv",
      byStatus: first.byStatus,
    });
    expect(await prisma.bankStatementImport.count()).toBe(1);
    expect(await prisma.bankStatementLine.count()).toBe(2);
    expect(await prisma.payment.count()).toBe(1);
    expect(await prisma.auditEvent.count({ where: { action: "fee.bank-statement-imported" } })).toBe(1);
  });

  it("does not apply a deposit twice when overlapping statements both hold it", async () => {
    const a = await createFeeRequest();
    const b = await createFeeRequest();
    const lineA = `2026/11/29,5500,${a.transferReference} ﾔﾏﾀﾞ`;
    await imp(csv(`${lineA}\n`), "november.csv");
    const second = await imp(
      csv(`${lineA.replace("2026/11/29", "2026-11-29")}\n2026/12/01,5500,${b.transferReference} ｻﾄｳ\n`),
      "december.csv",
    );
    expect(second).toMatchObject({ duplicateFile: false, lines: 1, alreadyImported: 1, byStatus: { APPLIED: 1 } });
    expect(await prisma.payment.count()).toBe(2);
    expect(await prisma.payment.count({ where: { requestId: a.id } })).toBe(1);
  });

  it("lists a deposit for a request already paid or closed as already settled", async () => {
    const paid = await createFeeRequest();
    await recordPayment({
      actor: admin,
      input: { requestId: paid.id, method: "CASH", paidOn: "2026-11-28", amount: 5500, payerName: "山田" },
    });
    const withdrawn = await createFeeRequest({ status: "WITHDRAWN" });
    const summary = await imp(
      csv(`2026/11/29,5500,${paid.transferReference}\n2026/11/29,5500,${withdrawn.transferReference}\n`),
    );
    expect(summary.byStatus).toMatchObject({ ALREADY_SETTLED: 2, APPLIED: 0 });
    expect(await prisma.payment.count()).toBe(1);
  });

  it("writes nothing for an unreadable file", async () => {
    await expect(imp(csv("2026/11/29,abc,X\n"))).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(imp(Buffer.alloc(0))).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await prisma.bankStatementImport.count()).toBe(0);
  });

  it("the same file imported three times at once is imported once", async () => {
    const a = await createFeeRequest();
    const file = csv(`2026/11/29,5500,${a.transferReference} ﾔﾏﾀﾞ\n`);
    const results = await Promise.all([imp(file), imp(file), imp(file)]);
    expect(new Set(results.map((r) => r.importId)).size).toBe(1);
    expect(results.filter((r) => !r.duplicateFile)).toHaveLength(1);
    expect(await prisma.payment.count()).toBe(1);
    expect(await prisma.receipt.count()).toBe(1);
  });

  it("is for admins only", async () => {
    await expect(
      importBankStatement({ actor: staff, input: { fileName: "x.csv", content: csv("2026/11/29,5500,X\n") } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("resolving a listed bank line", () => {
  beforeEach(resetDatabase);

  async function listed() {
    const a = await createFeeRequest();
    await imp(csv(`2026/11/29,5000,${a.transferReference}\n2026/11/30,5500,ﾔﾏﾀﾞ ﾊﾅｺ\n`));
    const short = await prisma.bankStatementLine.findFirstOrThrow({ where: { status: "AMOUNT_MISMATCH" } });
    const unknown = await prisma.bankStatementLine.findFirstOrThrow({ where: { status: "UNKNOWN_REFERENCE" } });
    return { a, short, unknown };
  }

  it("applies an unknown-reference line to the chosen request only with explicit confirmation", async () => {
    const { a, unknown } = await listed();
    const err = await resolveBankLine({
      actor: admin,
      input: { action: "APPLY", lineId: unknown.id, requestId: a.id, confirm: false as true },
    }).catch((e: unknown) => e);
    expect((err as AppError).fieldErrors?.confirm).toEqual(["fees.errors.confirm"]);
    const done = await resolveBankLine({
      actor: admin,
      input: { action: "APPLY", lineId: unknown.id, requestId: a.id, confirm: true, note: "電話で確認" },
    });
    expect(done.status).toBe("RESOLVED");
    expect(await prisma.bankStatementLine.findUniqueOrThrow({ where: { id: unknown.id } })).toMatchObject({
      status: "RESOLVED",
      requestId: a.id,
      resolvedById: "admin-1",
      note: "電話で確認",
    });
    expect((await prisma.request.findUniqueOrThrow({ where: { id: a.id } })).fee).toBe("PAID");
    expect(await prisma.payment.findFirstOrThrow({ where: { bankLineId: unknown.id } })).toMatchObject({
      amount: 5500,
      method: "BANK_TRANSFER",
    });
    await expect(
      resolveBankLine({ actor: admin, input: { action: "APPLY", lineId: unknown.id, requestId: a.id, confirm: true } }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("a short payment applied by hand leaves the rest owing", async () => {
    const { a, short } = await listed();
    await resolveBankLine({
      actor: admin,
      input: { action: "APPLY", lineId: short.id, requestId: a.id, confirm: true },
    });
    expect((await prisma.request.findUniqueOrThrow({ where: { id: a.id } })).fee).toBe("AWAITING_PAYMENT");
  });

  it("dismisses with a note, which is required", async () => {
    const { unknown } = await listed();
    await expect(
      resolveBankLine({ actor: admin, input: { action: "DISMISS", lineId: unknown.id, note: " " } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await resolveBankLine({ actor: admin, input: { action: "DISMISS", lineId: unknown.id, note: "振込人へ返金済み" } });
    expect(await prisma.bankStatementLine.findUniqueOrThrow({ where: { id: unknown.id } })).toMatchObject({
      status: "DISMISSED",
      note: "振込人へ返金済み",
    });
    expect(await prisma.auditEvent.count({ where: { action: "fee.bank-line-dismissed" } })).toBe(1);
  });

  it("is for admins only", async () => {
    const { unknown } = await listed();
    await expect(
      resolveBankLine({ actor: staff, input: { action: "DISMISS", lineId: unknown.id, note: "x" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
