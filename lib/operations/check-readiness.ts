import type { PrismaClient } from "@/lib/generated/prisma/client";
import { storage } from "@/lib/files/storage";
import { isDraining } from "@/lib/server/shutdown";

/** Mail older than this is reported as stale (it does not make the server unready). */
export const MAIL_STALE_AFTER_SECONDS = 15 * 60;

export type Readiness = {
  ready: boolean;
  draining: boolean;
  database: "ok" | "failed";
  storage: "ok" | "failed";
  mail: { backlog: number; oldestSeconds: number; status: "ok" | "stale" | "unknown" };
};

async function settle(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([p.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether this server should get traffic: it can reach the database and the file store and
 * is not shutting down. A mail backlog is reported but does not take the server out of the
 * load balancer: a slow SMTP relay is not fixed by sending requests elsewhere (alert on
 * madoguchi_mail_backlog_age_seconds instead).
 */
export async function checkReadiness(db: PrismaClient): Promise<Readiness> {
  const [database, files] = await Promise.all([settle(db.$queryRaw`SELECT 1`, 3000), settle(storage().check(), 3000)]);
  let mail: Readiness["mail"] = { backlog: 0, oldestSeconds: 0, status: "unknown" };
  if (database) {
    const [backlog, oldest] = await Promise.all([
      db.outboxMessage.count({ where: { status: "PENDING" } }),
      db.outboxMessage.findFirst({
        where: { status: "PENDING" },
        orderBy: { createdAt: "asc" },
        select: { createdAt: true },
      }),
    ]);
    const oldestSeconds = oldest ? Math.round((Date.now() - oldest.createdAt.getTime()) / 1000) : 0;
    mail = { backlog, oldestSeconds, status: oldestSeconds > MAIL_STALE_AFTER_SECONDS ? "stale" : "ok" };
  }
  const draining = isDraining();
  return {
    ready: database && files && !draining,
    draining,
    database: database ? "ok" : "failed",
    storage: files ? "ok" : "failed",
    mail,
  };
}
