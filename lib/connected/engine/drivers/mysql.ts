import mysql from "mysql2/promise";
import { ConnectedSystemError } from "../errors";
import { CONNECT_TIMEOUT_MS, type Driver, type Row, type Session, type TxKind } from "./driver";
import { toSafeError } from "./safe-errors";

function databaseOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  } catch {
    throw new ConnectedSystemError("UNREACHABLE", "The connection URL is not a valid mysql:// URL.");
  }
}

export function openMysql(url: string): Driver {
  const database = databaseOf(url);
  if (!database) throw new ConnectedSystemError("UNREACHABLE", "The connection URL names no database.");
  return {
    dialect: "mysql",
    async transaction(kind: TxKind, timeoutMs, fn) {
      let conn: mysql.Connection;
      try {
        conn = await mysql.createConnection({
          uri: url,
          connectTimeout: CONNECT_TIMEOUT_MS,
          // Dates and big numbers as the server's text, like the PostgreSQL driver.
          dateStrings: true,
          supportBigNumbers: true,
          bigNumberStrings: true,
          decimalNumbers: false,
          multipleStatements: false,
          charset: "utf8mb4",
          timezone: "Z",
        });
      } catch (e) {
        throw toSafeError(e, "connect");
      }
      conn.on("error", () => undefined);
      try {
        const [versionRows] = await conn.query("SELECT VERSION() AS v");
        const version = String((versionRows as Row[])[0]?.v ?? "");
        const mariadb = /mariadb/i.test(version);
        // MariaDB: max_statement_time (seconds, every statement); MySQL: max_execution_time (ms, SELECT only).
        if (mariadb) await conn.query("SET SESSION max_statement_time = ?", [Math.max(0.001, timeoutMs / 1000)]);
        else await conn.query("SET SESSION max_execution_time = ?", [Math.max(1, Math.floor(timeoutMs))]);
        await conn.query("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        await conn.query(
          kind === "read" ? "START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY" : "START TRANSACTION READ WRITE",
        );
        const session: Session = {
          dialect: "mysql",
          database,
          mariadb,
          async query(sql, params = []) {
            const [rows] = await conn.query(sql, params);
            return Array.isArray(rows) ? (rows as Row[]) : [];
          },
          id: (name) => conn.escapeId(name),
          param: () => "?",
          nullSafeEq: "<=>",
        };
        const result = await fn(session);
        await conn.query("COMMIT");
        return result;
      } catch (e) {
        await conn.query("ROLLBACK").catch(() => undefined);
        throw toSafeError(e, kind);
      } finally {
        await conn.end().catch(() => conn.destroy());
      }
    },
    async close() {},
  };
}
