import type { PrismaClient } from "@/lib/generated/prisma/client";
import { deliverOutbox } from "@/lib/mail/deliver-outbox";
import { enqueueJob } from "./enqueue-job";
import { jobHandlers, schedules } from "./registry";
import { runDueJobs } from "./run-due-jobs";
import "./handlers";
import { errorFields, logger } from "@/lib/server/log";
import { onShutdown } from "@/lib/server/shutdown";

export type WorkerOptions = { name: string; intervalMs?: number; prisma?: PrismaClient };

/** Makes sure each scheduled kind has a row for its current slot (idempotent). */
export async function scheduleDueSlots(prisma: PrismaClient, now = new Date()): Promise<void> {
  for (const s of schedules) {
    const slotMs = s.everyMinutes * 60_000;
    const slot = Math.floor(now.getTime() / slotMs) * slotMs;
    await enqueueJob(prisma, {
      kind: s.kind,
      uniqueKey: `${s.kind}@${new Date(slot).toISOString()}`,
      runAt: new Date(slot),
    });
  }
}

export async function workerTick(prisma: PrismaClient, name: string): Promise<void> {
  await scheduleDueSlots(prisma);
  await deliverOutbox(prisma);
  await runDueJobs(prisma, jobHandlers, { workerName: name });
}

export type RunningWorker = {
  /** Stops polling and resolves once the tick in progress (and the jobs it claimed) finished. */
  stop: () => Promise<void>;
};

let running: RunningWorker | undefined;

/** Polls in the background; ticks never overlap, and errors never crash the server. */
export function startWorker(opts: WorkerOptions): RunningWorker {
  if (running) return running;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let tick: Promise<void> = Promise.resolve();
  const log = logger().child({ worker: opts.name });
  const loop = async () => {
    if (stopped) return;
    try {
      const prisma = opts.prisma ?? (await import("@/lib/server/db")).prisma;
      await workerTick(prisma, opts.name);
    } catch (e) {
      log.error(errorFields(e), "worker tick failed");
    }
    if (!stopped) timer = setTimeout(run, opts.intervalMs ?? Number(process.env.WORKER_INTERVAL_MS || 2000));
  };
  const run = () => {
    tick = loop();
  };
  timer = setTimeout(run, 500);
  const removeHook = onShutdown(() => self.stop());
  const self: RunningWorker = {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      removeHook();
      if (running === self) running = undefined;
      await tick;
    },
  };
  running = self;
  return self;
}
