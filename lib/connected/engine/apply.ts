import { createHmac } from "node:crypto";
import { ConnectedSystemError } from "./errors";
import { DEFAULT_TIMEOUT_MS, type Session } from "./drivers/driver";
import { openDriver } from "./drivers/open";
import { assertSchemaMatches, introspect, liveColumn, type Catalog } from "./introspect";
import { resolveTable } from "./collect";
import { keyString, keyWhere, sameValue, toScalar } from "./sql";
import type {
  ChangeOptions,
  ChangeResult,
  ChangeResultTable,
  ConnectionConfig,
  DatasetMap,
  RowKey,
  ScalarValue,
} from "./types";

// One write transaction per system: every planned row is locked, checked against the value it
// held when the plan was made, changed, and re-read before COMMIT. A row already in its target
// state is skipped (so a re-run changes nothing); a row changed by someone else since the plan
// stops everything (STALE_ROW) and the transaction rolls back, so a failure midway changes nothing.

export type TargetValue = ScalarValue | { keyedHashOf: ScalarValue };
export type ChangeSpecRow = { key: RowKey; before: Record<string, ScalarValue>; target: Record<string, TargetValue> };
export type ChangeSpec = { table: string; action: "update" | "delete"; rows: ChangeSpecRow[] };

export function hmacHex(key: Buffer, value: unknown): string {
  return createHmac("sha256", key).update(JSON.stringify(value)).digest("hex");
}

function resolveTargets(
  s: Session,
  catalog: Catalog,
  table: string,
  row: ChangeSpecRow,
  key: Buffer,
): Record<string, ScalarValue> {
  const out: Record<string, ScalarValue> = {};
  for (const [col, t] of Object.entries(row.target)) {
    if (t !== null && typeof t === "object") {
      if (t.keyedHashOf === null) {
        out[col] = null;
        continue;
      }
      // Deterministic for the same key and value, so a re-run finds the row already done.
      const digest = createHmac("sha256", key).update(String(t.keyedHashOf)).digest("hex");
      const max = liveColumn(s, catalog.get(table), col)?.maxLength ?? null;
      out[col] = max !== null && max < digest.length ? digest.slice(0, Math.max(1, max)) : digest;
    } else {
      out[col] = t;
    }
  }
  return out;
}

type Check = { exists: boolean; current: Record<string, unknown>; equalsTarget: boolean[] };

async function checkRow(
  s: Session,
  map: DatasetMap,
  catalog: Catalog,
  spec: ChangeSpec,
  row: ChangeSpecRow,
  targets: Record<string, ScalarValue>,
  lock: boolean,
): Promise<Check> {
  const t = map.tables.find((x) => x.name === spec.table);
  if (!t)
    throw new ConnectedSystemError("MAP_INVALID", `The plan names table "${spec.table}", which is not in the map.`);
  const r = resolveTable(s, map, catalog, t);
  const params: unknown[] = [];
  const cols = Object.keys(spec.action === "delete" ? row.before : targets);
  const comparisons =
    spec.action === "delete"
      ? []
      : cols.map((c, i) => {
          params.push(targets[c]);
          return `(${r.col(c)} ${s.nullSafeEq} ${s.param(params.length)}) AS ${s.id(`m${i}`)}`;
        });
  const selected = [...cols.map((c) => r.col(c)), ...comparisons, ...(cols.length === 0 ? ["1 AS one"] : [])].join(
    ", ",
  );
  const where = keyWhere(
    s,
    t.primaryKey.map((p) => r.col(p)),
    t.primaryKey.map((p) => row.key[p]),
    params,
  );
  const rows = await s.query(`SELECT ${selected} FROM ${r.from} WHERE ${where}${lock ? " FOR UPDATE" : ""}`, params);
  const first = rows[0];
  if (!first) return { exists: false, current: {}, equalsTarget: [] };
  const current: Record<string, unknown> = {};
  for (const c of cols) current[c] = first[r.live(c)];
  const equalsTarget = comparisons.map((_, i) => {
    const v = first[`m${i}`];
    return v === true || v === 1 || v === "1" || v === "t";
  });
  return { exists: true, current, equalsTarget };
}

/** Only the tables a plan touches must be visible to the write role (least privilege). */
function touched(map: DatasetMap, specs: ChangeSpec[]): DatasetMap {
  return { ...map, tables: map.tables.filter((t) => specs.some((x) => x.table === t.name)) };
}

