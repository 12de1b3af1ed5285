import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { databaseTarget } from "@/lib/server/db-adapter";
import { jobHandlers, schedules } from "@/lib/jobs/registry";
import "@/lib/jobs/handlers";
import { EMBEDDED_VACUUM_JOB, vacuumEmbeddedDatabase } from "@/lib/operations/embedded-maintenance";

// PGlite has no autovacuum: the worker's daily job vacuums and analyses the embedded database.
const embedded = databaseTarget().kind === "pglite";

async function seedAndUpdate(): Promise<void> {
  await prisma.request.createMany({
    data: Array.from({ length: 2_000 }, (_, i) => ({
      reference: `DSR-2026-8${String(i).padStart(5, "0")}`,
      type: "DISCLOSURE" as const,
      identity: "PENDING" as const,
      fee: "NOT_REQUIRED" as const,
      arrivedAt: new Date(Date.UTC(2026, 0, 1 + (i % 300))),
      targetDays: 14,
      subjectName: "保守 確認",
    })),
  });
  // Every row updated once: 2,000 dead tuples until something vacuums.
  await prisma.request.updateMany({ data: { targetDays: 30 } });
}

describe("embedded database maintenance", () => {
  beforeEach(resetDatabase);

  it("is a daily scheduled job", () => {
    expect(jobHandlers.has(EMBEDDED_VACUUM_JOB)).toBe(true);
    expect(schedules.find((s) => s.kind === EMBEDDED_VACUUM_JOB)).toEqual({
      kind: EMBEDDED_VACUUM_JOB,
      everyMinutes: 24 * 60,
    });
  });

  it.runIf(embedded)(
    "vacuums and analyses PGlite: the dead rows are gone and the planner knows the table",
    async () => {
      await seedAndUpdate();
      const before = await prisma.$queryRaw<{ reltuples: number }[]>`
      SELECT reltuples::float8 AS reltuples FROM pg_class WHERE relname = 'Request'`;
      expect(before[0]?.reltuples ?? 0).toBeLessThan(2_000);

      expect(await vacuumEmbeddedDatabase()).toBe(true);

      const after = await prisma.$queryRaw<
        { reltuples: number; dead: bigint; last_vacuum: Date | null; last_analyze: Date | null }[]
      >`
      SELECT c.reltuples::float8 AS reltuples, s.n_dead_tup AS dead, s.last_vacuum, s.last_analyze
      FROM pg_class c JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.relname = 'Request'`;
      expect(after[0]?.reltuples).toBe(2_000);
      expect(Number(after[0]?.dead)).toBe(0);
      expect(after[0]?.last_vacuum).not.toBeNull();
      expect(after[0]?.last_analyze).not.toBeNull();
    },
  );

  it.runIf(!embedded)("leaves a PostgreSQL server to its autovacuum", async () => {
    expect(await vacuumEmbeddedDatabase()).toBe(false);
  });
});
