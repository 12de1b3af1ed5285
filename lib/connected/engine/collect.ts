import { ConnectedSystemError } from "./errors";
import { DEFAULT_TIMEOUT_MS, type Row, type Session } from "./drivers/driver";
import { openDriver } from "./drivers/open";
import { assertSchemaMatches, introspect, liveColumn, tableSchema, usedColumns, type Catalog } from "./introspect";
import { parseDatasetMap } from "./map-schema";
import {
  memberIdVariants,
  normaliseBirthDate,
  normaliseEmail,
  normaliseIdentity,
  normaliseMemberId,
  normaliseName,
  normalisePhone,
  phoneVariants,
  type NormalisedIdentity,
} from "./normalise-identity";
import { chunks, inList, keyString, qualified, rowKeyOf, toScalar, tupleIn } from "./sql";
import type {
  CollectOptions,
  Collection,
  ConnectionConfig,
  DatasetMap,
  IdentityKind,
  IdentityValues,
  MapIdentity,
  MapTable,
  RowKey,
  ScalarValue,
} from "./types";

const DEFAULT_ROW_CAP = 1000;
const DEFAULT_HOPS = 5;
const KEY_CHUNK = 500;
/** Candidates for name + date of birth (everyone born that day), filtered by name afterwards. */
const BIRTH_CANDIDATE_CAP = 5000;

type Held = { key: RowKey; raw: Row };
type TableState = { rows: Map<string, Held>; truncated: boolean; via: string | null };

/** What the engine needs of a map table, resolved against the live schema. */
export type Resolved = {
  t: MapTable;
  from: string;
  /** map column name → quoted live column */
  col: (name: string) => string;
  /** map column name → live spelling (key of returned rows) */
  live: (name: string) => string;
  selectList: string;
};

export function resolveTable(s: Session, map: DatasetMap, catalog: Catalog, t: MapTable): Resolved {
  const info = catalog.get(t.name);
  if (!info)
    throw new ConnectedSystemError(
      "SCHEMA_CHANGED",
      `The database no longer matches the map: table "${t.name}" not found.`,
    );
  const live = (name: string) => {
    const c = liveColumn(s, info, name);
    if (!c)
      throw new ConnectedSystemError(
        "SCHEMA_CHANGED",
        `The database no longer matches the map: column "${t.name}.${name}" not found.`,
      );
    return c.name;
  };
  const col = (name: string) => s.id(live(name));
  const selectList = usedColumns(t, map)
    .map((n) => col(n))
    .join(", ");
  return { t, from: qualified(s, tableSchema(s, t), info.name), col, live, selectList };
}

type Verdict = "match" | "conflict" | "none";

/** Does a stored row carry this identity? Decided in code, with the same normaliser as the request. */
function judge(idn: MapIdentity, row: Row, r: Resolved, id: NormalisedIdentity): Verdict {
  const stored = row[r.live(idn.column)];
  switch (idn.kind) {
    case "email": {
      if (!id.email || stored === null || stored === undefined || String(stored).trim() === "") return "none";
      return normaliseEmail(String(stored)) === id.email ? "match" : "conflict";
    }
    case "phone": {
      if (!id.phone || stored === null || stored === undefined || String(stored).trim() === "") return "none";
      return normalisePhone(String(stored)) === id.phone ? "match" : "conflict";
    }
    case "member_id": {
      if (!id.memberId || stored === null || stored === undefined || String(stored).trim() === "") return "none";
      return normaliseMemberId(String(stored)) === id.memberId ? "match" : "conflict";
    }
    case "name_birth_date": {
      const birthRaw = idn.birthDateColumn ? row[r.live(idn.birthDateColumn)] : null;
      if (!id.birthDate || birthRaw === null || birthRaw === undefined) return "none";
      const birth = normaliseBirthDate(String(toScalar(birthRaw)));
      if (birth !== id.birthDate) return "conflict";
      const name = stored === null || stored === undefined ? "" : normaliseName(String(stored));
      return name !== "" && (name === id.name || name === id.nameKana) ? "match" : "none";
    }
  }
}

function identityValue(kind: IdentityKind, id: NormalisedIdentity): boolean {
  if (kind === "email") return Boolean(id.email);
  if (kind === "phone") return Boolean(id.phone);
  if (kind === "member_id") return Boolean(id.memberId);
  return Boolean(id.birthDate && (id.name || id.nameKana));
}

