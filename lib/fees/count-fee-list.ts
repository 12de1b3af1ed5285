import { Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/server/db";
import type { FeeListFilterValues } from "./fee-schemas";

/**
 * The fee list's total for its filters. The rollup keeps, in the transaction of every write, the
 * requests with a fee per JST month of arrival and fee state (kind "fee", migration
 * 20261204010000, ADR 0024): the status and month filters select rollup rows, so the total reads
 * a few dozen small rows at any volume, where counting the requests read every request with a
 * fee (17,141 heap rows at 100,000 requests in the bench). A payment method is not a key of
 * those rows (a request may have paid by several methods, or by none), so with a method filter
 * the requests are counted as before, by the list's own `where`.
 */
export async function countFeeList(filter: FeeListFilterValues, where: Prisma.RequestWhereInput): Promise<number> {
  if (filter.method) return prisma.request.count({ where });
  const [row] = await prisma.$queryRaw<{ total: bigint }[]>`
    SELECT coalesce(sum(n), 0)::bigint AS total FROM "ReportRollup"
    WHERE kind = 'fee'
      ${filter.month ? Prisma.sql`AND month = ${filter.month}` : Prisma.empty}
      ${filter.status ? Prisma.sql`AND k1 = ${filter.status}` : Prisma.empty}`;
  return Number(row?.total ?? 0);
}
