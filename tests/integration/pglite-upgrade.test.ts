import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite as PGlite03 } from "@electric-sql/pglite-v03";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createAdapter, pgliteFor } from "@/lib/server/db-adapter";
import { migrate, MIGRATIONS_DIR } from "@/lib/server/migrate";
import { PGLITE_PG_MAJOR } from "@/lib/server/pglite-options";
import { pgliteFolderVersion } from "@/lib/server/pglite-upgrade";

// A desk created before ADR 0023 has a .data/pglite written by PGlite 0.3.8 (PostgreSQL 17).
// After `git pull && npm install && npm start` its rows must still be there.

const root = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-upgrade-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const migrationNames = fs
  .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

// A 0.3.8 desk can only have migrations from before PGlite 0.5.8 came (ADR 0023; the newest then
// was 20261202030000). Later ones may need what 0.3.8 cannot load (pg_trgm, 20261203031000), so
// the old desk stops one short of that era's newest and migrate() applies everything after it.
const beforeUpgrade = migrationNames.filter((name) => name < "20261202030000");
const pendingAfterUpgrade = migrationNames.filter((name) => !beforeUpgrade.includes(name));

/** What the app did with PGlite 0.3.8, recorded as migrate.ts records them. */
async function deskMadeByPglite03(dataDir: string): Promise<void> {
  const db = new PGlite03(dataDir);
  await db.exec(`CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT, "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
  for (const name of beforeUpgrade) {
    const body = fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8");
    await db.exec(body);
    await db.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
      [crypto.randomUUID(), crypto.createHash("sha256").update(body).digest("hex"), name],
    );
  }
  await db.query(
    `INSERT INTO "PolicyVersion" (id, version, "effectiveDate", "textJa", "textEn") VALUES ('pv-old', '2025-04', '2025-04-01', $1, 'Privacy policy')`,
    ["個人情報の取扱いについて（旧版）"],
  );
  await db.query(`INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('desk.name', $1, now())`, [
    JSON.stringify({ ja: "窓口", en: "Desk" }),
  ]);
  await db.close();
}

describe("an embedded database folder made by PGlite 0.3.8", () => {
  it("is upgraded on the app's preparation path and keeps its rows, the old folder kept as a backup", async () => {
    const dataDir = path.join(root, "pglite");
    await deskMadeByPglite03(dataDir);
    expect(pgliteFolderVersion(dataDir)).toBe("17");
    const target = { kind: "pglite" as const, dataDir };

    // Opened directly, before the upgrade, the folder is refused with a message saying what to run.
    expect(() => pgliteFor(dataDir)).toThrow(/npm run db:migrate/);

    // The preparation of `npm start` (scripts/prepare-db.ts) calls migrate(): it upgrades
    // the folder, then applies what the old desk had not applied yet.
    const applied = await migrate(target);
    expect(applied).toEqual(pendingAfterUpgrade);
    expect(pgliteFolderVersion(dataDir)).toBe(PGLITE_PG_MAJOR);
    expect(pgliteFolderVersion(`${dataDir}.pg17-backup`)).toBe("17");

    const prisma = new PrismaClient({ adapter: createAdapter(target) });
    try {
      const policy = await prisma.policyVersion.findUniqueOrThrow({ where: { id: "pv-old" } });
      expect(policy.textJa).toBe("個人情報の取扱いについて（旧版）");
      expect(policy.effectiveDate.toISOString().slice(0, 10)).toBe("2025-04-01");
      const setting = await prisma.setting.findUniqueOrThrow({ where: { key: "desk.name" } });
      expect(setting.value).toEqual({ ja: "窓口", en: "Desk" });
      // The restored database takes writes, and the next preparation has nothing to do.
      await prisma.setting.create({ data: { key: "after.upgrade", value: true } });
      expect(await migrate(target)).toEqual([]);
    } finally {
      await prisma.$disconnect();
      await pgliteFor(dataDir).close();
    }
  }, 240_000); // two initdb runs (PGlite 0.3 and the current one) and a dump: slow on a busy machine
});