/** One indexed query per identity column; candidates are re-checked by judge(). */
async function identityCandidates(
  s: Session,
  r: Resolved,
  idn: MapIdentity,
  id: NormalisedIdentity,
  raw: IdentityValues,
  cap: number,
  catalog: Catalog,
): Promise<Row[]> {
  const params: unknown[] = [];
  let where: string;
  let limit = cap + 1;
  const c = r.col(idn.column);
  if (idn.kind === "email") {
    const info = liveColumn(s, catalog.get(r.t.name), idn.column);
    // MySQL/MariaDB: a _ci collation already compares case-insensitively and keeps the index;
    // PostgreSQL: lower(col) — the DBA guide recommends the matching expression index.
    const ci = s.dialect === "mysql" && Boolean(info?.collation && /_ci$/i.test(info.collation));
    params.push(id.email);
    where = ci ? `${c} = ${s.param(1)}` : `LOWER(${c}) = ${s.param(1)}`;
  } else if (idn.kind === "phone") {
    where = inList(s, c, phoneVariants(id.phone ?? ""), params);
  } else if (idn.kind === "member_id") {
    where = inList(s, c, memberIdVariants(id.memberId ?? "", raw.memberId), params);
  } else {
    params.push(id.birthDate);
    where = `${r.col(idn.birthDateColumn ?? idn.column)} = ${s.param(1)}`;
    limit = BIRTH_CANDIDATE_CAP;
  }
  return s.query(`SELECT ${r.selectList} FROM ${r.from} WHERE ${where} LIMIT ${limit}`, params);
}

function pkLive(r: Resolved): string[] {
  return r.t.primaryKey.map((p) => r.live(p));
}

/**
 * Collects one person's rows: identity rows first, then along references several hops (BFS,
 * carrying the keys found), in one read-only transaction with a statement timeout. Each table's
 * rows are capped; memory stays bounded by cap × tables.
 */
