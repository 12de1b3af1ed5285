import { ConnectedSystemError } from "./errors";
import { applySpecs } from "./apply";
import { resolveTable } from "./collect";
import { DEFAULT_TIMEOUT_MS } from "./drivers/driver";
import { openDriver } from "./drivers/open";
import { assertSchemaMatches, introspect } from "./introspect";
import { parseDatasetMap } from "./map-schema";
import { keyWhere, toScalar } from "./sql";
import type {
  ChangeOptions,
  ChangeResult,
  ConnectionConfig,
  CorrectionInput,
  CorrectionPlan,
  DatasetMap,
} from "./types";

/** Before/after for every row to correct, read now (read-only). */
export async function planCorrection(
  conn: ConnectionConfig,
  mapInput: DatasetMap,
  input: CorrectionInput,
): Promise<CorrectionPlan> {
  const map = parseDatasetMap(mapInput);
  const t = map.tables.find((x) => x.name === input.table);
  if (!t) throw new ConnectedSystemError("MAP_INVALID", `Table "${input.table}" is not in the map.`);
  const column = t.columns.find((c) => c.name === input.column);
  if (!column)
    throw new ConnectedSystemError("MAP_INVALID", `Column "${input.table}.${input.column}" is not in the map.`);
  if (!column.correctable)
    throw new ConnectedSystemError(
      "MAP_INVALID",
      `Column "${input.table}.${input.column}" is not marked correctable in the map.`,
    );
  if (t.primaryKey.includes(column.name))
    throw new ConnectedSystemError(
      "MAP_INVALID",
      `Column "${input.table}.${input.column}" is part of the primary key.`,
    );
  if (input.rowKeys.length === 0 || input.rowKeys.length > 10_000)
    throw new ConnectedSystemError("ERROR", "A correction needs between 1 and 10,000 rows.");
  for (const k of input.rowKeys) {
    if (t.primaryKey.some((p) => k[p] === undefined))
      throw new ConnectedSystemError("ERROR", `A row key for "${t.name}" lacks a primary-key column.`);
  }
  if (input.newValue !== null && input.newValue.length > 10_000)
    throw new ConnectedSystemError("ERROR", "The new value is too long.");
  const driver = openDriver(conn);
  return driver.transaction("read", DEFAULT_TIMEOUT_MS, async (s) => {
    const catalog = await introspect(s, map);
    assertSchemaMatches(s, map, catalog);
    const r = resolveTable(s, map, catalog, t);
    const rows: CorrectionPlan["rows"] = [];
    for (const key of input.rowKeys) {
      const params: unknown[] = [];
      const where = keyWhere(
        s,
        t.primaryKey.map((p) => r.col(p)),
        t.primaryKey.map((p) => key[p]),
        params,
      );
      const [row] = await s.query(`SELECT ${r.col(column.name)} FROM ${r.from} WHERE ${where}`, params);
      if (!row) throw new ConnectedSystemError("STALE_ROW", `A row of "${t.name}" to correct no longer exists.`);
      rows.push({ key, before: toScalar(row[r.live(column.name)]), after: input.newValue });
    }
    return { table: t.name, column: column.name, newValue: input.newValue, rows };
  });
}

/** Runs the approved correction in one transaction; rows already corrected are skipped. */
export async function applyCorrection(
  writeConn: ConnectionConfig,
  mapInput: DatasetMap,
  plan: CorrectionPlan,
  opts: ChangeOptions,
): Promise<ChangeResult> {
  const map = parseDatasetMap(mapInput);
  const column = map.tables.find((x) => x.name === plan.table)?.columns.find((c) => c.name === plan.column);
  if (!column?.correctable)
    throw new ConnectedSystemError(
      "MAP_INVALID",
      `Column "${plan.table}.${plan.column}" is not marked correctable in the map.`,
    );
  return applySpecs(
    writeConn,
    map,
    [
      {
        table: plan.table,
        action: "update",
        rows: plan.rows.map((r) => ({
          key: r.key,
          before: { [plan.column]: r.before },
          target: { [plan.column]: plan.newValue },
        })),
      },
    ],
    opts,
  );
}
