import type { Dialect } from "../types";

export type Row = Record<string, unknown>;

/** One open transaction on a target system. Values are always bound, never spliced into SQL. */
export interface Session {
  readonly dialect: Dialect;
  /** The MySQL database / nothing for PostgreSQL (schemas are per table there). */
  readonly database: string | null;
  /** MariaDB (vs MySQL): decides the statement-timeout variable. */
  readonly mariadb: boolean;
  query(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Quotes an identifier with the driver's own escaping (pg escapeIdentifier / mysql2 escapeId). */
  id(name: string): string;
  /** Placeholder for the n-th (1-based) bound value: `$n` or `?`. */
  param(n: number): string;
  /** Null-safe equality operator: IS NOT DISTINCT FROM / <=>. */
  readonly nullSafeEq: string;
}

export type TxKind = "read" | "write";

/** A connection to one system; every operation runs in exactly one transaction. */
export interface Driver {
  readonly dialect: Dialect;
  transaction<T>(kind: TxKind, statementTimeoutMs: number, fn: (s: Session) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const CONNECT_TIMEOUT_MS = 5_000;
