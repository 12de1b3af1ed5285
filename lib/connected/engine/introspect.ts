import { ConnectedSystemError } from "./errors";
import type { Session } from "./drivers/driver";
import type { DatasetMap, MapTable } from "./types";

// The allow-list: every identifier the engine ever puts in SQL comes from here — the live
// schema's own spelling, looked up by the map's names — and is then quoted by the driver.

export type ColumnInfo = {
  /** The database's spelling. */
  name: string;
  dataType: string;
  maxLength: number | null;
  collation: string | null;
  /** Leading column of some index. */
  indexed: boolean;
  /** PostgreSQL: an expression index on lower(column) exists. */
  lowerIndexed: boolean;
};

export type TableInfo = { schema: string; name: string; columns: Map<string, ColumnInfo> };

/** Map table name → live table (undefined when the table is not found). */
export type Catalog = Map<string, TableInfo | undefined>;

const text = (v: unknown): string => (v === null || v === undefined ? "" : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined || v === "" ? null : Number(v));

export function tableSchema(session: Session, t: MapTable): string {
  return session.dialect === "postgres" ? (t.schema ?? "public") : (session.database ?? "");
}

function leadingIndexColumn(indexdef: string): { column: string | null; lower: string | null } {
  // "CREATE [UNIQUE] INDEX name ON schema.table USING btree (lower((email)::text), ...)"
  const m = indexdef.match(/USING\s+\w+\s+\((.*)\)/);
  if (!m) return { column: null, lower: null };
  const first = (m[1] ?? "").trim();
  const lower = first.match(/^lower\(\(?"?([^"():]+)"?\)?(?:::[\w ]+)?\)/i);
  if (lower) return { column: null, lower: lower[1] ?? null };
  const col = first.match(/^"?([^",() ]+)"?/);
  return { column: col?.[1] ?? null, lower: null };
}

export async function introspect(session: Session, map: DatasetMap): Promise<Catalog> {
  const catalog: Catalog = new Map();
  const wanted = map.tables.map((t) => ({ t, schema: tableSchema(session, t) }));
  const schemas = [...new Set(wanted.map((w) => w.schema))];
  const names = [...new Set(wanted.map((w) => w.t.name))];
  const found = new Map<string, TableInfo>();
  const key = (schema: string, name: string) => `${schema}\u0000${name}`;

  if (session.dialect === "postgres") {
    const cols = await session.query(
      `SELECT table_schema, table_name, column_name, data_type, character_maximum_length, collation_name
         FROM information_schema.columns WHERE table_schema = ANY($1) AND table_name = ANY($2) ORDER BY ordinal_position`,
      [schemas, names],
    );
    for (const r of cols) {
      const k = key(text(r.table_schema), text(r.table_name));
      let t = found.get(k);
      if (!t) found.set(k, (t = { schema: text(r.table_schema), name: text(r.table_name), columns: new Map() }));
      t.columns.set(text(r.column_name), {
        name: text(r.column_name),
        dataType: text(r.data_type),
        maxLength: num(r.character_maximum_length),
        collation: r.collation_name ? text(r.collation_name) : null,
        indexed: false,
        lowerIndexed: false,
      });
    }
    const idx = await session.query(
      `SELECT schemaname, tablename, indexdef FROM pg_indexes WHERE schemaname = ANY($1) AND tablename = ANY($2)`,
      [schemas, names],
    );
    for (const r of idx) {
      const t = found.get(key(text(r.schemaname), text(r.tablename)));
      if (!t) continue;
      const lead = leadingIndexColumn(text(r.indexdef));
      if (lead.column) {
        const c = t.columns.get(lead.column);
        if (c) c.indexed = true;
      }
      if (lead.lower) {
        const c = t.columns.get(lead.lower);
        if (c) c.lowerIndexed = true;
      }
    }
  } else {
    const schema = session.database ?? "";
    const list = names.map(() => "?").join(", ");
    const cols = await session.query(
      `SELECT TABLE_NAME AS table_name, COLUMN_NAME AS column_name, DATA_TYPE AS data_type,
              CHARACTER_MAXIMUM_LENGTH AS max_length, COLLATION_NAME AS collation_name
         FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME IN (${list}) ORDER BY ORDINAL_POSITION`,
      [schema, ...names],
    );
    for (const r of cols) {
      const k = key(schema, text(r.table_name));
      let t = found.get(k);
      if (!t) found.set(k, (t = { schema, name: text(r.table_name), columns: new Map() }));
      t.columns.set(text(r.column_name), {
        name: text(r.column_name),
        dataType: text(r.data_type),
        maxLength: num(r.max_length),
        collation: r.collation_name ? text(r.collation_name) : null,
        indexed: false,
        lowerIndexed: false,
      });
    }
    const idx = await session.query(
      `SELECT TABLE_NAME AS table_name, COLUMN_NAME AS column_name FROM information_schema.STATISTICS
        WHERE TABLE_SCHEMA = ? AND TABLE_NAME IN (${list}) AND SEQ_IN_INDEX = 1`,
      [schema, ...names],
    );
    for (const r of idx) {
      const c = found.get(key(schema, text(r.table_name)))?.columns.get(text(r.column_name));
      if (c) c.indexed = true;
    }
  }
  for (const w of wanted) catalog.set(w.t.name, found.get(key(w.schema, w.t.name)));
  return catalog;
}

