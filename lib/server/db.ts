import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapter } from "./db-adapter";

// One client per process; in development Next reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { madoguchiPrisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.madoguchiPrisma ?? new PrismaClient({ adapter: createAdapter() });
globalForPrisma.madoguchiPrisma = prisma;

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type Db = PrismaClient | Tx;
