// The connected-database engine against real servers: PostgreSQL (in the PostgreSQL pass, on the
// TEST_DATABASE_URL server), MariaDB and the embedded PGlite target (in the PGlite pass) — so the
// two vitest passes test different targets instead of repeating each other. Every test database
// is created and dropped here, named per run, worker and process.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import mysql from "mysql2/promise";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { demoDatasetMap, demoIdentities, ensureDemoTarget } from "@/lib/connected/demo";
import {
  applyCorrection,
  applyErasure,
  checkMap,
  closeConnectedResources,
  collect,
  ConnectedSystemError,
  parseMapYaml,
  planCorrection,
  planErasure,
  type Collection,
  type ConnectionConfig,
  type DatasetMap,
} from "@/lib/connected/engine";
import { openDriver } from "@/lib/connected/engine/drivers/open";
import { embeddedTargetIsOpen, setEmbeddedTargetIdleCloseMs } from "@/lib/connected/engine/drivers/pglite";

// Real servers on a shared 2-core machine: each test creates databases and roles.
vi.setConfig({ testTimeout: 120_000 });

const run = `${process.env.MADOGUCHI_TEST_RUN ?? "x"}_${process.env.VITEST_POOL_ID ?? "0"}_${process.pid}`.replace(
  /[^A-Za-z0-9_]/g,
  "",
);
const pgServer = process.env.TEST_DATABASE_URL;
const MYSQL_ROOT = "mysql://root@127.0.0.1:3306";
const hashKey = Buffer.alloc(32, 7);
const PASSWORD = "Pw-s3cret-Z9";

type Kind = "postgres" | "mysql" | "pglite";
const kinds: Kind[] = pgServer ? ["postgres"] : ["pglite", "mysql"];

async function reachable(kind: Kind): Promise<boolean> {
  try {
    if (kind === "postgres") {
      const c = new pg.Client({ connectionString: pgServer, connectionTimeoutMillis: 3000 });
      await c.connect();
      await c.end();
    } else if (kind === "mysql") {
      const c = await mysql.createConnection({ uri: MYSQL_ROOT, connectTimeout: 3000 });
      await c.end();
    }
    return true;
  } catch {
    return false;
  }
}

const created: Array<{ kind: Kind; name: string }> = [];
let counter = 0;

async function admin<T>(
  kind: "postgres" | "mysql",
  fn: (q: (sql: string) => Promise<unknown>) => Promise<T>,
): Promise<T> {
  if (kind === "postgres") {
    const c = new pg.Client({ connectionString: pgServer });
    await c.connect();
    try {
      return await fn((sql) => c.query(sql));
    } finally {
      await c.end();
    }
  }
  const c = await mysql.createConnection({ uri: MYSQL_ROOT });
  try {
    return await fn((sql) => c.query(sql));
  } finally {
    await c.end();
  }
}

function urlFor(kind: "postgres" | "mysql", db: string, user?: string, password?: string): string {
  const u = new URL(kind === "postgres" ? (pgServer ?? "") : MYSQL_ROOT);
  u.pathname = `/${db}`;
  if (user) {
    u.username = user;
    u.password = password ?? "";
  }
  return u.toString();
}