/** The live column for a map column name; MySQL column names compare case-insensitively. */
export function liveColumn(session: Session, info: TableInfo | undefined, name: string): ColumnInfo | undefined {
  if (!info) return undefined;
  const exact = info.columns.get(name);
  if (exact || session.dialect === "postgres") return exact;
  const lower = name.toLowerCase();
  for (const c of info.columns.values()) if (c.name.toLowerCase() === lower) return c;
  return undefined;
}

/** Every column name a table's map entry uses (mapped, key, identity, suspension, references). */
export function usedColumns(t: MapTable, map: DatasetMap): string[] {
  const set = new Set<string>([...t.primaryKey, ...t.columns.map((c) => c.name)]);
  for (const i of t.identities ?? []) {
    set.add(i.column);
    if (i.birthDateColumn) set.add(i.birthDateColumn);
  }
  if (t.suspension) set.add(t.suspension.column);
  for (const r of t.references ?? []) for (const c of r.columns) set.add(c);
  // Columns other tables' references point at.
  for (const o of map.tables)
    for (const r of o.references ?? []) if (r.table === t.name) for (const c of r.refColumns) set.add(c);
  return [...set];
}

/** The schema problems that make collection unsafe; [] when every mapped identifier exists. */
export function missingIdentifiers(session: Session, map: DatasetMap, catalog: Catalog): string[] {
  const out: string[] = [];
  for (const t of map.tables) {
    const info = catalog.get(t.name);
    if (!info) {
      out.push(`table "${t.name}" not found (or not visible to this database role)`);
      continue;
    }
    for (const c of usedColumns(t, map))
      if (!liveColumn(session, info, c)) out.push(`column "${t.name}.${c}" not found`);
  }
  return out;
}

export function assertSchemaMatches(session: Session, map: DatasetMap, catalog: Catalog): void {
  const missing = missingIdentifiers(session, map, catalog);
  if (missing.length > 0) {
    throw new ConnectedSystemError(
      "SCHEMA_CHANGED",
      `The database no longer matches the map: ${missing.slice(0, 10).join("; ")}.`,
    );
  }
}

/** Tables collection can reach: identity tables, then along references (fixpoint). */
export function reachableTables(map: DatasetMap): Set<string> {
  const reach = new Set(map.tables.filter((t) => (t.identities ?? []).length > 0).map((t) => t.name));
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of map.tables) {
      for (const r of t.references ?? []) {
        if (reach.has(r.table) && !reach.has(t.name)) {
          reach.add(t.name);
          grew = true;
        }
        if (r.followToReferenced && reach.has(t.name) && !reach.has(r.table)) {
          reach.add(r.table);
          grew = true;
        }
      }
    }
  }
  return reach;
}
