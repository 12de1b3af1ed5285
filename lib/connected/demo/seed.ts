import type { Session } from "../engine/drivers/driver";
import { openDriver } from "../engine/drivers/open";
import type { ConnectionConfig } from "../engine/types";
import { demoInsertOrder, demoRows, DEMO_ID_BASE } from "./people";
import { demoConstraintStatements, demoTableStatements } from "./schema";

const DDL_TIMEOUT_MS = 30 * 60_000;
/** Bulk login ids start above the demo people's (9,000,001…), so ten million rows never collide with them. */
export const LOGIN_ID_BASE = 100_000_000;

async function tableExists(s: Session): Promise<boolean> {
  const rows =
    s.dialect === "postgres"
      ? await s.query(
          "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'members'",
        )
      : await s.query(
          "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'members'",
        );
  return rows.length > 0;
}

async function insertDemoPeople(s: Session): Promise<void> {
  const [have] = await s.query(`SELECT 1 AS one FROM members WHERE id = ${s.param(1)}`, [DEMO_ID_BASE + 1]);
  if (have) return;
  for (const table of demoInsertOrder) {
    for (const row of demoRows[table] ?? []) {
      const cols = Object.keys(row);
      const params = cols.map((c) => row[c]);
      await s.query(
        `INSERT INTO ${s.id(table)} (${cols.map((c) => s.id(c)).join(", ")}) VALUES (${cols.map((_, i) => s.param(i + 1)).join(", ")})`,
        params,
      );
    }
  }
}

/**
 * Creates the demo tables (with indexes and foreign keys) if missing and inserts the demo people
 * once. Idempotent. For the embedded default: `{ dialect: "postgres", url: "pglite:/abs/dir" }`.
 */
export async function ensureDemoTarget(conn: ConnectionConfig): Promise<void> {
  await openDriver(conn).transaction("write", DDL_TIMEOUT_MS, async (s) => {
    if (!(await tableExists(s))) {
      for (const sql of demoTableStatements(s.dialect)) await s.query(sql);
      for (const sql of demoConstraintStatements(s.dialect)) await s.query(sql);
    }
    await insertDemoPeople(s);
  });
}

/** Same as ensureDemoTarget for a database known to be empty (tests). */
export const createDemoTarget = ensureDemoTarget;

/**
 * Bulk data for the bench in an empty database: `members` members and `logins` login rows
 * (spread over the members), loaded with INSERT … SELECT over generate_series (PostgreSQL) or
 * the Sequence engine (MariaDB), then the demo people, then indexes and foreign keys. Member ids
 * are 1…members; login ids LOGIN_ID_BASE + 1….
 */
export async function generateBulk(conn: ConnectionConfig, opts: { members: number; logins: number }): Promise<void> {
  const members = Math.floor(opts.members);
  const logins = Math.floor(opts.logins);
  const driver = openDriver(conn);
  await driver.transaction("write", DDL_TIMEOUT_MS, async (s) => {
    for (const sql of demoTableStatements(s.dialect)) await s.query(sql);
  });
  const batch = 1_000_000;
  for (let from = 1; from <= members; from += batch) {
    const to = Math.min(members, from + batch - 1);
    await driver.transaction("write", DDL_TIMEOUT_MS, (s) => s.query(bulkMembers(s.dialect, from, to)));
  }
  for (let from = 1; from <= logins; from += batch) {
    const to = Math.min(logins, from + batch - 1);
    await driver.transaction("write", DDL_TIMEOUT_MS, (s) => s.query(bulkLogins(s.dialect, from, to, members)));
  }
  await driver.transaction("write", DDL_TIMEOUT_MS, async (s) => {
    await insertDemoPeople(s);
  });
  for (const sql of demoConstraintStatements(conn.dialect)) {
    await driver.transaction("write", DDL_TIMEOUT_MS, (s) => s.query(sql));
  }
  if (conn.dialect === "postgres") await driver.transaction("write", DDL_TIMEOUT_MS, (s) => s.query("ANALYZE"));
}

function bulkMembers(d: ConnectionConfig["dialect"], from: number, to: number): string {
  if (d === "postgres") {
    return `INSERT INTO members (id, member_no, name, name_kana, email, phone, postal_code, address, birth_date, suspended, created_at)
      SELECT g, 'M' || lpad(g::text, 8, '0'), '会員 ' || g, 'カイイン ' || g, 'user' || g || '@example.net', '080' || lpad(g::text, 8, '0'),
             '100-0001', '東京都千代田区' || g, DATE '1950-01-01' + (g % 20000), false, TIMESTAMP '2020-01-01' + g * INTERVAL '1 minute'
        FROM generate_series(${from}, ${to}) AS g`;
  }
  return `INSERT INTO members (id, member_no, name, name_kana, email, phone, postal_code, address, birth_date, suspended, created_at)
    SELECT seq, CONCAT('M', LPAD(seq, 8, '0')), CONCAT('会員 ', seq), CONCAT('カイイン ', seq), CONCAT('user', seq, '@example.net'), CONCAT('080', LPAD(seq, 8, '0')),
           '100-0001', CONCAT('東京都千代田区', seq), DATE_ADD('1950-01-01', INTERVAL (seq % 20000) DAY), 0, DATE_ADD('2020-01-01', INTERVAL seq MINUTE)
      FROM seq_${from}_to_${to}`;
}

function bulkLogins(d: ConnectionConfig["dialect"], from: number, to: number, members: number): string {
  if (d === "postgres") {
    return `INSERT INTO login_history (id, member_id, logged_in_at, ip_address, user_agent)
      SELECT ${LOGIN_ID_BASE} + g, ((g - 1) % ${members}) + 1, TIMESTAMP '2024-01-01' + g * INTERVAL '1 second', '10.' || (g % 250) || '.' || ((g / 250) % 250) || '.1', 'Mozilla/5.0'
        FROM generate_series(${from}, ${to}) AS g`;
  }
  return `INSERT INTO login_history (id, member_id, logged_in_at, ip_address, user_agent)
    SELECT ${LOGIN_ID_BASE} + seq, ((seq - 1) % ${members}) + 1, DATE_ADD('2024-01-01', INTERVAL seq SECOND), CONCAT('10.', seq % 250, '.', FLOOR(seq / 250) % 250, '.1'), 'Mozilla/5.0'
      FROM seq_${from}_to_${to}`;
}