/** A fresh database with the demo service in it. */
async function freshTarget(kind: Kind): Promise<ConnectionConfig> {
  const name = `conn_engine_${run}_${++counter}`.toLowerCase();
  let conn: ConnectionConfig;
  if (kind === "pglite") {
    const dir = path.join(os.tmpdir(), name);
    fs.rmSync(dir, { recursive: true, force: true });
    conn = { dialect: "postgres", url: `pglite:${dir}` };
  } else {
    await admin(kind, async (q) => {
      await q(
        kind === "postgres" ? `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)` : `DROP DATABASE IF EXISTS \`${name}\``,
      );
      await q(
        kind === "postgres"
          ? `CREATE DATABASE "${name}"`
          : `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      );
    });
    conn = { dialect: kind, url: urlFor(kind, name) };
  }
  created.push({ kind, name });
  await ensureDemoTarget(conn);
  return conn;
}

const dbName = (conn: ConnectionConfig) => decodeURIComponent(new URL(conn.url).pathname.slice(1));

async function raw(conn: ConnectionConfig, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  return openDriver(conn).transaction("write", 30_000, (s) => s.query(sql, params));
}

const demoTableNames = [
  "members",
  "login_history",
  "access_logs",
  "contracts",
  "payments",
  "refunds",
  "inquiries",
  "inquiry_messages",
  "job_applicants",
  "employees",
];
async function snapshot(conn: ConnectionConfig): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of demoTableNames)
    out[t] = (await raw(conn, `SELECT * FROM ${t} ORDER BY id`)).map((r) => JSON.stringify(r));
  return out;
}
function changedRows(a: Record<string, string[]>, b: Record<string, string[]>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of demoTableNames) {
    const before = new Set(a[t]);
    const after = new Set(b[t]);
    const n =
      [...(a[t] ?? [])].filter((r) => !after.has(r)).length + [...(b[t] ?? [])].filter((r) => !before.has(r)).length;
    if (n) out[t] = n;
  }
  return out;
}

const ids = (c: Collection, table: string) =>
  (c.tables.find((t) => t.table === table)?.rows ?? []).map((r) => Number(r.key.id)).sort((x, y) => x - y);
const D = (n: number) => 9_000_000 + n;

async function expectCode(p: Promise<unknown>, code: string): Promise<ConnectedSystemError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ConnectedSystemError);
  expect((e as ConnectedSystemError).code).toBe(code);
  return e as ConnectedSystemError;
}

afterAll(async () => {
  await closeConnectedResources();
  for (const { kind, name } of created) {
    if (kind === "pglite") fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    else
      await admin(kind, (q) =>
        q(
          kind === "postgres"
            ? `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`
            : `DROP DATABASE IF EXISTS \`${name}\``,
        ),
      ).catch(() => undefined);
  }
});

