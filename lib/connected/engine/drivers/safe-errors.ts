import { ConnectedSystemError } from "../errors";
import type { TxKind } from "./driver";

// Driver messages name the user, host, database and sometimes values ("Access denied for user
// 'x'@'host'", "password authentication failed for user ..."), so they are never passed on: the
// error becomes a code and one of these fixed sentences.

type DriverError = { code?: unknown; errno?: unknown; sqlState?: unknown };

function fields(e: unknown): { code: string; errno: number | null } {
  if (typeof e !== "object" || e === null) return { code: "", errno: null };
  const d = e as DriverError;
  return { code: typeof d.code === "string" ? d.code : "", errno: typeof d.errno === "number" ? d.errno : null };
}

const networkCodes = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ECONNRESET",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "PROTOCOL_CONNECTION_LOST",
  "EPIPE",
]);

export function toSafeError(e: unknown, kind: TxKind | "connect"): ConnectedSystemError {
  if (e instanceof ConnectedSystemError) return e;
  const { code, errno } = fields(e);
  const message = e instanceof Error ? e.message : "";
  if (
    networkCodes.has(code) ||
    (/timeout expired|Connection terminated|connect ETIMEDOUT/i.test(message) && kind === "connect")
  ) {
    return new ConnectedSystemError(
      "UNREACHABLE",
      "The database server could not be reached (connection refused, host unknown or timed out).",
    );
  }
  // PostgreSQL SQLSTATEs
  if (code === "28P01" || code === "28000")
    return new ConnectedSystemError("AUTH_FAILED", "The database refused the login (user name or password).");
  if (code === "3D000")
    return new ConnectedSystemError("UNREACHABLE", "The database named in the connection does not exist.");
  if (code === "57014")
    return new ConnectedSystemError("TIMEOUT", "A query ran longer than the statement timeout and was cancelled.");
  if (code === "25006")
    return new ConnectedSystemError(
      "READ_ONLY_VIOLATION",
      "The database refused a change inside a read-only transaction.",
    );
  if (code === "42501") {
    return kind === "write"
      ? new ConnectedSystemError(
          "READ_ONLY_VIOLATION",
          "The database role lacks the privilege for this change (permission denied).",
        )
      : new ConnectedSystemError(
          "AUTH_FAILED",
          "The database role lacks SELECT on a mapped table (permission denied).",
        );
  }
  if (code === "42P01" || code === "42703" || code === "3F000")
    return new ConnectedSystemError("SCHEMA_CHANGED", "A mapped table or column no longer exists in the database.");
  if (code === "23503")
    return new ConnectedSystemError(
      "ERROR",
      "The change would break a foreign key in the database; nothing was changed.",
    );
  if (code === "22P02" || code === "22007" || code === "22008" || code === "22001")
    return new ConnectedSystemError(
      "ERROR",
      "The database rejected a value for its column type or length; nothing was changed.",
    );
  // MySQL / MariaDB
  if (code === "ER_ACCESS_DENIED_ERROR" || code === "ER_DBACCESS_DENIED_ERROR" || errno === 1045 || errno === 1044)
    return new ConnectedSystemError("AUTH_FAILED", "The database refused the login (user name or password).");
  if (code === "ER_BAD_DB_ERROR" || errno === 1049)
    return new ConnectedSystemError("UNREACHABLE", "The database named in the connection does not exist.");
  if (errno === 1969 || errno === 3024 || code === "ER_STATEMENT_TIMEOUT" || code === "ER_QUERY_TIMEOUT")
    return new ConnectedSystemError("TIMEOUT", "A query ran longer than the statement timeout and was cancelled.");
  if (errno === 1792 || code === "ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION")
    return new ConnectedSystemError(
      "READ_ONLY_VIOLATION",
      "The database refused a change inside a read-only transaction.",
    );
  if (
    errno === 1142 ||
    errno === 1143 ||
    code === "ER_TABLEACCESS_DENIED_ERROR" ||
    code === "ER_COLUMNACCESS_DENIED_ERROR"
  ) {
    return kind === "write"
      ? new ConnectedSystemError(
          "READ_ONLY_VIOLATION",
          "The database user lacks the privilege for this change (command denied).",
        )
      : new ConnectedSystemError("AUTH_FAILED", "The database user lacks SELECT on a mapped table (command denied).");
  }
  if (errno === 1146 || errno === 1054)
    return new ConnectedSystemError("SCHEMA_CHANGED", "A mapped table or column no longer exists in the database.");
  if (errno === 1451 || errno === 1452)
    return new ConnectedSystemError(
      "ERROR",
      "The change would break a foreign key in the database; nothing was changed.",
    );
  if (errno === 1406 || errno === 1292 || errno === 1366)
    return new ConnectedSystemError(
      "ERROR",
      "The database rejected a value for its column type or length; nothing was changed.",
    );
  if (kind === "connect")
    return new ConnectedSystemError(
      "UNREACHABLE",
      "The database server could not be reached or refused the connection.",
    );
  const tag = code || (errno !== null ? String(errno) : "unknown");
  // Only the driver's error code (letters, digits, underscores) is kept: it helps the DBA and holds nothing personal.
  return new ConnectedSystemError(
    "ERROR",
    `The database reported an error (code ${tag.replace(/[^A-Za-z0-9_]/g, "").slice(0, 40)}).`,
  );
}
