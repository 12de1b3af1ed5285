// Bench part "connected": collection by the engine from a target with 1,000,000 members and
// 10,000,000 login rows (identity columns indexed) vs the same indexed SELECTs written by hand
// and run directly with the driver, in the same run. Runs inside `npm run bench`
// (BENCH_PARTS=connected for this part only) or on its own: `npx tsx bench/connected.ts`, which
// merges its rows into bench/results.json. BENCH_CONNECTED_DIALECTS=postgres,mysql adds MariaDB.
// The target database (conn_engine_bench) is generated
// once and reused while its row counts match.
import fs from "node:fs";
import path from "node:path";
import mysql from "mysql2/promise";
import pg from "pg";
import { demoDatasetMap, generateBulk } from "@/lib/connected/demo";
import { LOGIN_ID_BASE } from "@/lib/connected/demo/seed";
import { closeConnectedResources, collect, type ConnectionConfig } from "@/lib/connected/engine";

type Row = {
  measure: string;
  value: string;
  baseline: string;
  ratio: number | null;
  goal: string;
  met: boolean | null;
  note?: string;
};

const MEMBERS = Number(process.env.BENCH_CONNECTED_MEMBERS || 1_000_000);
const LOGINS = Number(process.env.BENCH_CONNECTED_LOGINS || 10_000_000);
const PEOPLE = Number(process.env.BENCH_CONNECTED_PEOPLE || 200);
const DB = "conn_engine_bench";
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

function pgUrl(): string {
  const u = new URL(process.env.BENCH_CONNECTED_PG_URL || "postgresql://postgres@127.0.0.1:5432/postgres");
  u.pathname = `/${DB}`;
  return u.toString();
}
const mysqlUrl = () =>
  `${(process.env.BENCH_CONNECTED_MYSQL_URL || "mysql://root@127.0.0.1:3306").replace(/\/$/, "")}/${DB}`;

async function prepare(conn: ConnectionConfig): Promise<void> {
  if (conn.dialect === "postgres") {
    const admin = new pg.Client({
      connectionString: process.env.BENCH_CONNECTED_PG_URL || "postgresql://postgres@127.0.0.1:5432/postgres",
    });
    await admin.connect();
    const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [DB])).rowCount;
    let ready = false;
    if (exists) {
      const c = new pg.Client({ connectionString: conn.url });
      await c.connect();
      try {
        const r = await c.query(
          `SELECT (SELECT max(id) FROM members WHERE id < 9000000) AS m, (SELECT max(id) FROM login_history) - ${LOGIN_ID_BASE} AS l, (SELECT count(*) FROM members WHERE id > 9000000) AS d`,
        );
        ready = Number(r.rows[0]?.m) === MEMBERS && Number(r.rows[0]?.l) === LOGINS && Number(r.rows[0]?.d) > 0;
      } catch {
        ready = false;
      }
      await c.end();
    }
    if (!ready) {
      await admin.query(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${DB}`);
    }
    await admin.end();
    if (ready) return;
  } else {
    const admin = await mysql.createConnection({
      uri: process.env.BENCH_CONNECTED_MYSQL_URL || "mysql://root@127.0.0.1:3306",
    });
    let ready = false;
    try {
      const [r] = await admin.query(
        `SELECT (SELECT max(id) FROM ${DB}.members WHERE id < 9000000) AS m, (SELECT max(id) FROM ${DB}.login_history) - ${LOGIN_ID_BASE} AS l, (SELECT count(*) FROM ${DB}.members WHERE id > 9000000) AS d`,
      );
      const row = (r as Record<string, unknown>[])[0];
      ready = Number(row?.m) === MEMBERS && Number(row?.l) === LOGINS && Number(row?.d) > 0;
    } catch {
      ready = false;
    }
    if (!ready) {
      await admin.query(`DROP DATABASE IF EXISTS ${DB}`);
      await admin.query(`CREATE DATABASE ${DB} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    }
    await admin.end();
    if (ready) return;
  }
  const t = Date.now();
  console.log(
    `Connected: generating ${MEMBERS.toLocaleString()} members and ${LOGINS.toLocaleString()} logins (${conn.dialect}) …`,
  );
  await generateBulk(conn, { members: MEMBERS, logins: LOGINS });
  console.log(`Connected: generated in ${round((Date.now() - t) / 1000, 0)} s`);
}

/** The people looked up: spread over the table, identities typed with mixed case as a desk would receive them. */
function people(): number[] {
  let x = 12345;
  return Array.from({ length: PEOPLE }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return (x % MEMBERS) + 1;
  });
}

