import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/server/db";

export type JobInput = {
  kind: string;
  payload?: Prisma.InputJsonValue;
  runAt?: Date;
  uniqueKey?: string;
  maxAttempts?: number;
};

/** Adds a job; with a uniqueKey, adding the same job twice is a no-op. */
export async function enqueueJob(db: Db, job: JobInput): Promise<{ id: string }> {
  if (job.uniqueKey) {
    return db.job.upsert({
      where: { uniqueKey: job.uniqueKey },
      create: {
        kind: job.kind,
        payload: job.payload ?? {},
        runAt: job.runAt,
        uniqueKey: job.uniqueKey,
        maxAttempts: job.maxAttempts,
      },
      update: {},
      select: { id: true },
    });
  }
  return db.job.create({
    data: { kind: job.kind, payload: job.payload ?? {}, runAt: job.runAt, maxAttempts: job.maxAttempts },
    select: { id: true },
  });
}
