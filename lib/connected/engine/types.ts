// Shapes shared by the connected-database engine and the app that drives it. The engine is a
// pure library: it talks to the company's PostgreSQL / MySQL (MariaDB) systems and never to
// Madoguchi's own database, so nothing here imports Prisma or Next.

export type Dialect = "postgres" | "mysql";

export type IdentityKind = "email" | "phone" | "member_id" | "name_birth_date";

export type ErasureStrategy =
  | { kind: "set_null" }
  | { kind: "fixed"; value: string }
  | { kind: "keyed_hash" } // HMAC-SHA256 with the key the app passes to applyErasure, hex
  | { kind: "delete_row" } // only where the table says deleteRowAllowed: true
  | { kind: "keep" }; // column not changed by erasure

export type MapColumn = {
  name: string;
  /** Art 2.1 item of the privacy policy, 1–11. */
  category: number;
  labelJa: string;
  labelEn: string;
  erasure?: ErasureStrategy;
  correctable?: boolean;
};

export type MapIdentity = {
  kind: IdentityKind;
  column: string;
  /** name_birth_date: `column` holds the name, this one the date of birth. */
  birthDateColumn?: string;
};

/**
 * A foreign-key edge: this table's `columns` point at `table`'s `refColumns`. Collection follows it
 * from the referenced rows to the rows pointing at them (a member's payments are the member's).
 * `followToReferenced: true` also follows it the other way (from a payment to its order) — off by
 * default, because a row a person's row points at (the staff member who handled an inquiry) is
 * not necessarily theirs.
 */
export type MapReference = { columns: string[]; table: string; refColumns: string[]; followToReferenced?: boolean };

export type MapTable = {
  /** Unique within the map; references and results name tables by this. */
  name: string;
  /** Shown to the requester in the disclosure files instead of the table's name. */
  labelJa?: string;
  labelEn?: string;
  /** PostgreSQL schema (default "public"); ignored for MySQL (the URL's database is used). */
  schema?: string;
  primaryKey: string[];
  deleteRowAllowed?: boolean;
  /** Art 8 suspension flag: mode "suspend" sets `column` to `value`. */
  suspension?: { column: string; value: string | number | boolean };
  identities?: MapIdentity[];
  columns: MapColumn[];
  references?: MapReference[];
};

export type DatasetMap = {
  version: 1;
  dialect: Dialect;
  tables: MapTable[];
};

/** The identity as the desk knows it (raw). The engine normalises it (see normalise-identity.ts). */
export type IdentityValues = {
  email?: string;
  phone?: string;
  memberId?: string;
  name?: string;
  nameKana?: string;
  /** YYYY-MM-DD */
  birthDate?: string;
};

/**
 * How to reach a system. `url` carries the credentials and is never logged or put in an error.
 * - postgres: `postgresql://user:pass@host:5432/db`
 * - mysql: `mysql://user:pass@host:3306/db`
 * - embedded demo target (PostgreSQL over PGlite, no server): dialect "postgres" and
 *   url `pglite:/absolute/path/to/dir` — the directory's parent must exist (PGlite does not
 *   create missing parents); the engine creates the directory itself.
 */
export type ConnectionConfig = { dialect: Dialect; url: string };

export type ScalarValue = string | number | boolean | null;
export type RowKey = Record<string, string | number>;

export type MapCheckColumn = { name: string; found: boolean; dataType: string | null };
export type MapCheckTable = {
  table: string;
  found: boolean;
  columns: MapCheckColumn[];
  /** false when the table has no identity column and no reference path from one. */
  reachable: boolean;
  /** Safe English sentences naming the table/column at fault (make ok false). */
  problems: string[];
  /** Advice that does not block (e.g. no index for an identity column: collection will scan). */
  warnings: string[];
};
export type MapCheck = { ok: boolean; tables: MapCheckTable[]; problems: string[] };

export type CollectOptions = {
  /** Rows kept per table; more are reported as truncated (default 1000). */
  rowCapPerTable?: number;
  /** Per statement (default 10000 ms). */
  statementTimeoutMs?: number;
  /** Reference hops followed from the identity rows (default 5). */
  maxHops?: number;
};

export type CollectedColumn = { name: string; category: number; labelJa: string; labelEn: string };
export type CollectedRow = { key: RowKey; values: Record<string, ScalarValue> };
export type CollectedTable = {
  table: string;
  labelJa?: string;
  labelEn?: string;
  columns: CollectedColumn[];
  rows: CollectedRow[];
  truncated: boolean;
  /** How the rows were reached: "identity:email" or "members.id -> payments.member_id". */
  via: string;
};
export type Collection = {
  dialect: Dialect;
  collectedAt: string;
  matchedBy: IdentityKind[];
  tables: CollectedTable[];
};

export type CorrectionInput = { table: string; column: string; rowKeys: RowKey[]; newValue: string | null };
export type CorrectionPlan = {
  table: string;
  column: string;
  newValue: string | null;
  rows: Array<{ key: RowKey; before: ScalarValue; after: string | null }>;
};

export type ErasureMode = "erase" | "suspend";
export type ErasureAction = "update" | "delete" | "flag";
export type ErasurePlanTable = {
  table: string;
  action: ErasureAction;
  /** Columns changed and how (action "update"/"flag"); empty for "delete". */
  columns: Array<{ name: string; strategy: ErasureStrategy }>;
  /** Rows planned, with the values they hold now (the guard against a row changed since). */
  rows: Array<{ key: RowKey; before: Record<string, ScalarValue> }>;
  count: number;
};
export type ErasurePlan = { mode: ErasureMode; tables: ErasurePlanTable[]; totalRows: number };

export type ChangeOptions = {
  /** Key for keyed_hash erasure and for the audit hashes (HMAC-SHA256). */
  hashKey: Buffer;
  statementTimeoutMs?: number;
};

export type ChangeResultTable = {
  table: string;
  rowsChanged: number;
  columns: string[];
  /** HMAC-SHA256 (hex, hashKey) of each changed row's before/after values — never the values. */
  beforeHashes: string[];
  afterHashes: string[];
};
export type ChangeResult = { tables: ChangeResultTable[]; verified: boolean };

export type ConnectedErrorCode =
  | "UNREACHABLE"
  | "AUTH_FAILED"
  | "TIMEOUT"
  | "SCHEMA_CHANGED"
  | "MAP_INVALID"
  | "READ_ONLY_VIOLATION"
  | "STALE_ROW"
  | "ERROR";

/** Package exclusion: one field (column) or the whole row (no column), on an Art 6.1 ground. */
export type Exclusion = {
  table: string;
  rowKey: RowKey;
  column?: string;
  /** The app's WithholdingGround enum value, e.g. "HARM_TO_LIFE_OR_RIGHTS". */
  ground: string;
};
