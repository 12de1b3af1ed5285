import pg from "pg";
import { ConnectedSystemError } from "../errors";
import { CONNECT_TIMEOUT_MS, type Driver, type Row, type Session, type TxKind } from "./driver";
import { toSafeError } from "./safe-errors";

// Dates, timestamps, 64-bit integers and numerics come back as the server's own text: a
// disclosure shows what is stored, and a later guard compares like with like.
const rawTextTypes = new Set([1082, 1083, 1114, 1184, 1266, 20, 1700, 1186]);
const types = {
  getTypeParser: (oid: number, format?: string) =>
    rawTextTypes.has(oid) ? (v: string) => v : pg.types.getTypeParser(oid, (format ?? "text") as "text"),
};

export function timeoutSetting(ms: number): string {
  return String(Math.max(1, Math.floor(ms)));
}

export function pgSession(query: (sql: string, params: unknown[]) => Promise<Row[]>): Session {
  return {
    dialect: "postgres",
    database: null,
    mariadb: false,
    query: (sql, params = []) => query(sql, params),
    id: (name) => pg.escapeIdentifier(name),
    param: (n) => `$${n}`,
    nullSafeEq: "IS NOT DISTINCT FROM",
  };
}

export function beginStatement(kind: TxKind): string {
  // Repeatable read: every table of one collection sees the same snapshot.
  return kind === "read"
    ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
    : "BEGIN ISOLATION LEVEL READ COMMITTED READ WRITE";
}

export function openPostgres(url: string): Driver {
  return {
    dialect: "postgres",
    async transaction(kind, timeoutMs, fn) {
      const client = new pg.Client({
        connectionString: url,
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
        types,
        application_name: "madoguchi-connected",
      });
      // A failing socket after connect emits 'error' on the client; without a listener it would crash the process.
      client.on("error", () => undefined);
      try {
        await client.connect();
      } catch (e) {
        await client.end().catch(() => undefined);
        throw toSafeError(e, "connect");
      }
      try {
        await client.query(beginStatement(kind));
        await client.query("SELECT set_config('statement_timeout', $1, true)", [timeoutSetting(timeoutMs)]);
        const session = pgSession(async (sql, params) => (await client.query(sql, params)).rows as Row[]);
        const result = await fn(session);
        await client.query("COMMIT");
        return result;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw toSafeError(e, kind);
      } finally {
        await client.end().catch(() => undefined);
      }
    },
    async close() {},
  };
}

export { ConnectedSystemError };