/** The same lookups written by hand: the indexed SELECTs a developer would write for this schema. */
async function handWrittenPg(url: string, id: number): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  let n = 0;
  try {
    await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const email = `user${id}@example.net`;
    const m = await c.query(
      "SELECT id, member_no, name, name_kana, email, phone, postal_code, address, birth_date, suspended, created_at FROM members WHERE lower(email) = $1 LIMIT 1001",
      [email],
    );
    const memberIds = m.rows.map((r) => r.id);
    n += m.rowCount ?? 0;
    const l = await c.query(
      "SELECT id, member_id, logged_in_at, ip_address, user_agent FROM login_history WHERE member_id = ANY($1) LIMIT 1001",
      [memberIds],
    );
    const a = await c.query(
      "SELECT id, member_id, accessed_at, ip_address, host_name, cookie_id FROM access_logs WHERE member_id = ANY($1) LIMIT 1001",
      [memberIds],
    );
    const ct = await c.query(
      "SELECT id, member_id, plan_name, started_on, billing_address FROM contracts WHERE member_id = ANY($1) LIMIT 1001",
      [memberIds],
    );
    const p = await c.query(
      "SELECT id, contract_id, amount, card_holder, card_last4, card_expiry, bank_account, paid_at FROM payments WHERE contract_id = ANY($1) LIMIT 1001",
      [ct.rows.map((r) => r.id)],
    );
    const rf = await c.query(
      "SELECT id, payment_id, amount, reason, refunded_at FROM refunds WHERE payment_id = ANY($1) LIMIT 1001",
      [p.rows.map((r) => r.id)],
    );
    const iq = await c.query(
      "SELECT id, member_id, name, email, phone, subject, received_at FROM inquiries WHERE lower(email) = $1 OR member_id = ANY($2) LIMIT 1001",
      [email, memberIds],
    );
    const im = await c.query(
      "SELECT id, inquiry_id, body, sent_at FROM inquiry_messages WHERE inquiry_id = ANY($1) LIMIT 1001",
      [iq.rows.map((r) => r.id)],
    );
    const j = await c.query(
      "SELECT id, name, name_kana, email, phone, birth_date, resume_summary, applied_at FROM job_applicants WHERE lower(email) = $1 LIMIT 1001",
      [email],
    );
    const e = await c.query(
      "SELECT id, employee_no, name, email, phone, address, birth_date, bank_account, health_note FROM employees WHERE lower(email) = $1 LIMIT 1001",
      [email],
    );
    for (const r of [l, a, ct, p, rf, iq, im, j, e]) n += r.rowCount ?? 0;
    await c.query("COMMIT");
  } finally {
    await c.end();
  }
  return n;
}

