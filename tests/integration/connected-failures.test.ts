import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { jobHandlers } from "@/lib/jobs/registry";
import "@/lib/jobs/handlers";
import { runDueJobs } from "@/lib/jobs/run-due-jobs";
import { demoMapYaml } from "@/lib/connected/demo";
import { saveConnection } from "@/lib/connected/save-connection";
import { MapInvalidError, exportDatasetMap, saveDatasetMap } from "@/lib/connected/save-map";
import { checkConnection } from "@/lib/connected/check-connection";
import { startCollection } from "@/lib/connected/start-collection";
import { getConnectedView } from "@/lib/connected/connected-view";
import { getConnectionView } from "@/lib/connected/connection-view";
import { addExclusion } from "@/lib/connected/exclusions";
import { approveChangePlan, executeChangePlan } from "@/lib/connected/run-change-plan";
import { completeTask } from "@/lib/tasks/complete-task";
import { upsertSystemOfRecord } from "@/lib/tasks/data-map";
import {
  actors,
  connectSystem,
  dumpAppDatabase,
  hanakoRequest,
  mariaTarget,
  type Target,
} from "./connected-app-helpers";

// What goes wrong: a system that is down or refuses the credentials falls back to a by-hand
// task with the reason (never an empty result), and the connection password appears in no
// table, no log line and no view the app produces. Plus who may do what, and bad maps.

const PASSWORD = "Zq8-sealed-Pw-4417";
const collectAll = () => runDueJobs(prisma, jobHandlers, { workerName: "test" });

/** Everything written to the process's output while `fn` runs (console and raw stdout/stderr). */
async function captureLogs(fn: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  const spies = [
    vi.spyOn(console, "log").mockImplementation(keep),
    vi.spyOn(console, "info").mockImplementation(keep),
    vi.spyOn(console, "warn").mockImplementation(keep),
    vi.spyOn(console, "debug").mockImplementation(keep),
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => (keep(chunk), true)),
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (keep(chunk), true)),
  ];
  try {
    await fn();
  } finally {
    for (const s of spies) s.mockRestore();
  }
  return lines.join("\n");
}

