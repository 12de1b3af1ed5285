import { dateOnly } from "@/lib/dates";
import type { BankLineStatus } from "@/lib/generated/prisma/enums";
import { prisma, type Tx } from "@/lib/server/db";
import type { Actor, StaffActor } from "@/lib/audit/actor";
import { assertPermission } from "@/lib/server/permissions";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { sha256Hex } from "@/lib/server/crypto";
import { parseInput } from "@/lib/validation";
import { importBankStatementSchema, type ImportBankStatementInput } from "./fee-schemas";
import { parseStatement, type StatementLine } from "./bank-statement-csv";
import { findTransferReferences } from "./transfer-reference";
import { feeBalance, isUniqueViolation, lockFeeRequest, outstandingAmount, takesPayment } from "./fee-state";
import { applyPayment } from "./apply-payment";

// Importing a bank statement (format: bank-statement-csv.ts, docs/bank-statement-csv.md).
// A deposit is applied only when its payer name holds exactly one known transfer
// reference AND its amount is exactly what that request still owes; every other line
// is listed for an admin's decision (resolve-bank-line.ts). Nothing is guessed.
// The same file twice changes nothing (fileSha256), and a deposit already imported from
// another, overlapping statement is not imported again (lineHash).

export type BankImportSummary = {
  importId: string;
  fileName: string;
  importedAt: Date;
  /** True when this exact file had been imported before; the summary is that import's. */
  duplicateFile: boolean;
  lines: number;
  byStatus: Record<BankLineStatus, number>;
  /** Only for a fresh import: withdrawals skipped and deposits already imported from another file. */
  skippedWithdrawals: number;
  alreadyImported: number;
};

const emptyCounts = (): Record<BankLineStatus, number> => ({
  APPLIED: 0,
  AMOUNT_MISMATCH: 0,
  UNKNOWN_REFERENCE: 0,
  ALREADY_SETTLED: 0,
  RESOLVED: 0,
  DISMISSED: 0,
});

export async function bankImportSummary(
  importId: string,
  extra?: { skippedWithdrawals: number; alreadyImported: number },
): Promise<BankImportSummary> {
  const imp = await prisma.bankStatementImport.findUniqueOrThrow({ where: { id: importId } });
  const groups = await prisma.bankStatementLine.groupBy({
    by: ["status"],
    where: { importId },
    _count: { _all: true },
  });
  const byStatus = emptyCounts();
  for (const g of groups) byStatus[g.status] = g._count._all;
  return {
    importId,
    fileName: imp.fileName,
    importedAt: imp.importedAt,
    duplicateFile: !extra,
    lines: groups.reduce((n, g) => n + g._count._all, 0),
    byStatus,
    skippedWithdrawals: extra?.skippedWithdrawals ?? 0,
    alreadyImported: extra?.alreadyImported ?? 0,
  };
}

/** Decides one line and writes it (and, for an exact match, its payment). */
async function matchLine(tx: Tx, actor: StaffActor, importId: string, line: StatementLine): Promise<BankLineStatus> {
  const refs = findTransferReferences(line.payerName);
  const base = {
    importId,
    lineNo: line.lineNo,
    lineHash: line.lineHash,
    bookedOn: dateOnly(line.bookedOn),
    amount: line.amount,
    payerName: line.payerName,
  };
  const ref = refs.length === 1 ? refs[0] : undefined;
  const found = ref ? await tx.request.findUnique({ where: { transferReference: ref }, select: { id: true } }) : null;
  if (!ref || !found) {
    // No reference, several, or one no request carries.
    await tx.bankStatementLine.create({
      data: { ...base, reference: refs.join(" ").slice(0, 100) || null, status: "UNKNOWN_REFERENCE" },
    });
    return "UNKNOWN_REFERENCE";
  }
  const request = await lockFeeRequest(tx, found.id);
  if (!request) throw new Error("request vanished under lock");
  let status: BankLineStatus = "APPLIED";
  if (!takesPayment(request)) status = "ALREADY_SETTLED";
  else if (line.amount !== outstandingAmount(request.feeAmount, await feeBalance(tx, request.id)))
    status = "AMOUNT_MISMATCH";
  const row = await tx.bankStatementLine.create({
    data: { ...base, reference: ref, requestId: request.id, status },
    select: { id: true },
  });
  if (status === "APPLIED") {
    await applyPayment(tx, {
      actor,
      request,
      source: "bank-statement",
      payment: {
        method: "BANK_TRANSFER",
        amount: line.amount,
        paidOn: base.bookedOn,
        payerName: line.payerName,
        bankLineId: row.id,
        recordedById: actor.id,
      },
    });
  }
  return status;
}

export async function importBankStatement(opts: {
  actor: Actor | null;
  input: ImportBankStatementInput;
}): Promise<BankImportSummary> {
  const { actor } = opts;
  assertPermission(actor, "import:bank-statement");
  const input = parseInput(importBankStatementSchema, opts.input, "bank statement");
  const fileSha256 = sha256Hex(input.content);
  const parsed = parseStatement(input.content);

  // A concurrent import of the same file, or of another file sharing a deposit, loses on a
  // unique index; the retry then sees the winner's rows and changes nothing twice.
  for (let attempt = 1; ; attempt++) {
    const earlier = await prisma.bankStatementImport.findUnique({ where: { fileSha256 }, select: { id: true } });
    if (earlier) return bankImportSummary(earlier.id);
    try {
      const result = await prisma.$transaction(
        async (tx) => {
          const imp = await tx.bankStatementImport.create({
            data: { fileSha256, fileName: input.fileName, importedById: actor.id },
            select: { id: true },
          });
          const known = new Set(
            (
              await tx.bankStatementLine.findMany({
                where: { lineHash: { in: parsed.lines.map((l) => l.lineHash) } },
                select: { lineHash: true },
              })
            ).map((l) => l.lineHash),
          );
          const counts = emptyCounts();
          for (const line of parsed.lines) {
            if (known.has(line.lineHash)) continue;
            counts[await matchLine(tx, actor, imp.id, line)]++;
          }
          const alreadyImported = parsed.lines.filter((l) => known.has(l.lineHash)).length;
          await writeAuditEvent(tx, {
            actor,
            action: "fee.bank-statement-imported",
            entity: "BankStatementImport",
            entityId: imp.id,
            data: {
              encoding: parsed.encoding,
              applied: counts.APPLIED,
              amountMismatch: counts.AMOUNT_MISMATCH,
              unknownReference: counts.UNKNOWN_REFERENCE,
              alreadySettled: counts.ALREADY_SETTLED,
              alreadyImported,
              skippedWithdrawals: parsed.skipped,
            },
          });
          return { importId: imp.id, alreadyImported };
        },
        { timeout: 180_000, maxWait: 30_000 },
      );
      return bankImportSummary(result.importId, {
        skippedWithdrawals: parsed.skipped,
        alreadyImported: result.alreadyImported,
      });
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 3) throw e;
    }
  }
}
