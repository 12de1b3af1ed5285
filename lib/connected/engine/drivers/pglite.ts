import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { ConnectedSystemError } from "../errors";
import type { Driver, Row } from "./driver";
import { beginStatement, pgSession, timeoutSetting } from "./postgres";
import { toSafeError } from "./safe-errors";

// The embedded demo target: PostgreSQL compiled to WebAssembly, in a folder of its own. One
// instance per folder per process (PGlite is single-user), transactions queued one at a time.

type Instance = { db: PGlite; queue: Promise<unknown> };
const instances = new Map<string, Promise<Instance>>();

const rawTextTypes = [1082, 1083, 1114, 1184, 1266, 20, 1700, 1186];

function dirOf(url: string): string {
  const dir = url.replace(/^pglite:(\/\/)?/, "");
  if (!path.isAbsolute(dir))
    throw new ConnectedSystemError("UNREACHABLE", "The embedded database path must be absolute.");
  return dir;
}

async function instance(dir: string): Promise<Instance> {
  let p = instances.get(dir);
  if (!p) {
    p = (async () => {
      // PGlite creates the folder itself but not missing parents.
      if (!fs.existsSync(path.dirname(dir)))
        throw new ConnectedSystemError("UNREACHABLE", "The embedded database's parent folder does not exist.");
      const { PGlite } = await import("@electric-sql/pglite");
      const parsers = Object.fromEntries(rawTextTypes.map((oid) => [oid, (v: string) => v]));
      const db = await PGlite.create(dir, { parsers });
      return { db, queue: Promise.resolve() };
    })();
    instances.set(dir, p);
    p.catch(() => instances.delete(dir));
  }
  return p;
}

export function openPglite(url: string): Driver {
  const dir = dirOf(url);
  return {
    dialect: "postgres",
    async transaction(kind, timeoutMs, fn) {
      let inst: Instance;
      try {
        inst = await instance(dir);
      } catch (e) {
        throw e instanceof ConnectedSystemError
          ? e
          : new ConnectedSystemError("UNREACHABLE", "The embedded database could not be opened.");
      }
      const run = async () => {
        const { db } = inst;
        try {
          await db.query(beginStatement(kind));
          await db.query("SELECT set_config('statement_timeout', $1, true)", [timeoutSetting(timeoutMs)]);
          const session = pgSession(async (sql, params) => (await db.query(sql, params)).rows as Row[]);
          const result = await fn(session);
          await db.query("COMMIT");
          return result;
        } catch (e) {
          await db.query("ROLLBACK").catch(() => undefined);
          throw toSafeError(e, kind);
        }
      };
      const next = inst.queue.then(run, run);
      inst.queue = next.catch(() => undefined);
      return next;
    },
    async close() {},
  };
}

export async function closePglite(): Promise<void> {
  const all = [...instances.values()];
  instances.clear();
  for (const p of all) {
    const inst = await p.catch(() => null);
    await inst?.db.close().catch(() => undefined);
  }
}
