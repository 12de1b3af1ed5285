import type { PrismaClient } from "@/lib/generated/prisma/client";
import { backoffSeconds } from "@/lib/mail/deliver-outbox";

export type JobContext = { prisma: PrismaClient; jobId: string; workerName: string };
export type JobHandler = (payload: unknown, ctx: JobContext) => Promise<void>;

type ClaimedJob = { id: string; kind: string; payload: unknown; attempts: number; maxAttempts: number };

// A RUNNING job whose worker died is picked up again after this long.
const STALE_MINUTES = 10;

/**
 * Claims due jobs with FOR UPDATE SKIP LOCKED, so two workers never run the same job,
 * then runs each and records the outcome. Failures retry with backoff until maxAttempts.
 */
export async function runDueJobs(
  prisma: PrismaClient,
  handlers: ReadonlyMap<string, JobHandler>,
  opts: { workerName: string; batch?: number },
): Promise<{ done: number; failed: number }> {
  const kinds = [...handlers.keys()];
  if (kinds.length === 0) return { done: 0, failed: 0 };
  const jobs = await prisma.$queryRaw<ClaimedJob[]>`
    UPDATE "Job" SET status = 'RUNNING', "lockedAt" = now(), "lockedBy" = ${opts.workerName}, attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "Job"
      WHERE kind = ANY(${kinds}) AND "runAt" <= now()
        AND (status = 'PENDING' OR (status = 'RUNNING' AND "lockedAt" < now() - make_interval(mins => ${STALE_MINUTES})))
      ORDER BY "runAt" LIMIT ${opts.batch ?? 10}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, payload, attempts, "maxAttempts"`;
  let done = 0;
  let failed = 0;
  for (const job of jobs) {
    const handler = handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for ${job.kind}`);
      await handler(job.payload, { prisma, jobId: job.id, workerName: opts.workerName });
      await prisma.job.update({
        where: { id: job.id },
        data: { status: "DONE", finishedAt: new Date(), lastError: null },
      });
      done++;
    } catch (e) {
      const giveUp = job.attempts >= job.maxAttempts;
      await prisma.job.update({
        where: { id: job.id },
        data: {
          status: giveUp ? "FAILED" : "PENDING",
          lastError: (e instanceof Error ? e.message : String(e)).slice(0, 300),
          runAt: new Date(Date.now() + backoffSeconds(job.attempts) * 1000),
          finishedAt: giveUp ? new Date() : null,
        },
      });
      failed++;
    }
  }
  return { done, failed };
}