describe("connected databases: failures, secrets and permissions", () => {
  beforeEach(resetDatabase);

  it("falls back to a by-hand task with the reason when the database is down or refuses the password, and the password is nowhere", async () => {
    const { admin, staff } = await actors();
    let logs = "";
    let views = "";
    logs += await captureLogs(async () => {
      // Nothing listens on 3859 (this suite's own range): refused connection.
      const down = await upsertSystemOfRecord({
        actor: admin,
        input: { key: "down-db", nameJa: "停止中", nameEn: "Down", owner: "x", categories: [1], handling: "CONNECTED" },
      });
      await saveConnection({
        actor: admin,
        input: {
          systemId: down.id,
          dialect: "postgres",
          readUrl: `postgresql://madoguchi_read:${PASSWORD}@127.0.0.1:3859/service`,
          writeUrl: `postgresql://madoguchi_write:${PASSWORD}@127.0.0.1:3859/service`,
        },
      });
      await saveDatasetMap({ actor: admin, input: { systemId: down.id, mapText: demoMapYaml("postgres") } });
      // MariaDB is up but root has no password: a wrong one is refused.
      const refused = await upsertSystemOfRecord({
        actor: admin,
        input: {
          key: "refused-db",
          nameJa: "認証失敗",
          nameEn: "Refused",
          owner: "x",
          categories: [1],
          handling: "CONNECTED",
        },
      });
      await saveConnection({
        actor: admin,
        input: { systemId: refused.id, dialect: "mysql", readUrl: `mysql://root:${PASSWORD}@127.0.0.1:3306/test` },
      });
      await saveDatasetMap({ actor: admin, input: { systemId: refused.id, mapText: demoMapYaml("mysql") } });

      const check = await checkConnection({ actor: admin, input: { systemId: down.id } });
      expect(check).toMatchObject({ ok: false, errorCode: "UNREACHABLE" });
      expect((await checkConnection({ actor: admin, input: { systemId: refused.id } })).errorCode).toBe("AUTH_FAILED");

      const r = await hanakoRequest();
      expect(await startCollection({ actor: staff, input: { requestId: r.id } })).toEqual({ queued: 2 });
      expect(await collectAll()).toMatchObject({ done: 2, failed: 0 }); // the job itself never fails: the collection records why
      const view = await getConnectedView({ actor: staff, input: { requestId: r.id } });
      const bySystem = Object.fromEntries(view.map((s) => [s.key, s.collection]));
      expect(bySystem["down-db"]).toMatchObject({ status: "FAILED", failureCode: "UNREACHABLE", result: null });
      expect(bySystem["refused-db"]).toMatchObject({ status: "FAILED", failureCode: "AUTH_FAILED", result: null });
      const tasks = await prisma.task.findMany({ where: { requestId: r.id }, orderBy: { createdAt: "asc" } });
      expect(tasks.map((t) => [t.action, t.status])).toEqual([
        ["COLLECT", "OPEN"],
        ["COLLECT", "OPEN"],
      ]);
      expect(tasks.map((t) => t.instructions).join("\n")).toMatch(
        /UNREACHABLE[\s\S]*AUTH_FAILED|AUTH_FAILED[\s\S]*UNREACHABLE/,
      );
      // The by-hand task is an ordinary task: staff record what they found.
      const [first] = tasks;
      if (!first) throw new Error("task expected");
      await completeTask({
        actor: staff,
        input: {
          taskId: first.id,
          version: first.version,
          status: "DONE",
          note: "担当部署に照会し、データを受領しました。",
        },
      });

      views = JSON.stringify({
        view,
        check,
        conn: await getConnectionView({ actor: admin, input: { systemId: down.id } }),
        exported: await exportDatasetMap({ actor: admin, input: { systemId: down.id } }),
      });
    });
    const everything = `${await dumpAppDatabase()}\n${logs}\n${views}`;
    expect(everything).toContain("UNREACHABLE"); // the dump is real
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain("madoguchi_read");
    const jobs = await prisma.job.findMany({ select: { lastError: true } });
    expect(jobs.every((j) => j.lastError === null)).toBe(true);
  }, 120_000);

  it("lets only admins connect systems and edit maps, only officers approve plans, and refuses bad maps with line and column", async () => {
    const { admin, officer, staff } = await actors();
    const { id } = await upsertSystemOfRecord({
      actor: admin,
      input: { key: "svc", nameJa: "サービス", nameEn: "Service", owner: "x", categories: [1], handling: "CONNECTED" },
    });
    const connection = {
      systemId: id,
      dialect: "postgres" as const,
      readUrl: "postgresql://postgres@127.0.0.1:5432/postgres",
    };
    for (const actor of [staff, officer]) {
      await expect(saveConnection({ actor, input: connection })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(
        saveDatasetMap({ actor, input: { systemId: id, mapText: demoMapYaml("postgres") } }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(checkConnection({ actor, input: { systemId: id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getConnectionView({ actor, input: { systemId: id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      saveConnection({ actor: admin, input: { ...connection, readUrl: "mysql://root@127.0.0.1/x" } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { readUrl: ["connected.errors.urlInvalid"] } });
    await saveConnection({ actor: admin, input: connection });
    // A later save without a URL keeps the sealed one (the field is write-only).
    await saveConnection({ actor: admin, input: { systemId: id, dialect: "postgres" } });
    expect(await getConnectionView({ actor: admin, input: { systemId: id } })).toMatchObject({
      hasReadUrl: true,
      hasWriteUrl: false,
      target: "postgresql://127.0.0.1:5432/postgres",
    });

    const broken = demoMapYaml("postgres").replace("primaryKey:", "primaryKeys:");
    const err = await saveDatasetMap({ actor: admin, input: { systemId: id, mapText: broken } }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(MapInvalidError);
    const problems = (err as MapInvalidError).problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.line).toBeGreaterThan(1);
    expect(problems[0]?.path).toMatch(/^tables\.0/);
    const syntax = await saveDatasetMap({
      actor: admin,
      input: { systemId: id, mapText: "version: 1\ntables: [\n" },
    }).catch((e: unknown) => e);
    expect((syntax as MapInvalidError).problems[0]?.line).toBeGreaterThanOrEqual(2);
    await expect(
      saveDatasetMap({ actor: admin, input: { systemId: id, mapText: demoMapYaml("mysql") } }),
    ).rejects.toMatchObject({ fieldErrors: { mapText: ["connected.errors.mapDialect"] } });
    expect(await prisma.connectedSystem.findUniqueOrThrow({ where: { systemId: id } })).toMatchObject({
      mapYaml: null,
    });
    await saveDatasetMap({ actor: admin, input: { systemId: id, mapText: demoMapYaml("postgres") } });
    const exported = await exportDatasetMap({ actor: admin, input: { systemId: id } });
    expect(exported?.fileName).toBe("svc-dataset-map.yaml");
    expect(exported?.yaml).toContain("members");

    // Plans: staff cannot approve; the planner cannot approve their own.
    const r = await hanakoRequest({ type: "SUSPENSION", status: "DECIDED" });
    const plan = await prisma.changePlan.create({
      data: { requestId: r.id, systemId: id, kind: "ERASURE", planSealed: "x", createdById: officer.id },
    });
    await expect(approveChangePlan({ actor: staff, input: { planId: plan.id } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(approveChangePlan({ actor: officer, input: { planId: plan.id } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(executeChangePlan({ actor: staff, input: { planId: plan.id } })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    await expect(
      addExclusion({
        actor: { type: "SYSTEM" },
        input: { collectionId: "x", table: "members", rowKey: { id: 1 }, ground: "BUSINESS_IMPEDIMENT" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  }, 120_000);
});

describe("connected databases: collection on MariaDB", () => {
  let target: Target;
  beforeAll(async () => {
    target = await mariaTarget("maria");
  });
  afterAll(async () => {
    await target.drop();
  });
  afterEach(resetDatabase);

  it("collects the same person through the MySQL dialect", async () => {
    const { admin, staff } = await actors();
    await connectSystem(admin, target);
    const r = await hanakoRequest();
    await startCollection({ actor: staff, input: { requestId: r.id } });
    await collectAll();
    const [view] = await getConnectedView({ actor: staff, input: { requestId: r.id } });
    expect(view?.collection?.status).toBe("DONE");
    const tables = Object.fromEntries((view?.collection?.result?.tables ?? []).map((t) => [t.table, t.rows.length]));
    expect(tables).toMatchObject({ members: 1, payments: 2, refunds: 1, login_history: 2 });
  }, 120_000);
});
