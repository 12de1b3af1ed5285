// Applies prisma/migrations in order and records them in Prisma's own
// `_prisma_migrations` table (same checksum), so `prisma migrate status` and
// `migrate deploy` agree with it. It runs in-process on both PGlite and PostgreSQL,
// which keeps start-up and per-test databases fast and offline (ADR 0002).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { databaseTarget, pgliteFor, type DatabaseTarget } from "./db-adapter";
import { upgradePgliteFolder } from "./pglite-upgrade";

type Sql = {
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
};

async function connect(target: DatabaseTarget): Promise<Sql> {
  if (target.kind === "pglite") {
    // A folder made by PGlite 0.3 (before ADR 0023) is dumped and restored before it is opened.
    const backup = await upgradePgliteFolder(target.dataDir);
    if (backup) console.log(`Upgraded the embedded database; the previous folder is kept in ${backup}.`);
    const db = pgliteFor(target.dataDir);
    await db.waitReady;
    return {
      exec: async (sql) => void (await db.exec(sql)),
      query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
      close: async () => {},
    };
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  return {
    exec: async (sql) => void (await client.query(sql)),
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    close: () => client.end(),
  };
}

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

export async function migrate(target: DatabaseTarget = databaseTarget(), dir = MIGRATIONS_DIR): Promise<string[]> {
  const sql = await connect(target);
  try {
    await sql.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`);
    const done = new Set(
      (
        await sql.query<{ migration_name: string }>(
          `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
        )
      ).map((r) => r.migration_name),
    );
    const names = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const applied: string[] = [];
    for (const name of names) {
      if (done.has(name)) continue;
      const body = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = crypto.createHash("sha256").update(body).digest("hex");
      // The migration and its record commit together or not at all.
      await sql.exec("BEGIN");
      try {
        await sql.exec(body);
        await sql.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
          [crypto.randomUUID(), checksum, name],
        );
        await sql.exec("COMMIT");
      } catch (e) {
        await sql.exec("ROLLBACK");
        throw e;
      }
      applied.push(name);
    }
    return applied;
  } finally {
    await sql.close();
  }
}
