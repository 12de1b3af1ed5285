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
});
