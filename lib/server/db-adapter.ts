// The one place that decides which PostgreSQL Madoguchi talks to: a server through
// DATABASE_URL, or the embedded PGlite database under .data/ when none is set.
// Nothing else in the code knows which one is in use.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { onLastShutdown } from "./shutdown";
import { PGLITE_PG_MAJOR, pgliteStartParams } from "./pglite-options";
import { pgliteFolderVersion } from "./pglite-upgrade";
import { pgliteStatement, pgliteTransaction } from "./pglite-statements";

export type DatabaseTarget = { kind: "postgres"; url: string } | { kind: "pglite"; dataDir: string };

/** Placeholder the Prisma CLI needs in DATABASE_URL for `generate`; never a real target. */
export const PLACEHOLDER_URL = "postgresql://placeholder@localhost:5432/placeholder";

export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL;
  if (url && url !== PLACEHOLDER_URL) return { kind: "postgres", url };
  const dir = env.PGLITE_DIR || path.join(/*turbopackIgnore: true*/ process.cwd(), ".data", "pglite");
  const dataDir = dir.startsWith("memory://") ? dir : path.resolve(/*turbopackIgnore: true*/ dir);
  return { kind: "pglite", dataDir };
}

/**
 * prisma/orm#27403: @prisma/adapter-pg 6.x cannot read the `name` type (OID 19), which
 * `migrate deploy` and some catalog queries return. Reporting it as `text` (OID 25) is
 * lossless because `name` is transmitted as text.
 */
class NameAsTextClient extends pg.Client {
  // pg's query has many overloads; this forwards them all and only touches results.
  override query(...args: unknown[]): never {
    const rewrite = (result: unknown) => {
      const fields = (result as { fields?: { dataTypeID: number }[] } | undefined)?.fields;
      if (Array.isArray(fields)) for (const f of fields) if (f.dataTypeID === 19) f.dataTypeID = 25;
      return result;
    };
    const callback = args.length > 0 && typeof args[args.length - 1] === "function" ? args.pop() : undefined;
    if (callback) {
      const cb = callback as (err: Error | null, result: unknown) => void;
      return (super.query as (...a: unknown[]) => never)(...args, (err: Error | null, result: unknown) =>
        cb(err, err ? result : rewrite(result)),
      );
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    if (out && typeof (out as Promise<unknown>).then === "function") {
      return (out as Promise<unknown>).then(rewrite) as never;
    }
    return out as never;
  }
}

/**
 * Prisma sends LIMIT and OFFSET as bind parameters. After five executions PostgreSQL may
 * switch a prepared statement to a generic plan that does not know the LIMIT and sorts the
 * whole table: the queue's first page went from ~1 ms to tens of ms at 100,000 requests
 * (npm run bench). Planning each execution with its values costs far less than that on a
 * server; the embedded database does without it (pgliteFor).
 */
const PLAN_CACHE_MODE = "force_custom_plan";

/**
 * Next bundles lib/ into several chunks of the server (route handlers, pages,
 * instrumentation), each evaluating its own copy of this module. The instances and pools
 * live on globalThis, as the Prisma client does (db.ts): with a map per copy, the filing's
 * sqlTransaction opened the folder a second time beside Prisma's instance, a second
 * PostgreSQL on the same files and another 128 MB of WebAssembly memory (ADR 0023).
 */
const shared = globalThis as unknown as {
  madoguchiPglites?: Map<string, PGlite>;
  madoguchiPools?: Map<string, pg.Pool>;
};
const pglites = (shared.madoguchiPglites ??= new Map<string, PGlite>());

/**
 * One PGlite instance per data folder per process: PGlite is single-connection.
 * `from`, used only when the instance is first opened, starts it from a data folder dumped
 * with `dumpDataDir` instead of an empty one (the tests' migrated template: PGlite's initdb
 * alone takes seconds).
 */
export function pgliteFor(dataDir: string, from?: { loadDataDir: Blob | File }): PGlite {
  let db = pglites.get(dataDir);
  if (!db) {
    // PGlite does not create missing parent folders; memory:// needs none.
    if (!dataDir.startsWith("memory://")) {
      fs.mkdirSync(path.dirname(dataDir), { recursive: true });
      // The upgrade is asynchronous and runs in the database preparation of `npm start`
      // (migrate.ts); a folder that skipped it would fail with PGlite's own unclear error.
      const version = pgliteFolderVersion(dataDir);
      if (version !== null && version !== PGLITE_PG_MAJOR)
        throw new Error(
          `The embedded database in ${dataDir} was made by an older version of Madoguchi. Run \`npm run db:migrate\` (or \`npm start\`) once to upgrade it.`,
        );
    }
    // pg_trgm backs the provision search by name (migration 20261203031000, ADR 0024).
    db = new PGlite(dataDir, { startParams: pgliteStartParams(), extensions: { pg_trgm }, ...from });
    // PGlite keeps PostgreSQL's own plan_cache_mode (auto), unlike the pool below. Prisma's
    // statements reach it unnamed (its adapter calls query()), parsed afresh each time, and a
    // fresh statement is always planned with its values: the LIMIT problem cannot arise. The
    // named statements are the filing's own (pglite-statements.ts) and PL/pgSQL's; planning
    // them at every execution was ~0.4 ms each of WebAssembly CPU, 3 ms a filing (ADR 0022).
    pglites.set(dataDir, db);
    const opened = db;
    onLastShutdown(async () => {
      if (pglites.get(dataDir) !== opened) return;
      pglites.delete(dataDir);
      await opened.close();
    });
  }
  return db;
}

const pools = (shared.madoguchiPools ??= new Map<string, pg.Pool>());

/** One pool per database URL per process, shared by Prisma and sqlTransaction. */
function poolFor(url: string): pg.Pool {
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({
      connectionString: url,
      Client: NameAsTextClient as unknown as typeof pg.Client,
      max: Number(process.env.DATABASE_POOL_SIZE || 10),
      options: `-c plan_cache_mode=${PLAN_CACHE_MODE}`,
    });
    pools.set(url, pool);
  }
  return pool;
}

