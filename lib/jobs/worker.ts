import type { PrismaClient } from "@/lib/generated/prisma/client";
import { deliverOutbox } from "@/lib/mail/deliver-outbox";
import { enqueueJob } from "./enqueue-job";
import { jobHandlers, schedules } from "./registry";
import { runDueJobs } from "./run-due-jobs";
import "./handlers";

export type WorkerOptions = { name: string; intervalMs?: number; prisma?: PrismaClient };

/** Makes sure each scheduled kind has a row for its current slot (idempotent). */
export async function scheduleDueSlots(prisma: PrismaClient, now = new Date()): Promise<void> {
  for (const s of schedules) {
    const slotMs = s.everyMinutes * 60_000;
    const slot = Math.floor(now.getTime() / slotMs) * slotMs;
    await enqueueJob(prisma, { kind: s.kind, uniqueKey: `${s.kind}@${new Date(slot).toISOString()}`, runAt: new Date(slot) });
  }
}

export async function workerTick(prisma: PrismaClient, name: string): Promise<void> {
  await scheduleDueSlots(prisma);
  await deliverOutbox(prisma);
  await runDueJobs(prisma, jobHandlers, { workerName: name });
}

let running: { stop: () => void } | undefined;

/** Polls in the background; ticks never overlap, and errors never crash the server. */
export function startWorker(opts: WorkerOptions): { stop: () => void } {
  if (running) return running;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const loop = async () => {
    if (stopped) return;
    try {
      const prisma = opts.prisma ?? (await import("@/lib/server/db")).prisma;
      await workerTick(prisma, opts.name);
    } catch (e) {
      console.error(`[worker] tick failed: ${e instanceof Error ? e.message.slice(0, 200) : "unknown"}`);
    }
    if (!stopped) timer = setTimeout(loop, opts.intervalMs ?? Number(process.env.WORKER_INTERVAL_MS || 2000));
  };
  timer = setTimeout(loop, 500);
  running = {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      running = undefined;
    },
  };
  return running;
}