export async function collect(
  conn: ConnectionConfig,
  mapInput: DatasetMap,
  identity: IdentityValues,
  opts: CollectOptions = {},
): Promise<Collection> {
  const map = parseDatasetMap(mapInput);
  if (map.dialect !== conn.dialect)
    throw new ConnectedSystemError(
      "MAP_INVALID",
      `The map is for ${map.dialect} but the connection is ${conn.dialect}.`,
    );
  const id = normaliseIdentity(identity);
  const cap = Math.max(1, Math.min(opts.rowCapPerTable ?? DEFAULT_ROW_CAP, 100_000));
  const hops = Math.max(0, Math.min(opts.maxHops ?? DEFAULT_HOPS, 20));
  const usable = map.tables.some((t) => (t.identities ?? []).some((i) => identityValue(i.kind, id)));
  if (!usable)
    throw new ConnectedSystemError(
      "ERROR",
      "The request has no identity value this map can match (email, phone, member id, or name with date of birth).",
    );

  const driver = openDriver(conn);
  return driver.transaction("read", opts.statementTimeoutMs ?? DEFAULT_TIMEOUT_MS, async (s) => {
    const catalog = await introspect(s, map);
    assertSchemaMatches(s, map, catalog);
    const resolved = new Map(map.tables.map((t) => [t.name, resolveTable(s, map, catalog, t)]));
    const state = new Map<string, TableState>(
      map.tables.map((t) => [t.name, { rows: new Map(), truncated: false, via: null }]),
    );
    const matchedBy = new Set<IdentityKind>();

    /** Adds rows to a table; returns those new to it (the next hop's frontier). */
    const add = (table: string, rows: Row[], via: string): Held[] => {
      const r = resolved.get(table);
      const st = state.get(table);
      if (!r || !st) return [];
      const fresh: Held[] = [];
      const live = pkLive(r);
      for (const row of rows) {
        const key = rowKeyOf(row, live, r.t.primaryKey);
        const k = keyString(key, r.t.primaryKey);
        if (st.rows.has(k)) continue;
        if (st.rows.size >= cap) {
          st.truncated = true;
          break;
        }
        const held = { key, raw: row };
        st.rows.set(k, held);
        fresh.push(held);
      }
      if (fresh.length > 0 && !st.via) st.via = via;
      return fresh;
    };

    let frontier = new Map<string, Held[]>();
    for (const t of map.tables) {
      const r = resolved.get(t.name);
      if (!r) continue;
      const candidates = new Map<string, Row>();
      for (const idn of t.identities ?? []) {
        if (!identityValue(idn.kind, id)) continue;
        for (const row of await identityCandidates(s, r, idn, id, identity, cap, catalog)) {
          candidates.set(keyString(rowKeyOf(row, pkLive(r), t.primaryKey), t.primaryKey), row);
        }
      }
      const accepted: Row[] = [];
      const kinds = new Set<IdentityKind>();
      for (const row of candidates.values()) {
        // A row is the person's when one identity matches and none contradicts (a NULL does not).
        const verdicts = (t.identities ?? []).map((idn) => [idn.kind, judge(idn, row, r, id)] as const);
        if (verdicts.some(([, v]) => v === "conflict")) continue;
        const hits = verdicts.filter(([, v]) => v === "match");
        if (hits.length === 0) continue;
        accepted.push(row);
        for (const [k] of hits) kinds.add(k);
      }
      const fresh = add(t.name, accepted, `identity:${[...kinds].join("+")}`);
      for (const k of kinds) matchedBy.add(k);
      if (fresh.length > 0) frontier.set(t.name, fresh);
    }

    for (let hop = 0; hop < hops && frontier.size > 0; hop++) {
      const next = new Map<string, Held[]>();
      const push = (table: string, held: Held[]) => {
        if (held.length) next.set(table, [...(next.get(table) ?? []), ...held]);
      };
      for (const t of map.tables) {
        const child = resolved.get(t.name);
        if (!child) continue;
        for (const ref of t.references ?? []) {
          const parent = resolved.get(ref.table);
          if (!parent) continue;
          // Parent rows found → the rows pointing at them.
          const parentNew = frontier.get(ref.table);
          if (parentNew) {
            const via = `${ref.table}.${ref.refColumns.join(",")} -> ${t.name}.${ref.columns.join(",")}`;
            const rows = await follow(
              s,
              parentNew,
              ref.refColumns.map((c) => parent.live(c)),
              child,
              ref.columns,
              cap,
            );
            push(t.name, add(t.name, rows, via));
          }
          // Optionally the other way: rows this table's rows point at.
          const childNew = frontier.get(t.name);
          if (ref.followToReferenced && childNew) {
            const via = `${t.name}.${ref.columns.join(",")} -> ${ref.table}.${ref.refColumns.join(",")}`;
            const rows = await follow(
              s,
              childNew,
              ref.columns.map((c) => child.live(c)),
              parent,
              ref.refColumns,
              cap,
            );
            push(ref.table, add(ref.table, rows, via));
          }
        }
      }
      frontier = next;
    }

    const tables = map.tables.map((t) => {
      const st = state.get(t.name);
      const r = resolved.get(t.name);
      const rows =
        st && r
          ? [...st.rows.values()].map((h) => {
              const values: Record<string, ScalarValue> = {};
              for (const c of t.columns) values[c.name] = toScalar(h.raw[r.live(c.name)]);
              return { key: h.key, values };
            })
          : [];
      return {
        table: t.name,
        ...(t.labelJa ? { labelJa: t.labelJa } : {}),
        ...(t.labelEn ? { labelEn: t.labelEn } : {}),
        columns: t.columns.map((c) => ({ name: c.name, category: c.category, labelJa: c.labelJa, labelEn: c.labelEn })),
        rows,
        truncated: st?.truncated ?? false,
        via: st?.via ?? "",
      };
    });
    return { dialect: map.dialect, collectedAt: new Date().toISOString(), matchedBy: [...matchedBy], tables };
  });
}

/** Rows of `target` whose `targetColumns` equal the `sourceLive` values of the rows found. */
async function follow(
  s: Session,
  found: Held[],
  sourceLive: string[],
  target: Resolved,
  targetColumns: string[],
  cap: number,
): Promise<Row[]> {
  const seen = new Set<string>();
  const tuples: unknown[][] = [];
  for (const h of found) {
    const tuple = sourceLive.map((c) => h.raw[c]);
    if (tuple.some((v) => v === null || v === undefined)) continue;
    const k = JSON.stringify(tuple.map((v) => String(toScalar(v))));
    if (seen.has(k)) continue;
    seen.add(k);
    tuples.push(tuple.map((v) => (typeof v === "bigint" ? v.toString() : v)));
  }
  const out: Row[] = [];
  const cols = targetColumns.map((c) => target.col(c));
  for (const chunk of chunks(tuples, KEY_CHUNK)) {
    const params: unknown[] = [];
    const where = tupleIn(s, cols, chunk, params);
    const rows = await s.query(
      `SELECT ${target.selectList} FROM ${target.from} WHERE ${where} LIMIT ${cap + 1}`,
      params,
    );
    out.push(...rows);
    if (out.length > cap) break;
  }
  return out;
}
