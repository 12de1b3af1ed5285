import { protocol, types, type messages, type PGlite } from "@electric-sql/pglite";

// Statements sent to PGlite as one wire-protocol message each (ADR 0022). PGlite's own
// query() sends Parse, Describe, Bind, Describe, Execute and Sync as six separate calls into
// the WebAssembly Postgres, each with its own round of file operations on the data folder;
// on the filing's path those calls, not the statements, were most of PGlite's CPU. Here a
// statement is Parse + Bind + Describe + Execute, and a batch of them ends with one Sync:
// one call. Values travel as text with their types inferred by the server, as the `pg`
// driver sends them to a PostgreSQL server, so the same SQL means the same on both.

/** `name` makes it a prepared statement of PGlite's one session: parsed once, bound each time. */
export type Statement = { name?: string; text: string; values: readonly unknown[] };

const shared = globalThis as unknown as { madoguchiPgliteNamed?: WeakMap<PGlite, Map<string, string>> };
/**
 * The named statements each PGlite session has parsed, with their text, per instance (a
 * reopened folder is a new session). Parse and analysis were a third or more of a short
 * statement's cost in the WebAssembly Postgres. After five executions PostgreSQL may keep a
 * generic plan (PGlite's plan_cache_mode is auto, db-adapter.ts), which the filing's lookups by
 * key plan alike. On globalThis, as the instances themselves are (db-adapter.ts): Next evaluates
 * this module once per server chunk, and every copy must see what the shared session has parsed.
 */
const prepared = (shared.madoguchiPgliteNamed ??= new WeakMap());

/** A value as text on the wire; null stays SQL NULL. */
function wireValue(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") return v;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") return JSON.stringify(v);
  return String(v as number | boolean | bigint);
}

/**
 * Runs the statements in order in one call and returns each one's rows. The caller holds
 * PGlite's locks (runExclusive below). On an error Postgres skips the rest up to the Sync and
 * the error is thrown: inside an explicit transaction the caller must roll back.
 */
async function runBatch(
  db: PGlite,
  statements: readonly Statement[],
  syncToFs: boolean,
): Promise<Record<string, unknown>[][]> {
  let known = prepared.get(db);
  if (!known) prepared.set(db, (known = new Map()));
  // Names parsed in this batch, with their text: until the batch succeeds each may or may not
  // exist in the session (Postgres skips everything after an error up to the Sync).
  const parsedHere = new Map<string, string>();
  const parts: Uint8Array[] = [];
  for (const s of statements) {
    const name = s.name ?? "";
    const parsedText = parsedHere.get(name) ?? known.get(name);
    if (!name || parsedText !== s.text) {
      // Closing a statement that does not exist is not an error, so a name not known here, or
      // whose state is unknown, or that was parsed with other text, is closed and parsed again.
      if (name) parts.push(protocol.serialize.close({ type: "S", name }));
      parts.push(protocol.serialize.parse({ name, text: s.text }));
      if (name) parsedHere.set(name, s.text);
    }
    parts.push(
      protocol.serialize.bind({ statement: name, values: s.values.map(wireValue) }),
      protocol.serialize.describe({ type: "P" }),
      protocol.serialize.execute({}),
    );
  }
  parts.push(protocol.serialize.sync());
  const message = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    message.set(p, at);
    at += p.length;
  }
  // Forgotten until the batch succeeds: a name not known is closed and parsed at its next use.
  for (const name of parsedHere.keys()) known.delete(name);
  const { messages: received } = await db.execProtocol(message, { syncToFs });
  for (const [name, text] of parsedHere) known.set(name, text);
  return rowsOfEachStatement(received, db.parsers);
}

/**
 * Each statement's rows, in order (one entry per CommandComplete), values parsed by the
 * session's own parsers as PGlite's `parseResults` parses them. Not `parseResults` itself: it
 * copies the ~400 parsers of the session (one per type, arrays included) into a new object on
 * every call, ~0.2 ms each, more than reading a filing statement's rows (ADR 0022).
 */
function rowsOfEachStatement(
  received: readonly messages.BackendMessage[],
  parsers: PGlite["parsers"],
): Record<string, unknown>[][] {
  const results: Record<string, unknown>[][] = [];
  let fields: { name: string; dataTypeID: number }[] = [];
  let rows: Record<string, unknown>[] = [];
  // By name, not instanceof: Next may bundle PGlite's message classes more than once.
  for (const m of received) {
    if (m.name === "rowDescription") fields = (m as messages.RowDescriptionMessage).fields;
    else if (m.name === "dataRow") {
      const row: Record<string, unknown> = {};
      (m as messages.DataRowMessage).fields.forEach((value, i) => {
        const field = fields[i];
        if (field) row[field.name] = types.parseType(value, field.dataTypeID, parsers);
      });
      rows.push(row);
    } else if (m.name === "commandComplete") {
      results.push(rows);
      rows = [];
      fields = [];
    }
  }
  return results;
}

/**
 * Holds both of PGlite's locks, as its own query() does: no other query, transaction or
 * Prisma call (the adapter goes through query() and transaction()) runs in between.
 */
export function runExclusive<T>(db: PGlite, fn: () => Promise<T>): Promise<T> {
  return db._runExclusiveTransaction(() => db._runExclusiveQuery(fn));
}

/** One statement outside any transaction, in one call. */
export async function pgliteStatement<R>(db: PGlite, s: Statement): Promise<R[]> {
  await db.waitReady;
  // Synced to the file system like PGlite's own statements outside a transaction.
  const [rows] = await runExclusive(db, () => runBatch(db, [s], true));
  return (rows ?? []) as R[];
}

/**
 * A transaction in as few calls as its statements allow: BEGIN goes with the first
 * statement, COMMIT is one simple query; a failure anywhere rolls back.
 */
export async function pgliteTransaction<T>(
  db: PGlite,
  fn: (query: <R>(s: Statement) => Promise<R[]>) => Promise<T>,
): Promise<T> {
  await db.waitReady;
  return runExclusive(db, async () => {
    let begun = false;
    const query = async <R>(s: Statement): Promise<R[]> => {
      const batch = begun ? [s] : [{ text: "BEGIN", values: [] }, s];
      begun = true;
      const results = await runBatch(db, batch, false);
      return (results[results.length - 1] ?? []) as R[];
    };
    try {
      const out = await fn(query);
      if (begun) await db.execProtocol(protocol.serialize.query("COMMIT"), { syncToFs: true });
      return out;
    } catch (e) {
      if (begun)
        await db.execProtocol(protocol.serialize.query("ROLLBACK"), { syncToFs: false }).catch(() => undefined);
      throw e;
    }
  });
}