for (const kind of kinds) {
  const up = await reachable(kind);
  describe.skipIf(!up)(`connected engine on ${kind}`, () => {
    let conn: ConnectionConfig;
    let map: DatasetMap;
    beforeAll(async () => {
      conn = await freshTarget(kind);
      map = demoDatasetMap(conn.dialect);
    }, 180_000);

    it("refuses a map that names a missing column, naming it", async () => {
      const bad = structuredClone(map);
      bad.tables[0]?.columns.push({ name: "fax_number", category: 1, labelJa: "FAX", labelEn: "Fax" });
      const check = await checkMap(conn, bad);
      expect(check.ok).toBe(false);
      expect(check.problems.join("\n")).toContain("members.fax_number");
      const members = check.tables.find((t) => t.table === "members");
      expect(members?.columns.find((c) => c.name === "fax_number")).toMatchObject({ found: false, dataType: null });
      expect(members?.columns.find((c) => c.name === "email")).toMatchObject({
        found: true,
        dataType: expect.stringMatching(/char/),
      });
      const e = await expectCode(collect(conn, bad, demoIdentities.hanako), "SCHEMA_CHANGED");
      expect(e.message).toContain("members.fax_number");
      expect((await checkMap(conn, map)).ok).toBe(true);
      // The YAML import names the table and column at fault too.
      const yamlError = (() => {
        try {
          parseMapYaml(
            "version: 1\ndialect: postgres\ntables:\n  - name: payments\n    primaryKey: [id]\n    columns:\n      - { name: card_holder, category: 12, labelJa: 名義, labelEn: Holder }\n",
          );
          return null;
        } catch (err) {
          return err as Error;
        }
      })();
      expect(yamlError?.message).toMatch(/payments.*card_holder/);
    });

    it("collects exactly the person's rows across three hops, and nobody else's", async () => {
      const c = await collect(conn, map, { ...demoIdentities.hanako, email: "  HANAKO.Yamada@EXAMPLE.com " });
      expect(ids(c, "members")).toEqual([D(1)]); // not the .co.jp, the "2", the shared phone, the NULL-email namesake
      expect(ids(c, "login_history")).toEqual([D(1), D(2)]);
      expect(ids(c, "contracts")).toEqual([D(1)]);
      expect(ids(c, "payments")).toEqual([D(1), D(2)]);
      expect(ids(c, "refunds")).toEqual([D(1)]); // members -> contracts -> payments -> refunds
      expect(ids(c, "inquiries")).toEqual([D(1)]);
      expect(ids(c, "inquiry_messages")).toEqual([D(1), D(2)]);
      expect(ids(c, "job_applicants")).toEqual([D(1)]); // not the namesake born 1995
      expect(ids(c, "employees")).toEqual([]);
      expect(c.tables.find((t) => t.table === "refunds")?.via).toBe("payments.id -> refunds.payment_id");
      const member = c.tables.find((t) => t.table === "members")?.rows[0];
      expect(member?.values.email).toBe("Hanako.Yamada@Example.com");
      expect(member?.values.birth_date).toBe("1990-04-01");

      // Phone with full-width digits and a long-vowel mark for a hyphen, plus name and birth date.
      const byPhone = await collect(conn, map, {
        phone: "０９０ー１２３４ー５６７８",
        name: "山田花子",
        birthDate: "1990/4/1",
      });
      expect(ids(byPhone, "members")).toEqual([D(1)]); // taro shares the phone but his birth date contradicts
      expect(ids(byPhone, "job_applicants")).toEqual([D(1)]);
      // +81 form.
      const ichiro = await collect(conn, map, { phone: "080-9999-0000" });
      expect(ids(ichiro, "members")).toEqual([D(21)]);
      expect(ids(ichiro, "access_logs")).toEqual([D(21), D(22)]);
      // A member id typed in full width.
      expect(ids(await collect(conn, map, { memberId: "ｍ－９０００１１" }), "members")).toEqual([D(11)]);
      // Nobody: a similar email only.
      const none = await collect(conn, map, { email: "hanako.yamada@example.c" });
      expect(none.tables.every((t) => t.rows.length === 0)).toBe(true);
    });

    it("caps rows per table and says so", async () => {
      const c = await collect(conn, map, demoIdentities.hanako, { rowCapPerTable: 1 });
      const logins = c.tables.find((t) => t.table === "login_history");
      expect(logins?.rows).toHaveLength(1);
      expect(logins?.truncated).toBe(true);
    });

    it("keeps SQL injection in identity values and map identifiers inert", async () => {
      for (const email of [
        "x' OR '1'='1@example.com",
        "hanako.yamada@example.com' OR 1=1 --",
        'a@b.c"; DROP TABLE members; --',
      ]) {
        const c = await collect(conn, map, { email, memberId: "1; DROP TABLE members; --", phone: "090' OR '1'='1" });
        expect(c.tables.every((t) => t.rows.length === 0)).toBe(true);
      }
      const evil = structuredClone(map);
      const login = evil.tables.find((t) => t.name === "login_history");
      if (login)
        login.columns.push({
          name: 'ip_address" FROM login_history; DROP TABLE refunds; --',
          category: 2,
          labelJa: "x",
          labelEn: "x",
        });
      evil.tables.push({
        name: "members; DROP TABLE refunds; --",
        primaryKey: ["id"],
        identities: [{ kind: "email", column: "email" }],
        columns: [{ name: "email", category: 1, labelJa: "x", labelEn: "x" }],
      });
      const check = await checkMap(conn, evil);
      expect(check.ok).toBe(false);
      await expectCode(collect(conn, evil, demoIdentities.hanako), "SCHEMA_CHANGED");
      expect(await raw(conn, "SELECT count(*) AS n FROM refunds")).toEqual([{ n: expect.anything() }]);
      expect(Number((await raw(conn, "SELECT count(*) AS n FROM members"))[0]?.n)).toBeGreaterThan(5);
    });

    it.skipIf(kind === "pglite")("the read role can collect but cannot write", async () => {
      const k = kind as "postgres" | "mysql";
      const db = dbName(conn);
      const user = `conn_engine_ro_${run}`.toLowerCase().slice(0, 60);
      await admin(k, async (q) => {
        if (k === "postgres") {
          await q(`DROP ROLE IF EXISTS "${user}"`);
          await q(`CREATE ROLE "${user}" LOGIN PASSWORD '${PASSWORD}'`);
        } else {
          await q(`DROP USER IF EXISTS '${user}'@'%'`);
          await q(`CREATE USER '${user}'@'%' IDENTIFIED BY '${PASSWORD}'`);
          await q(`GRANT SELECT ON \`${db}\`.* TO '${user}'@'%'`);
        }
      });
      if (k === "postgres") {
        const c = new pg.Client({ connectionString: urlFor("postgres", db) });
        await c.connect();
        await c.query(`GRANT USAGE ON SCHEMA public TO "${user}"`);
        await c.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO "${user}"`);
        await c.end();
      }
      try {
        const readConn: ConnectionConfig = { dialect: k, url: urlFor(k, db, user, PASSWORD) };
        const c = await collect(readConn, map, demoIdentities.hanako);
        expect(ids(c, "members")).toEqual([D(1)]);
        const plan = await planErasure(readConn, map, c, { mode: "erase" });
        const before = await snapshot(conn);
        const e = await expectCode(applyErasure(readConn, map, plan, { hashKey }), "READ_ONLY_VIOLATION");
        expect(e.message).not.toContain(PASSWORD);
        expect(e.message).not.toContain(user);
        expect(changedRows(before, await snapshot(conn))).toEqual({});
      } finally {
        await admin(k, async (q) => {
          if (k === "postgres") {
            const c = new pg.Client({ connectionString: urlFor("postgres", db) });
            await c.connect();
            await c.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "${user}"`);
            await c.query(`REVOKE ALL ON SCHEMA public FROM "${user}"`);
            await c.end();
            await q(`DROP ROLE IF EXISTS "${user}"`);
          } else {
            await q(`DROP USER IF EXISTS '${user}'@'%'`);
          }
        });
      }
    });

    it.skipIf(kind === "pglite")(
      "a write role with only the DBA guide's grants can erase, and cannot change other columns",
      async () => {
        const k = kind as "postgres" | "mysql";
        const t = await freshTarget(kind);
        const db = dbName(t);
        const user = `conn_engine_rw_${run}`.toLowerCase().slice(0, 60);
        const grants = (to: string) => [
          `GRANT SELECT ON members, login_history, access_logs, contracts, payments, inquiries, inquiry_messages, job_applicants TO ${to}`,
          `GRANT UPDATE (name, name_kana, email, phone, postal_code, address, birth_date, suspended) ON members TO ${to}`,
          `GRANT UPDATE (billing_address) ON contracts TO ${to}`,
          `GRANT UPDATE (card_holder, card_expiry, bank_account) ON payments TO ${to}`,
          `GRANT UPDATE (name, email, phone) ON inquiries TO ${to}`,
          `GRANT DELETE ON login_history, access_logs, inquiry_messages, job_applicants TO ${to}`,
        ];
        if (k === "postgres") {
          await admin(k, async (q) => {
            await q(`DROP ROLE IF EXISTS "${user}"`);
            await q(`CREATE ROLE "${user}" LOGIN PASSWORD '${PASSWORD}'`);
          });
          await raw(t, `GRANT USAGE ON SCHEMA public TO "${user}"`);
          for (const g of grants(`"${user}"`)) await raw(t, g);
        } else {
          await admin(k, async (q) => {
            await q(`DROP USER IF EXISTS '${user}'@'%'`);
            await q(`CREATE USER '${user}'@'%' IDENTIFIED BY '${PASSWORD}'`);
            // MySQL grants one table per statement.
            for (const g of grants(`'${user}'@'%'`)) {
              const m = g.match(/^GRANT (.+) ON (.+) TO (.+)$/);
              if (!m) continue;
              for (const table of (m[2] ?? "").split(", ")) await q(`GRANT ${m[1]} ON \`${db}\`.${table} TO ${m[3]}`);
            }
          });
        }
        try {
          const writeConn: ConnectionConfig = { dialect: k, url: urlFor(k, db, user, PASSWORD) };
          const plan = await planErasure(t, map, await collect(t, map, demoIdentities.hanako), { mode: "erase" });
          const result = await applyErasure(writeConn, map, plan, { hashKey });
          expect(result.verified).toBe(true);
          expect(result.tables.reduce((n, x) => n + x.rowsChanged, 0)).toBe(plan.totalRows);
          const before = await snapshot(t);
          // employees.address is correctable in the map but the role has no grant on employees at all.
          const emp = await planCorrection(t, map, {
            table: "employees",
            column: "address",
            rowKeys: [{ id: D(1) }],
            newValue: "東京都港区1-1",
          });
          const e1 = await expectCode(applyCorrection(writeConn, map, emp, { hashKey }), "SCHEMA_CHANGED");
          expect(e1.message).toContain("not visible to this database role");
          // members.created_at (made correctable here) has no UPDATE grant: the database refuses it.
          const m = structuredClone(map);
          const created = m.tables[0]?.columns.find((c) => c.name === "created_at");
          if (created) created.correctable = true;
          const plan2 = await planCorrection(t, m, {
            table: "members",
            column: "created_at",
            rowKeys: [{ id: D(2) }],
            newValue: "2020-01-01 00:00:00",
          });
          const e2 = await expectCode(applyCorrection(writeConn, m, plan2, { hashKey }), "READ_ONLY_VIOLATION");
          for (const e of [e1, e2]) {
            expect(e.message).not.toContain(PASSWORD);
            expect(e.message).not.toContain(user);
          }
          expect(changedRows(before, await snapshot(t))).toEqual({});
        } finally {
          await admin(k, async (q) => {
            if (k === "postgres") {
              await raw(t, `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "${user}"`);
              await raw(t, `REVOKE ALL ON SCHEMA public FROM "${user}"`);
              await q(`DROP ROLE IF EXISTS "${user}"`);
            } else {
              await q(`DROP USER IF EXISTS '${user}'@'%'`);
            }
          });
        }
      },
      180_000,
    );

    it.skipIf(kind === "pglite")(
      "a slow query gives TIMEOUT and a refused connection UNREACHABLE, with safe messages",
      async () => {
        await raw(
          conn,
          kind === "postgres"
            ? "CREATE OR REPLACE VIEW slow_members AS SELECT m.* FROM members m, LATERAL (SELECT pg_sleep(0.5)) AS s"
            : "CREATE OR REPLACE VIEW slow_members AS SELECT m.* FROM members m WHERE SLEEP(0.5) = 0",
        );
        const slow: DatasetMap = {
          version: 1,
          dialect: conn.dialect,
          tables: [
            {
              name: "slow_members",
              primaryKey: ["id"],
              identities: [{ kind: "email", column: "email" }],
              columns: [{ name: "email", category: 1, labelJa: "メール", labelEn: "Email" }],
            },
          ],
        };
        const e1 = await expectCode(collect(conn, slow, demoIdentities.hanako, { statementTimeoutMs: 200 }), "TIMEOUT");
        const refused: ConnectionConfig = {
          dialect: conn.dialect,
          url:
            kind === "postgres"
              ? `postgresql://dsr_reader:${PASSWORD}@127.0.0.1:3849/service`
              : `mysql://dsr_reader:${PASSWORD}@127.0.0.1:3849/service`,
        };
        const e2 = await expectCode(collect(refused, map, demoIdentities.hanako), "UNREACHABLE");
        const e3 = await expectCode(checkMap(refused, map), "UNREACHABLE");
        for (const e of [e1, e2, e3]) {
          expect(e.message).not.toContain(PASSWORD);
          expect(e.message).not.toContain("dsr_reader");
          expect(e.message).not.toContain("127.0.0.1");
          expect(e.message).not.toContain("hanako");
        }
        if (kind === "mysql") {
          const wrong: ConnectionConfig = {
            dialect: "mysql",
            url: `mysql://root:${PASSWORD}@127.0.0.1:3306/${dbName(conn)}`,
          };
          const e4 = await expectCode(collect(wrong, map, demoIdentities.hanako), "AUTH_FAILED");
          expect(e4.message).not.toContain(PASSWORD);
          expect(e4.message).not.toContain("root");
        }
      },
    );

    it("corrects exactly the planned row, once; a stale row changes nothing", async () => {
      const t = await freshTarget(kind);
      const c = await collect(t, map, demoIdentities.ken);
      const keys = (c.tables.find((x) => x.table === "members")?.rows ?? []).map((r) => r.key);
      const plan = await planCorrection(t, map, {
        table: "members",
        column: "address",
        rowKeys: keys,
        newValue: "東京都渋谷区渋谷2-2-2",
      });
      expect(plan.rows.map((r) => ({ ...r, key: { id: Number(r.key.id) } }))).toEqual([
        { key: { id: D(11) }, before: "東京都渋谷区渋谷2-2-20", after: "東京都渋谷区渋谷2-2-2" },
      ]);
      const before = await snapshot(t);
      const result = await applyCorrection(t, map, plan, { hashKey });
      expect(result.verified).toBe(true);
      expect(result.tables[0]).toMatchObject({ table: "members", rowsChanged: 1, columns: ["address"] });
      expect(JSON.stringify(result)).not.toContain("渋谷");
      expect(changedRows(before, await snapshot(t))).toEqual({ members: 2 });
      expect((await raw(t, "SELECT address FROM members WHERE id = 9000011"))[0]?.address).toBe(
        "東京都渋谷区渋谷2-2-2",
      );
      const again = await applyCorrection(t, map, plan, { hashKey });
      expect(again.tables[0]?.rowsChanged).toBe(0);
      expect(again.verified).toBe(true);

      const plan2 = await planCorrection(t, map, {
        table: "members",
        column: "phone",
        rowKeys: keys,
        newValue: "03-9999-9999",
      });
      await raw(t, "UPDATE members SET phone = '03-1111-1111' WHERE id = 9000011");
      const mid = await snapshot(t);
      await expectCode(applyCorrection(t, map, plan2, { hashKey }), "STALE_ROW");
      expect(changedRows(mid, await snapshot(t))).toEqual({});
      await expectCode(
        planCorrection(t, map, { table: "members", column: "member_no", rowKeys: keys, newValue: "X" }),
        "MAP_INVALID",
      );
    }, 180_000);

    it("erases exactly the planned rows in one transaction; a failure midway changes nothing; a re-run changes nothing", async () => {
      const t = await freshTarget(kind);
      const c = await collect(t, map, demoIdentities.hanako);
      const plan = await planErasure(t, map, c, { mode: "erase" });
      const byTable = Object.fromEntries(plan.tables.map((p) => [p.table, [p.action, p.count]]));
      expect(byTable).toEqual({
        members: ["update", 1],
        payments: ["update", 2],
        inquiries: ["update", 1],
        contracts: ["update", 1],
        login_history: ["delete", 2],
        access_logs: ["delete", 1],
        inquiry_messages: ["delete", 2],
        job_applicants: ["delete", 1],
      });

      // Failure midway: a row of the last table changes after planning -> everything rolls back.
      const last = plan.tables[plan.tables.length - 1];
      expect(last?.action).toBe("delete");
      await raw(
        t,
        `UPDATE ${last?.table ?? ""} SET ${last?.table === "job_applicants" ? "name = '別人'" : "ip_address = '0.0.0.0'"} WHERE id = ${Number(last?.rows[0]?.key.id)}`,
      );
      const mid = await snapshot(t);
      await expectCode(applyErasure(t, map, plan, { hashKey }), "STALE_ROW");
      expect(changedRows(mid, await snapshot(t))).toEqual({});

      // Plan again from the current state and apply.
      const plan2 = await planErasure(t, map, await collect(t, map, demoIdentities.hanako), { mode: "erase" });
      const before = await snapshot(t);
      const result = await applyErasure(t, map, plan2, { hashKey });
      expect(result.verified).toBe(true);
      const changed = Object.fromEntries(result.tables.map((r) => [r.table, r.rowsChanged]));
      expect(changed).toEqual({
        members: 1,
        payments: 2,
        inquiries: 1,
        contracts: 1,
        login_history: 2,
        access_logs: 1,
        inquiry_messages: 2,
        job_applicants: 1,
      });
      // Updated rows appear twice in the diff (old + new), deleted rows once.
      expect(changedRows(before, await snapshot(t))).toEqual({
        members: 2,
        payments: 4,
        inquiries: 2,
        contracts: 2,
        login_history: 2,
        access_logs: 1,
        inquiry_messages: 2,
        job_applicants: 1,
      });
      const [m] = await raw(t, "SELECT name, name_kana, email, phone, address FROM members WHERE id = 9000001");
      expect(m).toMatchObject({ name: "削除済み", name_kana: null, phone: null, address: null });
      expect(String(m?.email)).toMatch(/^[0-9a-f]{64}$/);
      // The look-alikes are untouched.
      expect((await raw(t, "SELECT email FROM members WHERE id = 9000002"))[0]?.email).toBe(
        "hanako.yamada@example.co.jp",
      );
      expect(
        (await raw(t, "SELECT count(*) AS n FROM login_history WHERE member_id = 9000005")).map((r) => Number(r.n)),
      ).toEqual([1]);

      const rerun = await applyErasure(t, map, plan2, { hashKey });
      expect(rerun.tables.every((r) => r.rowsChanged === 0)).toBe(true);
      expect(rerun.verified).toBe(true);

      const suspend = await planErasure(t, map, c, { mode: "suspend" });
      expect(suspend.tables.map((p) => [p.table, p.action, p.count])).toEqual([["members", "flag", 1]]);
      expect((await applyErasure(t, map, suspend, { hashKey })).tables[0]?.rowsChanged).toBe(1);
      expect((await applyErasure(t, map, suspend, { hashKey })).tables[0]?.rowsChanged).toBe(0);
      const [s] = await raw(t, "SELECT suspended FROM members WHERE id = 9000001");
      expect([true, 1]).toContain(s?.suspended);
    }, 180_000);
  });
}

it.skipIf(Boolean(pgServer))("the embedded target refuses a folder whose parent does not exist", async () => {
  const conn: ConnectionConfig = {
    dialect: "postgres",
    url: `pglite:${path.join(os.tmpdir(), `conn_engine_missing_${run}`, "a", "b")}`,
  };
  await expectCode(ensureDemoTarget(conn), "UNREACHABLE");
});

it.skipIf(Boolean(pgServer))(
  "the embedded target is closed when idle, giving its memory back, and opens again for the next collection",
  async () => {
    const conn = await freshTarget("pglite");
    setEmbeddedTargetIdleCloseMs(50);
    try {
      await raw(conn, "CREATE TABLE IF NOT EXISTS idle_probe (n int)");
      await raw(conn, "INSERT INTO idle_probe VALUES (1)");
      expect(embeddedTargetIsOpen(conn.url)).toBe(true);
      await vi.waitFor(() => expect(embeddedTargetIsOpen(conn.url)).toBe(false), { timeout: 10_000 });
      // Reopened, with what was written before the close.
      expect(await raw(conn, "SELECT count(*)::int AS n FROM idle_probe")).toEqual([{ n: 1 }]);
    } finally {
      setEmbeddedTargetIdleCloseMs(30_000);
    }
  },
);
