// The cost of one online filing (issue 19.1, ADR 0017), for scripts/bench.ts:
// - CPU per filing, read from the server process in /proc (utime + stime over accepted
//   filings): robust on a busy machine, unlike wall-clock rates;
// - a floor: the statements a filing runs (the app's own SQL), sent by the plain driver with
//   prepared statements (on PGlite, one call each, as the app sends them) and values computed
//   once, in the same run. What our filing costs above it is Next, zod, mail rendering and sealing.
import crypto from "node:crypto";
import fs from "node:fs";
import { spawnSync, type ChildProcess } from "node:child_process";
import pg from "pg";
import type { PGlite } from "@electric-sql/pglite";
import { RESERVE_FILING_SQL, WRITE_FILING_SQL, newRowId, type ReservedFiling } from "@/lib/requests/filing-sql";
import { pgliteStatement, pgliteTransaction } from "@/lib/server/pglite-statements";
import { AUDIT_CHAIN_LOCK, auditRowTemplate } from "@/lib/audit/write-audit-event";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { stopTree } from "./bench-memory";

type Row = {
  measure: string;
  value: string;
  baseline: string;
  ratio: number | null;
  goal: string;
  met: boolean | null;
  note?: string;
};

const TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

/** CPU seconds (user + system) used so far by a process and its children still running. */
export function treeCpuSeconds(pid: number): number {
  const out = spawnSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" }).stdout;
  const pairs = out
    .trim()
    .split("\n")
    .map((l) => l.trim().split(/\s+/).map(Number));
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [p, pp] of pairs)
      if (p !== undefined && pp !== undefined && tree.has(pp) && !tree.has(p)) {
        tree.add(p);
        grew = true;
      }
  }
  let ticks = 0;
  for (const p of tree) {
    try {
      // Fields after the ")" that ends the command name: utime and stime are the 12th and 13th.
      const fields = (fs.readFileSync(`/proc/${p}/stat`, "utf8").split(")").pop() ?? "").trim().split(/\s+/);
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* exited meanwhile */
    }
  }
  return ticks / TICKS_PER_SECOND;
}

type Query = (statement: { name: string; text: string }, values: unknown[]) => Promise<Record<string, unknown>[]>;
type Engine = {
  /** Runs `fn` with a query function; inside a transaction when `tx`. */
  run: <T>(tx: boolean, fn: (q: Query) => Promise<T>) => Promise<T>;
  /** Parallel filings the engine can take (PGlite has one connection). */
  lanes: number;
  close: () => Promise<void>;
};