async function handWrittenMysql(url: string, id: number): Promise<number> {
  const c = await mysql.createConnection({
    uri: url,
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
  let n = 0;
  try {
    await c.query("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
    const email = `user${id}@example.net`;
    const q = async (sql: string, params: unknown[]) => {
      const [r] = await c.query(sql, params);
      return r as Record<string, unknown>[];
    };
    const ids = (rows: Record<string, unknown>[]) => (rows.length ? rows.map((r) => r.id) : [-1]);
    const m = await q(
      "SELECT id, member_no, name, name_kana, email, phone, postal_code, address, birth_date, suspended, created_at FROM members WHERE email = ? LIMIT 1001",
      [email],
    );
    const l = await q(
      "SELECT id, member_id, logged_in_at, ip_address, user_agent FROM login_history WHERE member_id IN (?) LIMIT 1001",
      [ids(m)],
    );
    const a = await q(
      "SELECT id, member_id, accessed_at, ip_address, host_name, cookie_id FROM access_logs WHERE member_id IN (?) LIMIT 1001",
      [ids(m)],
    );
    const ct = await q(
      "SELECT id, member_id, plan_name, started_on, billing_address FROM contracts WHERE member_id IN (?) LIMIT 1001",
      [ids(m)],
    );
    const p = await q(
      "SELECT id, contract_id, amount, card_holder, card_last4, card_expiry, bank_account, paid_at FROM payments WHERE contract_id IN (?) LIMIT 1001",
      [ids(ct)],
    );
    const rf = await q(
      "SELECT id, payment_id, amount, reason, refunded_at FROM refunds WHERE payment_id IN (?) LIMIT 1001",
      [ids(p)],
    );
    const iq = await q(
      "SELECT id, member_id, name, email, phone, subject, received_at FROM inquiries WHERE email = ? OR member_id IN (?) LIMIT 1001",
      [email, ids(m)],
    );
    const im = await q(
      "SELECT id, inquiry_id, body, sent_at FROM inquiry_messages WHERE inquiry_id IN (?) LIMIT 1001",
      [ids(iq)],
    );
    const j = await q(
      "SELECT id, name, name_kana, email, phone, birth_date, resume_summary, applied_at FROM job_applicants WHERE email = ? LIMIT 1001",
      [email],
    );
    const e = await q(
      "SELECT id, employee_no, name, email, phone, address, birth_date, bank_account, health_note FROM employees WHERE email = ? LIMIT 1001",
      [email],
    );
    for (const r of [m, l, a, ct, p, rf, iq, im, j, e]) n += r.length;
    await c.query("COMMIT");
  } finally {
    await c.end();
  }
  return n;
}

async function measure(fn: () => Promise<void>): Promise<{ ms: number; peakHeapMb: number }> {
  if (global.gc) global.gc();
  let peak = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  const t = performance.now();
  await fn();
  const ms = performance.now() - t;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { ms, peakHeapMb: peak / 2 ** 20 };
}

async function benchOne(conn: ConnectionConfig): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  await prepare(conn);
  const map = demoDatasetMap(conn.dialect);
  const ids = people();
  let engineRows = 0;
  let handRows = 0;
  const viaEngine = async () => {
    for (const id of ids) {
      const c = await collect(conn, map, { email: `User${id}@Example.NET` });
      engineRows += c.tables.reduce((n, t) => n + t.rows.length, 0);
    }
  };
  const byHand = async () => {
    for (const id of ids)
      handRows +=
        conn.dialect === "postgres" ? await handWrittenPg(conn.url, id) : await handWrittenMysql(conn.url, id);
  };
  // Warm both paths (connections, plans, the buffer cache) before timing.
  await collect(conn, map, { email: `User${ids[0] ?? 1}@Example.NET` });
  if (conn.dialect === "postgres") await handWrittenPg(conn.url, ids[0] ?? 1);
  else await handWrittenMysql(conn.url, ids[0] ?? 1);
  // Alternate the order so neither side always runs on a warmer cache.
  const hand1 = await measure(byHand);
  const eng1 = await measure(viaEngine);
  const eng2 = await measure(viaEngine);
  const hand2 = await measure(byHand);
  const engineMs = (eng1.ms + eng2.ms) / 2;
  const handMs = (hand1.ms + hand2.ms) / 2;
  const ratio = round(engineMs / handMs);
  const per = (ms: number) => `${round(ms / ids.length, 2)} ms/person`;
  const peakEngine = Math.max(eng1.peakHeapMb, eng2.peakHeapMb);
  const peakHand = Math.max(hand1.peakHeapMb, hand2.peakHeapMb);
  const engineLabel = conn.dialect === "postgres" ? "PostgreSQL" : "MariaDB";
  const rowsOut: Row[] = [
    {
      measure: `connected collection (${engineLabel}, ${MEMBERS / 1e6}M members, ${LOGINS / 1e6}M logins) vs hand-written SELECTs`,
      value: per(engineMs),
      baseline: per(handMs),
      ratio,
      goal: "≤ 2",
      met: ratio <= 2,
      note: `${ids.length} people × 2 runs, ${engineRows / 2} rows via engine, ${handRows / 2} by hand`,
    },
    {
      measure: `connected collection peak heap (${engineLabel}) vs hand-written`,
      value: `${round(peakEngine, 0)} MB`,
      baseline: `${round(peakHand, 0)} MB`,
      ratio: round(peakEngine / peakHand),
      goal: "bounded (row cap per table)",
      met: null,
    },
  ];
  return {
    rows: rowsOut,
    details: {
      dialect: conn.dialect,
      members: MEMBERS,
      logins: LOGINS,
      people: ids.length,
      engineMs: [eng1.ms, eng2.ms],
      handMs: [hand1.ms, hand2.ms],
      peakHeapMb: { engine: peakEngine, hand: peakHand },
      rows: { engine: engineRows / 2, hand: handRows / 2 },
    },
  };
}

export async function benchConnected(): Promise<{ rows: Row[]; details: Record<string, unknown> }> {
  const rows: Row[] = [];
  const details: Record<string, unknown> = {};
  // BENCH_CONNECTED_DIALECTS=postgres,mysql (default postgres: MariaDB's 11M-row load takes long).
  const dialects = (process.env.BENCH_CONNECTED_DIALECTS || "postgres").split(",").map((d) => d.trim());
  const targets: ConnectionConfig[] = [];
  if (dialects.includes("postgres")) targets.push({ dialect: "postgres", url: pgUrl() });
  if (dialects.includes("mysql")) targets.push({ dialect: "mysql", url: mysqlUrl() });
  for (const conn of targets) {
    const r = await benchOne(conn);
    rows.push(...r.rows);
    details[conn.dialect] = r.details;
  }
  await closeConnectedResources();
  return { rows, details };
}

// Standalone: merge this part's rows into bench/results.json (replacing earlier connected rows).
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  benchConnected().then(
    ({ rows, details }) => {
      const file = path.join(process.cwd(), "bench", "results.json");
      const prev = fs.existsSync(file)
        ? (JSON.parse(fs.readFileSync(file, "utf8")) as { rows?: Row[]; details?: Record<string, unknown> })
        : {};
      const out = {
        ...prev,
        rows: [...(prev.rows ?? []).filter((r) => !rows.some((n) => n.measure === r.measure)), ...rows],
        details: {
          ...(prev.details ?? {}),
          connected: {
            ...((prev.details?.connected as Record<string, unknown> | undefined) ?? {}),
            ...details,
            at: new Date().toISOString(),
          },
        },
      };
      fs.writeFileSync(file, JSON.stringify(out, null, 2) + "\n");
      console.table(rows);
      process.exit(0);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
