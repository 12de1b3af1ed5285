// An embedded database folder made by PGlite 0.3 (PostgreSQL 17) cannot be opened by the
// PGlite Madoguchi now runs (PostgreSQL 18): "PGlite failed to initialize properly". It is
// dumped with the old PGlite and restored into a new folder, and the old folder is kept
// beside it as a backup (ADR 0023). Runs where folders are opened asynchronously: the
// database preparation of `npm start` and the connected demo target's driver.
import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PGLITE_PG_MAJOR, pgliteStartParams } from "./pglite-options";

/** The major PostgreSQL version of a PGlite folder, or null when there is no database in it yet. */
export function pgliteFolderVersion(dataDir: string): string | null {
  const file = path.join(dataDir, "PG_VERSION");
  return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : null;
}

/** Where the folder as PGlite 0.3 left it is kept after a successful upgrade; never over an older backup. */
export function pgliteBackupDir(dataDir: string, version: string): string {
  const first = `${dataDir}.pg${version}-backup`;
  return fs.existsSync(first) ? `${first}-${Date.now()}` : first;
}

/** PGlite 0.3.x wrote PostgreSQL 17 folders; older ones (0.2, PostgreSQL 16) it cannot open either. */
const UPGRADABLE_FROM = "17";

const restoredDir = (dataDir: string) => `${dataDir}.upgraded`;

type Dump = { sql: string; rowCounts: Record<string, number> };

const COUNT_TABLES = `SELECT format('%I.%I', schemaname, relname) AS name FROM pg_stat_user_tables ORDER BY 1`;

async function rowCounts(query: (sql: string) => Promise<{ rows: unknown[] }>): Promise<Record<string, number>> {
  const tables = (await query(COUNT_TABLES)).rows as { name: string }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables)
    counts[name] = Number(((await query(`SELECT count(*) AS n FROM ${name}`)).rows[0] as { n: number | string }).n);
  return counts;
}

/**
 * pg_dump of PGlite 0.5 talks the wire protocol through `execProtocolRawStream`, which
 * PGlite 0.3 lacks; 0.3's synchronous `execProtocolRawSync` answers the same messages. Its
 * single-user backend never sees a startup packet, so the one pg_dump sends is answered
 * here as PGlite 0.3's own pg_dump did: authentication ok, the server version, ready.
 */
async function dumpWithPglite03(dataDir: string): Promise<Dump> {
  const { PGlite: PGlite03 } = await import("@electric-sql/pglite-v03");
  const { pgDump } = await import("@electric-sql/pglite-tools/pg_dump");
  const old = new PGlite03(dataDir);
  try {
    await old.waitReady;
    const version = (await old.query<{ server_version: string }>("SHOW server_version")).rows[0]?.server_version;
    const startupReply = startupAnswer(version ?? PGLITE_PG_MAJOR);
    const rowsBefore = await rowCounts((sql) => old.query(sql));
    const wire = {
      query: (sql: string) => old.query(sql),
      exec: (sql: string) => old.exec(sql),
      execProtocolRawStream: async (message: Uint8Array, options?: { onRawData?: (data: Uint8Array) => void }) => {
        options?.onRawData?.(message[0] === 0 ? startupReply : old.execProtocolRawSync(message));
      },
    };
    // pgDump uses only these three methods of the instance it is given.
    const file = await pgDump({ pg: wire as unknown as PGlite });
    return { sql: await file.text(), rowCounts: rowsBefore };
  } finally {
    await old.close();
  }
}

function startupAnswer(serverVersion: string): Uint8Array {
  const text = (s: string) => [...new TextEncoder().encode(s), 0];
  const int32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
  const name = text("server_version");
  const value = text(serverVersion);
  const R = 82, S = 83, Z = 90, I = 73; // prettier-ignore
  return new Uint8Array([
    ...[R, ...int32(8), ...int32(0)],
    ...[S, ...int32(4 + name.length + value.length), ...name, ...value],
    ...[Z, ...int32(5), I],
  ]);
}

async function restore(dump: Dump, into: string): Promise<void> {
  const { PGlite: PGliteNew } = await import("@electric-sql/pglite");
  fs.rmSync(into, { recursive: true, force: true });
  const db = new PGliteNew(into, { startParams: pgliteStartParams() });
  try {
    await db.waitReady;
    await db.exec(dump.sql);
    const after = await rowCounts((sql) => db.query(sql));
    for (const [table, n] of Object.entries(dump.rowCounts))
      if (after[table] !== n) throw new Error(`${table}: ${n} rows before the upgrade, ${after[table] ?? 0} after`);
  } finally {
    await db.close();
  }
}

/**
 * Makes `dataDir` a folder the current PGlite opens. Returns the backup folder when it
 * upgraded one, null when there was nothing to do. The old folder is moved aside only once
 * the restored copy holds every row; a start interrupted between the two renames finishes
 * them on the next one.
 */
export async function upgradePgliteFolder(dataDir: string): Promise<string | null> {
  if (dataDir.startsWith("memory://")) return null;
  const restored = restoredDir(dataDir);
  if (pgliteFolderVersion(dataDir) === null && pgliteFolderVersion(restored) === PGLITE_PG_MAJOR) {
    fs.renameSync(restored, dataDir);
    return null;
  }
  const version = pgliteFolderVersion(dataDir);
  if (version === null || version === PGLITE_PG_MAJOR) return null;
  if (version !== UPGRADABLE_FROM)
    throw new Error(
      `The embedded database in ${dataDir} is PostgreSQL ${version}, which this version of Madoguchi cannot upgrade. Move the folder aside to start with a new database.`,
    );
  const working = `${dataDir}.upgrading`;
  const dump = await dumpWithPglite03(dataDir);
  await restore(dump, working);
  fs.renameSync(working, restored);
  const backup = pgliteBackupDir(dataDir, version);
  fs.renameSync(dataDir, backup);
  fs.renameSync(restored, dataDir);
  return backup;
}
