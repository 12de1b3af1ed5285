import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { ConnectedSystemError } from "../errors";
import type { Driver, Row } from "./driver";
import { beginStatement, pgSession, timeoutSetting } from "./postgres";
import { toSafeError } from "./safe-errors";

// The embedded demo target: PostgreSQL compiled to WebAssembly, in a folder of its own. One
// instance per folder per process (PGlite is single-user), transactions queued one at a time.

type Instance = { db: PGlite; queue: Promise<unknown>; running: number; idle?: NodeJS.Timeout };
// On globalThis: each of Next's server chunks has its own copy of this module, and two
// instances must never share a folder (ADR 0023).
const shared = globalThis as unknown as {
  madoguchiTargets?: { instances: Map<string, Promise<Instance>>; closing: Map<string, Promise<unknown>> };
};
shared.madoguchiTargets ??= { instances: new Map(), closing: new Map() };
const { instances, closing } = shared.madoguchiTargets;

/**
 * Each open instance holds ~130 MB of WebAssembly memory in the app server, beside the
 * desk's own database (ADR 0018). Collections are rare, so an instance nobody used for this
 * long is closed and its memory given back; the next collection opens it again (~1 s).
 */
let idleCloseMs = 30_000;

/** Tests shorten the idle period instead of waiting for it. */
export function setEmbeddedTargetIdleCloseMs(ms: number): void {
  idleCloseMs = ms;
}

function closeWhenIdle(dir: string, inst: Instance): void {
  clearTimeout(inst.idle);
  inst.idle = setTimeout(() => {
    if (inst.running > 0) return;
    instances.delete(dir);
    // The next open of this folder waits for the close: two instances must never share it.
    const closed = inst.db.close().catch(() => undefined);
    closing.set(dir, closed);
    void closed.then(() => closing.get(dir) === closed && closing.delete(dir));
  }, idleCloseMs);
  // An idle timer must not keep a script (or a test run) alive.
  inst.idle.unref();
}

/** Whether the embedded target in this folder is open in this process (tests). */
export function embeddedTargetIsOpen(url: string): boolean {
  return instances.has(dirOf(url));
}

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
      await closing.get(dir);
      // PGlite creates the folder itself but not missing parents.
      if (!fs.existsSync(path.dirname(dir)))
        throw new ConnectedSystemError("UNREACHABLE", "The embedded database's parent folder does not exist.");
      const { PGlite } = await import("@electric-sql/pglite");
      const { pgliteStartParams } = await import("@/lib/server/pglite-options");
      const { upgradePgliteFolder } = await import("@/lib/server/pglite-upgrade");
      // The demo target beside a desk made before ADR 0023 is a PGlite 0.3 folder too.
      await upgradePgliteFolder(dir);
      const parsers = Object.fromEntries(rawTextTypes.map((oid) => [oid, (v: string) => v]));
      const db = await PGlite.create(dir, { parsers, startParams: pgliteStartParams() });
      return { db, queue: Promise.resolve(), running: 0 };
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
      // Counted before anything else can run, so the idle timer never closes a queued transaction.
      inst.running++;
      clearTimeout(inst.idle);
      const next = inst.queue.then(run, run).finally(() => {
        if (--inst.running === 0) closeWhenIdle(dir, inst);
      });
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
    clearTimeout(inst?.idle);
    await inst?.db.close().catch(() => undefined);
  }
}
