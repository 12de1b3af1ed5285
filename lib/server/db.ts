import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapter } from "./db-adapter";

// One client per process; in development Next reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { madoguchiPrisma?: PrismaClient };

/**
 * Every write appends to the audit chain under one advisory lock, so under a burst
 * transactions queue for it. Prisma's defaults (2 s to get a connection, 5 s per
 * transaction) turned a burst of 50 submissions into errors; waiting longer turns it into
 * a short delay (tests/e2e/load.spec.ts).
 */
export const prisma: PrismaClient =
  globalForPrisma.madoguchiPrisma ??
  new PrismaClient({ adapter: createAdapter(), transactionOptions: { maxWait: 15_000, timeout: 30_000 } });
globalForPrisma.madoguchiPrisma = prisma;

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type Db = PrismaClient | Tx;
