import { DEFAULT_TIMEOUT_MS } from "./drivers/driver";
import { openDriver } from "./drivers/open";
import { introspect, liveColumn, reachableTables, usedColumns } from "./introspect";
import { parseDatasetMap } from "./map-schema";
import type { ConnectionConfig, DatasetMap, MapCheck, MapCheckTable } from "./types";

const textTypes = /char|text|string|clob/i;

/** Compares the map with the live schema (information_schema): found/missing per table and column, with the database's types. */
export async function checkMap(conn: ConnectionConfig, mapInput: DatasetMap): Promise<MapCheck> {
  const map = parseDatasetMap(mapInput);
  const driver = openDriver(conn);
  return driver.transaction("read", DEFAULT_TIMEOUT_MS, async (session) => {
    const catalog = await introspect(session, map);
    const reach = reachableTables(map);
    const problems: string[] = [];
    if (conn.dialect !== map.dialect)
      problems.push(`the map is for ${map.dialect} but the connection is ${conn.dialect}`);
    const tables: MapCheckTable[] = map.tables.map((t) => {
      const info = catalog.get(t.name);
      const tp: string[] = [];
      const warnings: string[] = [];
      const columns = usedColumns(t, map).map((name) => {
        const c = liveColumn(session, info, name);
        if (info && !c) tp.push(`column "${t.name}.${name}" not found`);
        return { name, found: Boolean(c), dataType: c?.dataType ?? null };
      });
      if (!info) tp.push(`table "${t.name}" not found${t.schema ? ` in schema "${t.schema}"` : ""}`);
      const reachable = reach.has(t.name);
      if (!reachable) tp.push(`table "${t.name}" has no identity column and no reference path from one`);
      for (const c of t.columns) {
        const live = liveColumn(session, info, c.name);
        if (live && c.erasure?.kind === "keyed_hash" && !textTypes.test(live.dataType)) {
          tp.push(`column "${t.name}.${c.name}" is ${live.dataType}; keyed_hash needs a text column`);
        }
      }
      for (const idn of t.identities ?? []) {
        const live = liveColumn(
          session,
          info,
          idn.kind === "name_birth_date" ? (idn.birthDateColumn ?? idn.column) : idn.column,
        );
        if (!live) continue;
        const ok = idn.kind === "email" && session.dialect === "postgres" ? live.lowerIndexed : live.indexed;
        if (!ok) {
          warnings.push(
            idn.kind === "email" && session.dialect === "postgres"
              ? `identity "${t.name}.${live.name}" has no index on lower(${live.name}); collection will scan the table`
              : `identity "${t.name}.${live.name}" has no index; collection will scan the table`,
          );
        }
        if (idn.kind === "email" && session.dialect === "mysql" && live.collation && !/_ci$/i.test(live.collation)) {
          warnings.push(
            `identity "${t.name}.${live.name}" has a case-sensitive collation (${live.collation}); collection compares LOWER() and will scan`,
          );
        }
      }
      problems.push(...tp);
      return { table: t.name, found: Boolean(info), columns, reachable, problems: tp, warnings };
    });
    return { ok: problems.length === 0, tables, problems };
  });
}