export function createAdapter(target: DatabaseTarget = databaseTarget()): SqlMigrationAwareDriverAdapterFactory {
  if (target.kind === "postgres") return new PrismaPg(poolFor(target.url));
  return new PrismaPGlite(pgliteFor(target.dataDir));
}

/** A statement with $n parameters; `name` makes it a prepared statement of the connection (of PGlite's session). */
export type SqlStatement = { name: string; text: string };
export type SqlQuery = <R>(statement: SqlStatement, values: unknown[]) => Promise<R[]>;

/**
 * One statement outside any transaction, sent by the driver itself: for the statements
 * before the filing's transaction (ADR 0022), where Prisma's per-call work and, on PGlite,
 * its six calls per query cost more than the statement. Values as text, so a timestamp
 * should come back as a number or a comparison: `pg` and PGlite parse them differently.
 */
export async function sqlQuery<R>(
  statement: SqlStatement,
  values: unknown[],
  target: DatabaseTarget = databaseTarget(),
): Promise<R[]> {
  if (target.kind === "pglite") return pgliteStatement<R>(pgliteFor(target.dataDir), { ...statement, values });
  return (await poolFor(target.url).query({ name: statement.name, text: statement.text, values })).rows as R[];
}

/**
 * Runs `fn` in one transaction on a connection of its own, sending statements straight
 * through the driver: for the online filing's hot path, where Prisma's per-call work cost
 * more than the statements (ADR 0017). Same pool (or PGlite instance) as Prisma; on PGlite
 * the transaction excludes every other query, as Prisma's own transactions do there, and
 * BEGIN and each statement go in one call (lib/server/pglite-statements.ts, ADR 0022).
 */
export async function sqlTransaction<T>(
  fn: (query: SqlQuery) => Promise<T>,
  target: DatabaseTarget = databaseTarget(),
): Promise<T> {
  if (target.kind === "pglite")
    return pgliteTransaction(pgliteFor(target.dataDir), (query) =>
      fn(<R>(st: SqlStatement, values: unknown[]) => query<R>({ ...st, values })),
    );
  const client = await poolFor(target.url).connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const out = await fn(
      async <R>(st: SqlStatement, values: unknown[]) =>
        (await client.query({ name: st.name, text: st.text, values })).rows as R[],
    );
    await client.query("COMMIT");
    return out;
  } catch (e) {
    await client.query("ROLLBACK").catch((err: unknown) => {
      // A connection that cannot roll back is not given back to the pool.
      broken = err instanceof Error ? err : new Error("rollback failed");
    });
    throw e;
  } finally {
    client.release(broken);
  }
}

/** Closes embedded databases, so another process (the app server) can open the folder. */
export async function closeEmbeddedDatabases(): Promise<void> {
  for (const [dir, db] of pglites) {
    await db.close();
    pglites.delete(dir);
  }
}
