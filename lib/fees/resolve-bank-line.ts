import type { BankLineStatus } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/server/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/audit/actor";
import { assertPermission } from "@/lib/server/permissions";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { parseInput } from "@/lib/validation";
import { resolveBankLineSchema, type ResolveBankLineInput } from "./fee-schemas";
import { lockFeeRequest, takesPayment } from "./fee-state";
import { applyPayment } from "./apply-payment";

export const openBankLineStatuses: readonly BankLineStatus[] = [
  "AMOUNT_MISMATCH",
  "UNKNOWN_REFERENCE",
  "ALREADY_SETTLED",
];

/**
 * An admin decides a listed bank line: apply it to a request they chose and confirmed
 * (the amount is what arrived, so a short payment leaves the fee awaiting the rest), or
 * dismiss it with a note (e.g. returned to the payer, or not a fee at all).
 */
export async function resolveBankLine(opts: {
  actor: Actor | null;
  input: ResolveBankLineInput;
}): Promise<{ lineId: string; status: BankLineStatus; paymentId: string | null }> {
  const { actor } = opts;
  assertPermission(actor, "import:bank-statement");
  const input = parseInput(resolveBankLineSchema, opts.input, "bank line");
  return prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT id FROM "BankStatementLine" WHERE id = ${input.lineId} FOR UPDATE`;
      const line = await tx.bankStatementLine.findUnique({ where: { id: input.lineId } });
      if (!line) throw new AppError("NOT_FOUND", "bank line");
      if (!openBankLineStatuses.includes(line.status)) throw new AppError("INVALID_STATE", `line ${line.status}`);
      const resolved = { resolvedById: actor.id, resolvedAt: new Date(), note: input.note ?? null };
      if (input.action === "DISMISS") {
        await tx.bankStatementLine.update({ where: { id: line.id }, data: { ...resolved, status: "DISMISSED" } });
        await writeAuditEvent(tx, {
          actor,
          action: "fee.bank-line-dismissed",
          entity: "BankStatementLine",
          entityId: line.id,
          requestId: line.requestId,
          data: { from: line.status },
        });
        return { lineId: line.id, status: "DISMISSED" as const, paymentId: null };
      }
      const request = await lockFeeRequest(tx, input.requestId);
      if (!request) throw new AppError("NOT_FOUND", "request");
      if (!takesPayment(request)) throw new AppError("INVALID_STATE", `fee ${request.fee}, status ${request.status}`);
      await tx.bankStatementLine.update({
        where: { id: line.id },
        data: { ...resolved, status: "RESOLVED", requestId: request.id },
      });
      const applied = await applyPayment(tx, {
        actor,
        request,
        source: "bank-line",
        payment: {
          method: "BANK_TRANSFER",
          amount: line.amount,
          paidOn: line.bookedOn,
          payerName: line.payerName,
          bankLineId: line.id,
          recordedById: actor.id,
        },
      });
      await writeAuditEvent(tx, {
        actor,
        action: "fee.bank-line-resolved",
        entity: "BankStatementLine",
        entityId: line.id,
        requestId: request.id,
        data: { from: line.status, paymentId: applied.paymentId, amount: line.amount },
      });
      return { lineId: line.id, status: "RESOLVED" as const, paymentId: applied.paymentId };
    },
    { timeout: 30_000 },
  );
}