function pgEngine(url: string, connections: number): Engine {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  return {
    lanes: connections,
    run: async (tx, fn) => {
      const client = await pool.connect();
      // Named statements: parsed and planned once per connection, as pgbench -M prepared does.
      const q: Query = async ({ name, text }, values) => (await client.query({ name, text, values })).rows;
      try {
        if (!tx) return await fn(q);
        await client.query("BEGIN");
        const out = await fn(q);
        await client.query("COMMIT");
        return out;
      } catch (e) {
        if (tx) await client.query("ROLLBACK").catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** PGlite's cheapest way to run a statement: one call each, named statements parsed once (lib/server/pglite-statements.ts), as the app does. */
function pgliteEngine(db: PGlite): Engine {
  return {
    lanes: 1,
    run: (tx, fn) =>
      tx
        ? pgliteTransaction(db, (query) => fn((statement, values) => query({ ...statement, values })))
        : fn((statement, values) => pgliteStatement(db, { ...statement, values })),
    close: async () => undefined,
  };
}

/**
 * A filing's jsonb for the SQL function, built once; each filing only changes ids and numbers.
 * Its mail and notice have the sizes of a real acknowledgement (the bench's filings of
 * 2026-12-01: html 3.9 KB, text 818 characters, the sealed original 8.3 KB of base64, the notice
 * 1,348 characters). Until then they were under 1.5 KB, below PostgreSQL's TOAST threshold, and
 * the floor skipped the out-of-line storage the server's filings pay.
 */
function filingTemplate() {
  const html = `<p>${"受付のお知らせ ".repeat(180)}</p>`;
  const text = "受付のお知らせ ".repeat(102);
  // Ciphertext, like the sealed original: random bytes, as incompressible as AES-GCM output.
  const sealedBody = crypto.randomBytes(6214).toString("base64");
  const bodyText = "受付のお知らせ ".repeat(168);
  return {
    request: {
      type: "DISCLOSURE",
      requesterKind: "SELF",
      subjectName: "試験 花子",
      subjectNameKana: "シケン ハナコ",
      subjectBirthDate: "1990-04-01",
      country: "JP",
      postalCode: "104-0061",
      prefecture: "東京都",
      city: "中央区",
      addressLine: "銀座1-2-3",
      email: "floor@example.com",
      emailNormalized: "floor@example.com",
      phone: "03-1234-5678",
      relationship: "SERVICE_USER",
      details: { categories: [1, 2], deliveryMethod: "ELECTRONIC", documentsByPost: true },
      fee: "AWAITING_PAYMENT",
      feeAmount: 5500,
      feeTaxAmount: 500,
      feeTaxRatePct: 10,
      identity: "PENDING",
      channel: "WEB",
      locale: "ja",
      targetDays: 14,
      policyVersionId: null,
    },
    draftKeyHash: null,
    documents: [],
    outbox: { toAddress: "floor@example.com", subject: "受付", html, text, sealedBody, kind: "floor" },
    notice: { kind: "ACKNOWLEDGEMENT", locale: "ja", channel: "EMAIL", subject: "受付", bodyText },
    job: { kind: "bench.floor", payload: {} },
  };
}

/** One unspent code per floor filing, stored as lib/codes stores them; returns their email hashes. */
export async function prepareFloorCodes(prisma: PrismaClient, count: number): Promise<string[]> {
  const expiresAt = new Date(Date.now() + 60 * 60_000);
  const hashes = Array.from({ length: count }, () => crypto.randomBytes(32).toString("hex"));
  for (let i = 0; i < count; i += 1000)
    await prisma.oneTimeCode.createMany({
      data: hashes
        .slice(i, i + 1000)
        .map((emailHash) => ({ purpose: "EMAIL_CONFIRMATION", emailHash, codeHash: emailHash, expiresAt })),
    });
  return hashes;
}

/**
 * The floor's mail and jobs are not for the worker: marked sent and done, so the server's worker
 * does not pick them up during the load. Until 2026-12-01 the jobs stayed due: the worker spent the
 * run on thousands of jobs of an unknown kind, and the wait for it before Lighthouse never ended.
 */
export async function retireFloorWork(prisma: PrismaClient): Promise<void> {
  const now = new Date();
  await prisma.outboxMessage.updateMany({ where: { kind: "floor" }, data: { status: "SENT", sentAt: now } });
  await prisma.job.updateMany({ where: { kind: "bench.floor" }, data: { status: "DONE", finishedAt: now } });
}

/**
 * Files as many requests as it can in `seconds` through the engine, `lanes` at a time, with
 * the filing's statements and nothing else. Codes are prepared by the caller (one per email).
 */
export async function filingFloor(opts: {
  databaseUrl: string | undefined;
  pglite: () => Promise<PGlite>;
  codeEmailHashes: string[];
  seconds: number;
  connections: number;
}): Promise<{ rps: number; total: number; cpuMsPerFiling: number }> {
  const engine = opts.databaseUrl ? pgEngine(opts.databaseUrl, opts.connections) : pgliteEngine(await opts.pglite());
  // Imported here, not at the top: these modules create the Prisma client when loaded, which
  // must happen after bench.ts has pointed DATABASE_URL / PGLITE_DIR at the bench database.
  const { IDEMPOTENT_OR_HIT_SQL } = await import("@/lib/requests/file-request");
  const { CHECK_CODE_SQL, MAX_CODE_ATTEMPTS } = await import("@/lib/codes/one-time-code");
  const base = filingTemplate();
  const year = 2026;
  let next = 0;
  let total = 0;
  const fileOne = async (emailHash: string) => {
    const now = new Date().toISOString();
    const idem = `floor-${crypto.randomBytes(9).toString("base64url")}`;
    // The statements before the transaction, the app's own (findIdempotentOrHit, checkOneTimeCode).
    const codeId = await engine.run(false, async (q) => {
      await q(IDEMPOTENT_OR_HIT_SQL, [idem, `floor:${emailHash}:86400`, now]);
      const [code] = await q(CHECK_CODE_SQL, ["EMAIL_CONFIRMATION", emailHash, null, now, MAX_CODE_ATTEMPTS]);
      return String(code?.id);
    });
    await engine.run(true, async (q) => {
      const [reserved] = (await q(RESERVE_FILING_SQL, [now, codeId, year])) as ReservedFiling[];
      const last = Number(reserved?.last);
      const requestId = newRowId();
      const noticeId = newRowId();
      const outboxId = newRowId();
      const reference = `DSR-${year}-F${String(last).padStart(6, "0")}`;
      const filing = {
        ...base,
        request: {
          ...base.request,
          id: requestId,
          reference,
          transferReference: `F${year}${String(last).padStart(6, "0")}`,
          arrivedAt: now,
          dueAt: now,
          statusTokenHash: idem,
          idempotencyKey: idem,
          updatedAt: now,
        },
        outbox: { ...base.outbox, id: outboxId },
        notice: { ...base.notice, id: noticeId, outboxId },
        job: { ...base.job, id: newRowId(), uniqueKey: `floor:${noticeId}` },
        // Real chain entries, so the bench database's chain still verifies.
        audit: [
          { action: "request.submitted", entity: "Request", entityId: requestId },
          { action: "notice.sent", entity: "Notice", entityId: noticeId },
        ].map((e) => auditRowTemplate({ ...e, actor: { type: "REQUESTER", requestId }, requestId, data: {} })),
      };
      await q(WRITE_FILING_SQL, [JSON.stringify(filing), AUDIT_CHAIN_LOCK]);
    });
    total++;
  };
  const cpu0 = process.cpuUsage();
  const until = Date.now() + opts.seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: engine.lanes }, async () => {
      while (Date.now() < until && next < opts.codeEmailHashes.length)
        await fileOne(opts.codeEmailHashes[next++] ?? "");
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await engine.close();
  return { rps: total / elapsed, total, cpuMsPerFiling: (cpu.user + cpu.system) / 1000 / Math.max(1, total) };
}

type Load = (opts: {
  path: string;
  body?: (i: number) => string;
  seconds?: number;
}) => Promise<{ rps: number; non2xx: number; errors: number; total: number }>;

/** Rounds of bare insert then filing on the second server; each figure sums them. */
const FILING_ROUNDS = 3;

/**
 * Server CPU per filing. The inline worker renders each acknowledgement's PDF (~90 ms of CPU)
 * in the same process, 10 jobs a tick, whatever the load; counted in, it would swamp the
 * filing's own cost and vary with the run's length. So a second server, started exactly like
 * the first but with WORKER=off, takes the bare insert and the filing load, and /proc gives its
 * CPU for each. Codes from the upper half of the prepared ones (the main load used the lower).
 */
export async function filingCost(ctx: {
  startServer: () => ChildProcess;
  waitUp: () => Promise<void>;
  load: Load;
  body: (i: number) => string;
  codes: number;
  /** Seconds of each load in all, split over the rounds. */
  seconds: number;
}) {
  const before = process.env.WORKER;
  process.env.WORKER = "off";
  const server = ctx.startServer();
  process.env.WORKER = before;
  const pid = server.pid ?? 0;
  // Its output is piped: unread, a full pipe would stall the server mid-start.
  let log = "";
  server.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  server.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  try {
    try {
      await ctx.waitUp();
    } catch (e) {
      // Say why: the second server's own last words, which are otherwise only printed with BENCH_VERBOSE.
      throw new Error(`${e instanceof Error ? e.message : String(e)}: ${log.trim().split("\n").slice(-3).join(" | ")}`);
    }
    // First calls load and compile the routes' code; they are not what a filing costs.
    await fetch(`${BASE()}/bench/bare`);
    for (let k = 1; k <= 20; k++) {
      await fetch(`${BASE()}/api/bench/insert`, { method: "POST" });
      await fetch(`${BASE()}/api/requests`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: ctx.body(ctx.codes - k),
      });
    }
    // Then a few seconds of each load at full concurrency, not counted: until 2026-12-01 the
    // count began after those 20 calls, so it also paid the optimising compiler's work on the
    // concurrent path (its threads count in /proc), and the same build measured 9.9 to 14.7 ms
    // per filing from one run to the next. Bare and filing then alternate in rounds, so a
    // stretch of a slower machine falls on both.
    let code = Math.floor(ctx.codes / 2);
    const filingBody = () => ctx.body(code++);
    const roundSeconds = Math.max(2, ctx.seconds / FILING_ROUNDS);
    await ctx.load({ path: "/api/bench/insert", seconds: 2 });
    await ctx.load({ path: "/api/requests", body: filingBody, seconds: 3 });
    const measured = async (path: string, body?: () => string) => {
      const cpu0 = treeCpuSeconds(pid);
      const r = await ctx.load({ path, body, seconds: roundSeconds });
      const cpuSeconds = treeCpuSeconds(pid) - cpu0;
      return { ...r, accepted: r.total - r.non2xx - r.errors, cpuSeconds, seconds: roundSeconds };
    };
    const bareRounds: Measured[] = [];
    const submitRounds: Measured[] = [];
    for (let round = 0; round < FILING_ROUNDS; round++) {
      bareRounds.push(await measured("/api/bench/insert"));
      submitRounds.push(await measured("/api/requests", filingBody));
    }
    const bare = summed(bareRounds);
    const submit = summed(submitRounds);
    return {
      details: { bare, submit, worker: "off" },
      rows: (engine: string, floor: { rps: number; total: number; cpuMsPerFiling: number }) =>
        filingRows({ engine, bare, submit, floor }),
    };
  } finally {
    await stopTree(server.pid ?? 0);
    if (process.env.BENCH_VERBOSE === "1") console.log(log);
  }
}

const BASE = () => `http://127.0.0.1:${process.env.BENCH_PORT || 3400}`;

type Measured = {
  rps: number;
  non2xx: number;
  errors: number;
  total: number;
  accepted: number;
  cpuSeconds: number;
  seconds: number;
};

/** The rounds as one load, with each round's CPU per accepted call kept to show the spread. */
function summed(rounds: Measured[]) {
  const sum = (f: (m: Measured) => number) => rounds.reduce((n, m) => n + f(m), 0);
  const seconds = sum((m) => m.seconds);
  return {
    rps: sum((m) => m.accepted) / seconds,
    non2xx: sum((m) => m.non2xx),
    errors: sum((m) => m.errors),
    total: sum((m) => m.total),
    accepted: sum((m) => m.accepted),
    cpuSeconds: sum((m) => m.cpuSeconds),
    seconds,
    cpuMsPerCallByRound: rounds.map((m) => Math.round((100_000 * m.cpuSeconds) / Math.max(1, m.accepted)) / 100),
  };
}

/** The CPU-per-filing row's name, also used when the row could not be measured. */
export const FILING_CPU_MEASURE = "filing: server CPU per accepted filing (/proc utime+stime, worker off)";

/** The table rows: CPU per filing against the bare route's CPU per insert, and rps against bare and floor. */
function filingRows(r: {
  engine: string;
  submit: ReturnType<typeof summed>;
  bare: ReturnType<typeof summed>;
  floor: { rps: number; total: number; cpuMsPerFiling: number };
}): Row[] {
  const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
  const perFiling = (1000 * r.submit.cpuSeconds) / Math.max(1, r.submit.accepted);
  const perBare = (1000 * r.bare.cpuSeconds) / Math.max(1, r.bare.accepted);
  const vsFloor = round(r.submit.rps / r.floor.rps);
  return [
    {
      measure: FILING_CPU_MEASURE,
      value: `${round(perFiling)} ms`,
      baseline: `${round(perBare)} ms per bare insert`,
      ratio: round(perFiling / perBare),
      goal: "≤ 10 ms",
      met: perFiling <= 10,
      note: `${r.submit.accepted} filings in ${round(r.submit.cpuSeconds)} s CPU; rounds ${r.submit.cpuMsPerCallByRound.join(", ")} (bare ${r.bare.cpuMsPerCallByRound.join(", ")})${r.submit.non2xx || r.submit.errors ? `; ${r.submit.non2xx} non-2xx, ${r.submit.errors} errors` : ""}`,
    },
    {
      measure: "filing: submission rps vs bare insert (worker off)",
      value: `${round(r.submit.rps, 1)}/s`,
      baseline: `${round(r.bare.rps, 1)}/s`,
      ratio: round(r.submit.rps / r.bare.rps),
      goal: "≥ 0.3",
      met: r.submit.rps / r.bare.rps >= 0.3,
    },
    {
      measure: `filing: submission rps vs floor (its statements alone, ${r.engine === "pglite" ? "PGlite" : "pg prepared"})`,
      value: `${round(r.submit.rps, 1)}/s`,
      baseline: `${round(r.floor.rps, 1)}/s`,
      ratio: vsFloor,
      goal: "recorded",
      met: null,
      note: `floor: ${r.floor.total} filings, ${round(r.floor.cpuMsPerFiling)} ms CPU each in the bench process`,
    },
  ];
}
