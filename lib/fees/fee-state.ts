import type { FeeStatus, RequestStatus } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/server/db";
import { endedStatuses } from "@/lib/requests/request-states";

// Fee arithmetic and the row lock every fee change takes first. Amounts are integer yen.

/** Art 6.3 / DESIGN §3: a disclosure may be published only when its fee is settled. */
export function feeSettled(request: { fee: FeeStatus }): boolean {
  return request.fee === "PAID" || request.fee === "WAIVED" || request.fee === "NOT_REQUIRED";
}

/** Requests whose business is over take no more payments (late money is listed, not applied). */

export function takesPayment(request: { fee: FeeStatus; status: RequestStatus }): boolean {
  return request.fee === "AWAITING_PAYMENT" && !endedStatuses.includes(request.status);
}

export type FeeBalance = { paid: number; refunded: number; net: number };

export async function feeBalance(db: Db, requestId: string): Promise<FeeBalance> {
  const [p, r] = await Promise.all([
    db.payment.aggregate({ where: { requestId }, _sum: { amount: true } }),
    db.refund.aggregate({ where: { requestId }, _sum: { amount: true } }),
  ]);
  const paid = p._sum.amount ?? 0;
  const refunded = r._sum.amount ?? 0;
  return { paid, refunded, net: paid - refunded };
}

/** What is still owed; never below zero. */
export function outstandingAmount(feeAmount: number, balance: FeeBalance): number {
  return Math.max(0, feeAmount - balance.net);
}

export const feeRequestSelect = {
  id: true,
  reference: true,
  type: true,
  status: true,
  fee: true,
  feeAmount: true,
  feeTaxAmount: true,
  feeTaxRatePct: true,
  transferReference: true,
  locale: true,
  email: true,
  subjectName: true,
  agentName: true,
  requesterKind: true,
  createdAt: true,
  arrivedAt: true,
  targetDays: true,
  pausedAt: true,
  pausedMs: true,
} satisfies Prisma.RequestSelect;

export type FeeRequest = Prisma.RequestGetPayload<{ select: typeof feeRequestSelect }>;

/**
 * Locks the request row for the rest of the transaction, so two payments, a payment and
 * a refund, or two webhook deliveries for the same request are applied one after the other.
 */
export async function lockFeeRequest(tx: Tx, requestId: string): Promise<FeeRequest | null> {
  await tx.$queryRaw`SELECT id FROM "Request" WHERE id = ${requestId} FOR UPDATE`;
  return tx.request.findUnique({ where: { id: requestId }, select: feeRequestSelect });
}

/**
 * A unique index refused a row. Prisma reports it as P2002 on PostgreSQL; through the
 * PGlite adapter the driver's error (SQLSTATE 23505) can reach us unwrapped.
 */
export function isUniqueViolation(e: unknown): boolean {
  if (e instanceof Prisma.PrismaClientKnownRequestError) return e.code === "P2002";
  const cause = e instanceof Error ? (e.cause as { kind?: string; code?: string } | undefined) : undefined;
  return cause?.kind === "UniqueConstraintViolation" || (cause?.kind === "postgres" && cause.code === "23505");
}
