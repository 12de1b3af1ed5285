import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { pgliteStatement, pgliteTransaction } from "@/lib/server/pglite-statements";

// Statements sent to PGlite in one call each (ADR 0022). These check what PGlite's own
// query() and transaction() gave and the filing relies on: values typed by the server from
// text, all or nothing, and no other query running inside the transaction.

let db: PGlite;

beforeAll(async () => {
  db = new PGlite("memory://");
  await db.exec(`CREATE TABLE t (k text PRIMARY KEY, n int NOT NULL, at timestamp(3), doc jsonb)`);
});
afterAll(async () => {
  await db.close();
});

const rowsOf = async () => (await db.query<{ k: string }>(`SELECT k FROM t ORDER BY k`)).rows.map((r) => r.k);

describe("PGlite statements in one call", () => {
  it("sends values as text typed by the server, null as NULL, and returns parsed rows", async () => {
    const [row] = await pgliteStatement<{ k: string; n: number; atMs: number; doc: unknown; missing: null }>(db, {
      text: `INSERT INTO t VALUES ($1, $2, $3::timestamp(3), $4::jsonb)
        RETURNING k, n, (extract(epoch FROM at) * 1000)::float8 AS "atMs", doc, $5::text AS missing`,
      values: ["a", 7, new Date("2026-11-30T03:00:00.123Z"), { x: [1, "二"] }, null],
    });
    expect(row).toEqual({
      k: "a",
      n: 7,
      atMs: Date.parse("2026-11-30T03:00:00.123Z"),
      doc: { x: [1, "二"] },
      missing: null,
    });
  });

  it("parses each type exactly as PGlite's own query() does, statement by statement", async () => {
    const text = `SELECT 1::int2 AS a, 2::int4 AS b, 9007199254740993::int8 AS c, 1.5::numeric AS d, 2.5::float8 AS e,
      true AS f, 'x'::text AS g, '2026-11-30'::date AS h, '2026-11-30 03:00:00.123'::timestamp(3) AS i,
      '2026-11-30 03:00:00+09'::timestamptz AS j, '{"k":[1,"二"]}'::jsonb AS k, '[1]'::json AS l,
      ARRAY[1,2]::int4[] AS m, ARRAY['a',NULL]::text[] AS n, '\\x0102'::bytea AS o, NULL::int AS p,
      'DISCLOSURE'::text AS q, $1::text AS r`;
    const [mine] = await pgliteStatement<Record<string, unknown>>(db, { text, values: ["値"] });
    const theirs = (await db.query<Record<string, unknown>>(text, ["値"])).rows[0];
    expect(mine).toEqual(theirs);
    // Several statements in one transaction: each call returns its own statement's rows.
    const out = await pgliteTransaction(db, async (query) => [
      await query<{ v: number }>({ text: `SELECT 1 AS v UNION ALL SELECT 2`, values: [] }),
      await query<{ w: string }>({ text: `SELECT 'w' AS w`, values: [] }),
      await query({ text: `SELECT 1 WHERE false`, values: [] }),
    ]);
    expect(out).toEqual([[{ v: 1 }, { v: 2 }], [{ w: "w" }], []]);
  });

  it("rolls back every statement when a later one fails, and the error is the database's", async () => {
    await expect(
      pgliteTransaction(db, async (query) => {
        await query({ text: `INSERT INTO t (k, n) VALUES ($1, 1)`, values: ["b"] });
        await query({ text: `INSERT INTO t (k, n) VALUES ($1, 1)`, values: ["a"] }); // duplicate key
      }),
    ).rejects.toMatchObject({ code: "23505" });
    expect(await rowsOf()).toEqual(["a"]);
    // The connection is usable afterwards: the failed transaction was ended.
    await pgliteTransaction(db, (query) => query({ text: `INSERT INTO t (k, n) VALUES ($1, 1)`, values: ["c"] }));
    expect(await rowsOf()).toEqual(["a", "c"]);
  });

  it("rolls back when the caller throws between statements", async () => {
    await expect(
      pgliteTransaction(db, async (query) => {
        await query({ text: `INSERT INTO t (k, n) VALUES ($1, 1)`, values: ["d"] });
        throw new Error("draft files gone");
      }),
    ).rejects.toThrow("draft files gone");
    expect(await rowsOf()).toEqual(["a", "c"]);
  });

  it("lets no other query run inside the transaction: one issued meanwhile runs after it and survives its rollback", async () => {
    let outside: Promise<unknown> | undefined;
    await expect(
      pgliteTransaction(db, async (query) => {
        await query({ text: `INSERT INTO t (k, n) VALUES ($1, 1)`, values: ["e"] });
        outside = db.query(`INSERT INTO t (k, n) VALUES ('f', 1)`);
        // Give the outside query every chance to slip in before the rollback.
        await new Promise((r) => setTimeout(r, 50));
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    await outside;
    expect(await rowsOf()).toEqual(["a", "c", "f"]);
  });

  describe("named statements", () => {
    const named = async () =>
      (
        await db.query<{ name: string; statement: string }>(
          `SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 'test_%' ORDER BY name`,
        )
      ).rows;

    it("are parsed once per session and bound with each call's values", async () => {
      const count = { name: "test_count", text: `SELECT count(*)::int AS n FROM t WHERE k >= $1` };
      const runs = [];
      for (const from of ["a", "c", "z"])
        runs.push(await pgliteStatement<{ n: number }>(db, { ...count, values: [from] }));
      expect(runs.map(([r]) => r?.n)).toEqual([3, 2, 0]);
      await pgliteTransaction(db, (query) => query({ ...count, values: ["a"] }));
      expect(await named()).toEqual([{ name: "test_count", statement: count.text }]);
    });

    it("are parsed again when the same name comes with other text", async () => {
      const [row] = await pgliteStatement<{ n: number }>(db, {
        name: "test_count",
        text: `SELECT count(*)::int + 100 AS n FROM t WHERE k >= $1`,
        values: ["a"],
      });
      expect(row?.n).toBe(103);
      expect((await named()).map((r) => r.statement)).toEqual([`SELECT count(*)::int + 100 AS n FROM t WHERE k >= $1`]);
    });

    it("recover when the batch that parsed them failed, before or after the parse", async () => {
      const insert = { name: "test_insert", text: `INSERT INTO t (k, n) VALUES ($1, 1)` };
      // Parsed, then the execution fails: the statement exists, the next use must not trip on it.
      await expect(pgliteStatement(db, { ...insert, values: ["a"] })).rejects.toMatchObject({ code: "23505" });
      await pgliteStatement(db, { ...insert, values: ["g"] });
      // A statement whose text does not parse: the same name with good text then works.
      const broken = { name: "test_broken", text: `SELEC 1 AS one` };
      await expect(pgliteStatement(db, { ...broken, values: [] })).rejects.toMatchObject({ code: "42601" });
      const [one] = await pgliteStatement<{ one: number }>(db, { ...broken, text: `SELECT 1 AS one`, values: [] });
      expect(one?.one).toBe(1);
      expect(await rowsOf()).toEqual(["a", "c", "f", "g"]);
    });

    it("take each text in turn when a transaction sends one name with two texts", async () => {
      const out = await pgliteTransaction(db, async (query) => [
        await query<{ v: number }>({ name: "test_turn", text: `SELECT 1 + $1::int AS v`, values: [1] }),
        await query<{ v: number }>({ name: "test_turn", text: `SELECT 10 + $1::int AS v`, values: [1] }),
        await query<{ v: number }>({ name: "test_turn", text: `SELECT 10 + $1::int AS v`, values: [2] }),
      ]);
      expect(out.map(([r]) => r?.v)).toEqual([2, 11, 12]);
    });
  });
});
