import { dateOnly } from "@/lib/dates";
import { prisma } from "@/lib/server/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/audit/actor";
import { assertPermission } from "@/lib/server/permissions";
import { parseInput } from "@/lib/validation";
import { recordPaymentSchema, type RecordPaymentInput } from "./fee-schemas";
import { lockFeeRequest, takesPayment } from "./fee-state";
import { applyPayment, type AppliedPayment } from "./apply-payment";

/**
 * An admin records a payment received outside Stripe (Art 6.3 "bank transfer or other
 * means"): a transfer seen on the account, a postal money order (定額小為替) or cash at
 * the counter. Only a request awaiting payment takes one.
 */
export async function recordPayment(opts: { actor: Actor | null; input: RecordPaymentInput }): Promise<AppliedPayment> {
  const { actor } = opts;
  assertPermission(actor, "record:payment");
  const input = parseInput(recordPaymentSchema, opts.input, "payment");
  return prisma.$transaction(
    async (tx) => {
      const request = await lockFeeRequest(tx, input.requestId);
      if (!request) throw new AppError("NOT_FOUND", "request");
      if (!takesPayment(request)) throw new AppError("INVALID_STATE", `fee ${request.fee}, status ${request.status}`);
      return applyPayment(tx, {
        actor,
        request,
        source: "manual",
        payment: {
          method: input.method,
          amount: input.amount,
          paidOn: dateOnly(input.paidOn),
          payerName: input.payerName,
          recordedById: actor.id,
        },
      });
    },
    { timeout: 30_000 },
  );
}
