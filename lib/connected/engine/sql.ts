import type { Row, Session } from "./drivers/driver";
import type { RowKey, ScalarValue } from "./types";

// Small SQL builders. Identifiers reach them already resolved against the live schema and are
// quoted by the driver (Session.id); values only ever travel as bound parameters.

export function qualified(s: Session, schema: string, table: string): string {
  return s.dialect === "postgres" ? `${s.id(schema)}.${s.id(table)}` : s.id(table);
}

/** `col = ANY($n)` / `col IN (?)` with the array bound as one parameter (never empty). */
export function inList(s: Session, colSql: string, values: unknown[], params: unknown[]): string {
  params.push(values);
  return s.dialect === "postgres" ? `${colSql} = ANY(${s.param(params.length)})` : `${colSql} IN (?)`;
}

/** Tuple membership for composite keys; single columns use inList. */
export function tupleIn(s: Session, colSqls: string[], tuples: unknown[][], params: unknown[]): string {
  const [only] = colSqls;
  if (colSqls.length === 1 && only !== undefined)
    return inList(
      s,
      only,
      tuples.map((t) => t[0]),
      params,
    );
  if (s.dialect === "mysql") {
    params.push(tuples);
    return `(${colSqls.join(", ")}) IN (?)`;
  }
  return `(${tuples
    .map(
      (t) =>
        `(${colSqls
          .map((c, i) => {
            params.push(t[i]);
            return `${c} = ${s.param(params.length)}`;
          })
          .join(" AND ")})`,
    )
    .join(" OR ")})`;
}

/** WHERE fragment for one row by its key (all key columns). */
export function keyWhere(s: Session, colSqls: string[], values: unknown[], params: unknown[]): string {
  return colSqls
    .map((c, i) => {
      params.push(values[i]);
      return `${c} = ${s.param(params.length)}`;
    })
    .join(" AND ");
}

export function toScalar(v: unknown): ScalarValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : String(v);
  if (typeof v === "bigint") return v.toString();
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return Buffer.from(v).toString("base64");
  return JSON.stringify(v);
}

export function toKeyPart(v: unknown): string | number {
  const s = toScalar(v);
  return typeof s === "number" ? s : String(s);
}

export function rowKeyOf(row: Row, pkLive: string[], pkMap: string[]): RowKey {
  const key: RowKey = {};
  pkMap.forEach((name, i) => {
    key[name] = toKeyPart(row[pkLive[i] ?? name]);
  });
  return key;
}

export const keyString = (key: RowKey, pk: string[]): string => JSON.stringify(pk.map((c) => String(key[c])));

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Same value as the database returned it? Compared as text, since drivers type values differently. */
export function sameValue(a: unknown, b: unknown): boolean {
  const x = toScalar(a);
  const y = toScalar(b);
  if (x === null || y === null) return x === y;
  if (typeof x === "boolean" || typeof y === "boolean") return boolNum(x) === boolNum(y);
  return String(x) === String(y);
}

function boolNum(v: string | number | boolean): number {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  return /^(t|true|1|y|yes)$/i.test(v) ? 1 : /^(f|false|0|n|no)$/i.test(v) ? 0 : Number.NaN;
}
