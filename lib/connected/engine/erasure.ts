import { ConnectedSystemError } from "./errors";
import { applySpecs, type ChangeSpec, type TargetValue } from "./apply";
import { resolveTable } from "./collect";
import { DEFAULT_TIMEOUT_MS } from "./drivers/driver";
import { openDriver } from "./drivers/open";
import { assertSchemaMatches, introspect } from "./introspect";
import { parseDatasetMap } from "./map-schema";
import { keyWhere, toScalar } from "./sql";
import type {
  ChangeOptions,
  ChangeResult,
  Collection,
  ConnectionConfig,
  DatasetMap,
  ErasureMode,
  ErasurePlan,
  ErasurePlanTable,
  ErasureStrategy,
  MapTable,
  ScalarValue,
} from "./types";

/** Tables that reference others are deleted before the tables they reference. */
function deleteOrder(map: DatasetMap): Map<string, number> {
  const order = new Map<string, number>();
  const visit = (t: MapTable, depth: number) => {
    if (depth > map.tables.length) return;
    order.set(t.name, Math.max(order.get(t.name) ?? 0, depth));
    for (const o of map.tables)
      if ((o.references ?? []).some((r) => r.table === t.name) && o.name !== t.name) visit(o, depth + 1);
  };
  for (const t of map.tables) visit(t, 0);
  return order;
}

/** What erasure or suspension would do to each collected row — the dry run staff and the officer see. */
export async function planErasure(
  conn: ConnectionConfig,
  mapInput: DatasetMap,
  collection: Collection,
  opts: { mode: ErasureMode },
): Promise<ErasurePlan> {
  const map = parseDatasetMap(mapInput);
  const wanted: Array<{
    t: MapTable;
    action: ErasurePlanTable["action"];
    columns: ErasurePlanTable["columns"];
    keys: Collection["tables"][number]["rows"];
  }> = [];
  for (const ct of collection.tables) {
    if (ct.rows.length === 0) continue;
    const t = map.tables.find((x) => x.name === ct.table);
    if (!t)
      throw new ConnectedSystemError(
        "MAP_INVALID",
        `The collection names table "${ct.table}", which is not in the map.`,
      );
    if (opts.mode === "suspend") {
      if (!t.suspension) continue;
      wanted.push({
        t,
        action: "flag",
        columns: [{ name: t.suspension.column, strategy: { kind: "fixed", value: String(t.suspension.value) } }],
        keys: ct.rows,
      });
      continue;
    }
    const deletes = t.deleteRowAllowed === true && t.columns.some((c) => c.erasure?.kind === "delete_row");
    if (deletes) {
      wanted.push({ t, action: "delete", columns: [], keys: ct.rows });
      continue;
    }
    const columns = t.columns
      .filter(
        (c): c is typeof c & { erasure: ErasureStrategy } =>
          c.erasure !== undefined && ["set_null", "fixed", "keyed_hash"].includes(c.erasure.kind),
      )
      .map((c) => ({ name: c.name, strategy: c.erasure }));
    if (columns.length > 0) wanted.push({ t, action: "update", columns, keys: ct.rows });
  }
  const order = deleteOrder(map);
  wanted.sort(
    (a, b) =>
      (a.action === "delete" ? 1 : 0) - (b.action === "delete" ? 1 : 0) ||
      (a.action === "delete" ? (order.get(b.t.name) ?? 0) - (order.get(a.t.name) ?? 0) : 0),
  );

  const driver = openDriver(conn);
  return driver.transaction("read", DEFAULT_TIMEOUT_MS, async (s) => {
    const catalog = await introspect(s, map);
    assertSchemaMatches(s, map, catalog);
    const tables: ErasurePlanTable[] = [];
    for (const w of wanted) {
      const r = resolveTable(s, map, catalog, w.t);
      const cols = w.action === "delete" ? w.t.columns.map((c) => c.name) : w.columns.map((c) => c.name);
      const rows: ErasurePlanTable["rows"] = [];
      for (const { key } of w.keys) {
        const params: unknown[] = [];
        const where = keyWhere(
          s,
          w.t.primaryKey.map((p) => r.col(p)),
          w.t.primaryKey.map((p) => key[p]),
          params,
        );
        const [row] = await s.query(
          `SELECT ${cols.map((c) => r.col(c)).join(", ")} FROM ${r.from} WHERE ${where}`,
          params,
        );
        if (!row) continue; // gone since the collection
        const before: Record<string, ScalarValue> = {};
        for (const c of cols) before[c] = toScalar(row[r.live(c)]);
        rows.push({ key, before });
      }
      if (rows.length > 0)
        tables.push({ table: w.t.name, action: w.action, columns: w.columns, rows, count: rows.length });
    }
    return { mode: opts.mode, tables, totalRows: tables.reduce((n, t) => n + t.count, 0) };
  });
}

/** Runs an approved erasure/suspension plan: one transaction for the system, verified after; a re-run changes 0 rows. */
export async function applyErasure(
  writeConn: ConnectionConfig,
  mapInput: DatasetMap,
  plan: ErasurePlan,
  opts: ChangeOptions,
): Promise<ChangeResult> {
  const map = parseDatasetMap(mapInput);
  const specs: ChangeSpec[] = plan.tables.map((pt) => {
    const t = map.tables.find((x) => x.name === pt.table);
    if (!t)
      throw new ConnectedSystemError("MAP_INVALID", `The plan names table "${pt.table}", which is not in the map.`);
    if (pt.action === "delete" && !t.deleteRowAllowed)
      throw new ConnectedSystemError("MAP_INVALID", `The map does not allow deleting rows of "${pt.table}".`);
    if (pt.action === "flag" && !t.suspension)
      throw new ConnectedSystemError("MAP_INVALID", `Table "${pt.table}" has no suspension column in the map.`);
    return {
      table: pt.table,
      action: pt.action === "delete" ? "delete" : "update",
      rows: pt.rows.map((row) => {
        const target: Record<string, TargetValue> = {};
        if (pt.action === "flag" && t.suspension) target[t.suspension.column] = t.suspension.value;
        if (pt.action === "update") {
          for (const c of pt.columns) {
            // The strategy comes from the map, not the plan: an approved plan cannot smuggle in another value.
            const strategy = t.columns.find((x) => x.name === c.name)?.erasure;
            if (!strategy || strategy.kind === "keep" || strategy.kind === "delete_row")
              throw new ConnectedSystemError(
                "MAP_INVALID",
                `Column "${pt.table}.${c.name}" has no masking strategy in the map.`,
              );
            target[c.name] =
              strategy.kind === "set_null"
                ? null
                : strategy.kind === "fixed"
                  ? strategy.value
                  : { keyedHashOf: row.before[c.name] ?? null };
          }
        }
        return { key: row.key, before: row.before, target };
      }),
    };
  });
  return applySpecs(writeConn, map, specs, opts);
}
