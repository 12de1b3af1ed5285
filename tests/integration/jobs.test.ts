import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { runDueJobs, type JobHandler } from "@/lib/jobs/run-due-jobs";
import { scheduleDueSlots } from "@/lib/jobs/worker";
import { registerJob, schedules } from "@/lib/jobs/registry";

describe("jobs", () => {
  beforeEach(resetDatabase);

  it("two workers started together on 100 jobs run each exactly once", async () => {
    const runs = new Map<string, string[]>();
    const handler: JobHandler = async (payload, ctx) => {
      const n = String((payload as { n: number }).n);
      runs.set(n, [...(runs.get(n) ?? []), ctx.workerName]);
      await new Promise((r) => setTimeout(r, 1));
    };
    const handlers = new Map([["test.count", handler]]);
    for (let n = 0; n < 100; n++) await enqueueJob(prisma, { kind: "test.count", payload: { n } });

    const work = async (name: string) => {
      for (;;) {
        const { done, failed } = await runDueJobs(prisma, handlers, { workerName: name, batch: 5 });
        if (done + failed === 0) return;
      }
    };
    await Promise.all([work("worker-a"), work("worker-b")]);

    expect(runs.size).toBe(100);
    expect([...runs.values()].every((w) => w.length === 1)).toBe(true);
    expect(await prisma.job.count({ where: { status: "DONE" } })).toBe(100);
  });

  it("retries a failing job with backoff, then gives up after its attempts", async () => {
    const handlers = new Map<string, JobHandler>([["test.fail", () => Promise.reject(new Error("boom"))]]);
    const job = await enqueueJob(prisma, { kind: "test.fail", maxAttempts: 2 });
    expect(await runDueJobs(prisma, handlers, { workerName: "w" })).toEqual({ done: 0, failed: 1 });
    const retry = await prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(retry).toMatchObject({ status: "PENDING", attempts: 1, lastError: "boom" });
    expect(retry.runAt.getTime()).toBeGreaterThan(Date.now());
    await prisma.job.update({ where: { id: job.id }, data: { runAt: new Date(0) } });
    await runDueJobs(prisma, handlers, { workerName: "w" });
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "FAILED",
      attempts: 2,
    });
  });

  it("creates one row per scheduled slot, so a restart does not run a slot twice", async () => {
    registerJob("test.hourly", async () => {}, { everyMinutes: 60 });
    const now = new Date("2026-11-29T10:15:00Z");
    await scheduleDueSlots(prisma, now);
    await scheduleDueSlots(prisma, new Date("2026-11-29T10:45:00Z"));
    expect(await prisma.job.count({ where: { kind: "test.hourly" } })).toBe(1);
    await scheduleDueSlots(prisma, new Date("2026-11-29T11:01:00Z"));
    expect(await prisma.job.count({ where: { kind: "test.hourly" } })).toBe(2);
    schedules.splice(
      schedules.findIndex((s) => s.kind === "test.hourly"),
      1,
    );
  });
});