async function runSpecs(
  s: Session,
  fullMap: DatasetMap,
  specs: ChangeSpec[],
  opts: ChangeOptions,
): Promise<ChangeResultTable[]> {
  const map = touched(fullMap, specs);
  const catalog = await introspect(s, map);
  assertSchemaMatches(s, map, catalog);
  const results: ChangeResultTable[] = [];
  for (const spec of specs) {
    const t = map.tables.find((x) => x.name === spec.table);
    if (!t)
      throw new ConnectedSystemError("MAP_INVALID", `The plan names table "${spec.table}", which is not in the map.`);
    const r = resolveTable(s, map, catalog, t);
    const result: ChangeResultTable = {
      table: spec.table,
      rowsChanged: 0,
      columns: spec.action === "delete" ? [] : Object.keys(spec.rows[0]?.target ?? {}),
      beforeHashes: [],
      afterHashes: [],
    };
    for (const row of spec.rows) {
      const targets = resolveTargets(s, catalog, spec.table, row, opts.hashKey);
      // Deletes take no FOR UPDATE (it needs UPDATE privilege, which a delete-only grant lacks):
      // the DELETE itself carries the guard in its WHERE and the row is re-checked after it.
      const check = await checkRow(s, map, catalog, spec, row, targets, spec.action !== "delete");
      const params: unknown[] = [];
      const where = () =>
        keyWhere(
          s,
          t.primaryKey.map((p) => r.col(p)),
          t.primaryKey.map((p) => row.key[p]),
          params,
        );
      if (spec.action === "delete") {
        if (!check.exists) continue; // deleted already: a re-run
        for (const [c, v] of Object.entries(row.before)) {
          if (!sameValue(check.current[c], v))
            throw new ConnectedSystemError(
              "STALE_ROW",
              `A row of "${spec.table}" changed since the plan was made; nothing was changed.`,
            );
        }
        const keySql = keyWhere(
          s,
          t.primaryKey.map((p) => r.col(p)),
          t.primaryKey.map((p) => row.key[p]),
          params,
        );
        const guardSql = Object.entries(row.before)
          .map(([c, v]) => {
            params.push(v);
            return ` AND ${r.col(c)} ${s.nullSafeEq} ${s.param(params.length)}`;
          })
          .join("");
        await s.query(`DELETE FROM ${r.from} WHERE ${keySql}${guardSql}`, params);
        if ((await checkRow(s, map, catalog, spec, row, targets, false)).exists) {
          throw new ConnectedSystemError(
            "STALE_ROW",
            `A row of "${spec.table}" changed since the plan was made; nothing was changed.`,
          );
        }
      } else {
        if (!check.exists)
          throw new ConnectedSystemError(
            "STALE_ROW",
            `A planned row of "${spec.table}" no longer exists; nothing was changed.`,
          );
        const cols = Object.keys(targets);
        if (check.equalsTarget.every(Boolean)) continue; // already in its target state
        cols.forEach((c, i) => {
          if (!check.equalsTarget[i] && !sameValue(check.current[c], row.before[c] ?? null)) {
            throw new ConnectedSystemError(
              "STALE_ROW",
              `A row of "${spec.table}" changed since the plan was made; nothing was changed.`,
            );
          }
        });
        const set = cols
          .map((c) => {
            params.push(targets[c]);
            return `${r.col(c)} = ${s.param(params.length)}`;
          })
          .join(", ");
        await s.query(`UPDATE ${r.from} SET ${set} WHERE ${where()}`, params);
      }
      result.rowsChanged += 1;
      const k = keyString(row.key, t.primaryKey);
      result.beforeHashes.push(hmacHex(opts.hashKey, [spec.table, k, row.before]));
      result.afterHashes.push(hmacHex(opts.hashKey, [spec.table, k, spec.action === "delete" ? "deleted" : targets]));
    }
    results.push(result);
  }
  // Re-read inside the transaction: anything not in its target state aborts before COMMIT.
  if (!(await verifySpecs(s, map, catalog, specs, opts)))
    throw new ConnectedSystemError(
      "ERROR",
      "The change could not be confirmed by re-reading the rows; nothing was changed.",
    );
  return results;
}

async function verifySpecs(
  s: Session,
  map: DatasetMap,
  catalog: Catalog,
  specs: ChangeSpec[],
  opts: ChangeOptions,
): Promise<boolean> {
  for (const spec of specs) {
    for (const row of spec.rows) {
      const targets = resolveTargets(s, catalog, spec.table, row, opts.hashKey);
      const check = await checkRow(s, map, catalog, spec, row, targets, false);
      if (spec.action === "delete" ? check.exists : !check.exists || !check.equalsTarget.every(Boolean)) return false;
    }
  }
  return true;
}

export async function applySpecs(
  writeConn: ConnectionConfig,
  map: DatasetMap,
  specs: ChangeSpec[],
  opts: ChangeOptions,
): Promise<ChangeResult> {
  if (map.dialect !== writeConn.dialect)
    throw new ConnectedSystemError(
      "MAP_INVALID",
      `The map is for ${map.dialect} but the connection is ${writeConn.dialect}.`,
    );
  if (!Buffer.isBuffer(opts.hashKey) || opts.hashKey.length < 16)
    throw new ConnectedSystemError("ERROR", "A hash key of at least 16 bytes is required.");
  const driver = openDriver(writeConn);
  const timeout = opts.statementTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const tables = await driver.transaction("write", timeout, (s) => runSpecs(s, map, specs, opts));
  // And once more after COMMIT, in a fresh read-only transaction, as the record of verification.
  const verified = await driver.transaction("read", timeout, async (s) => {
    const sub = touched(map, specs);
    const catalog = await introspect(s, sub);
    return verifySpecs(s, sub, catalog, specs, opts);
  });
  return { tables, verified };
}

export { toScalar };
