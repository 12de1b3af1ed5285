// `npm run bench`: measured ratios for speed, scaling, weight and memory, each against a
// baseline taken in the same run on the same production build (bench/README.md).
// Benchmarks are not tests: this prints and records, it never fails on timing.
// DATABASE_URL may come from .env, like every script; the app server it starts would read it anyway.
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "@/tests/helpers/chromium";
import "./load-env-files";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import pg from "pg";
import { packageDownloadMemory, prepareLargePackage, storageThroughput, type LargePackage } from "./bench-storage";
import { lighthouseBreakdown } from "./bench-lighthouse";
import {
  consoleRows,
  prepareBenchDatabase,
  seedConsoleRows,
  seedRequestsUpTo,
  startSampler,
  timeConsolePages,
} from "./bench-console";
import { FILING_CPU_MEASURE, filingCost, filingFloor, prepareFloorCodes, retireFloorWork } from "./bench-filing";
import { describeTree, largestProcess, stopTree, rssByMapping, treeRssMb } from "./bench-memory";

const root = process.cwd();
const PORT = Number(process.env.BENCH_PORT || 3400);
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION = Number(process.env.BENCH_DURATION || 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const serverUrl = process.env.DATABASE_URL;
// BENCH_PARTS=load,weight (any of queue, load, weight, lighthouse, connected, storage) runs only
// those, for iterating on one budget; a partial run prints its table but does not overwrite the record.
const ALL_PARTS = ["queue", "load", "weight", "lighthouse", "connected", "storage"];
const PARTS = new Set(process.env.BENCH_PARTS ? process.env.BENCH_PARTS.split(",").map((p) => p.trim()) : ALL_PARTS);
const partial = ALL_PARTS.some((p) => !PARTS.has(p));

// ── environment: one fresh database, fixed secrets, the bench routes switched on ──
const engine = serverUrl ? "postgresql" : "pglite";
// BENCH_DB_NAME lets two benches share one PostgreSQL server without dropping each other's database.
const benchDbName = process.env.BENCH_DB_NAME || "madoguchi_bench";
const benchDbUrl = serverUrl
  ? (() => {
      const u = new URL(serverUrl);
      u.pathname = `/${benchDbName}`;
      return u.toString();
    })()
  : undefined;
const pgliteDir = path.join(root, ".data", "bench-pglite");
Object.assign(process.env, {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: ".next-bench",
  MADOGUCHI_BENCH: "1",
  APP_URL: BASE,
  PORT: String(PORT),
  MADOGUCHI_SECRET: crypto.randomBytes(32).toString("hex"),
  FILE_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
  STORAGE_DIR: path.join(root, ".data", "bench-files"),
  WORKER: "inline",
});
if (benchDbUrl) process.env.DATABASE_URL = benchDbUrl;
else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = pgliteDir;
}

type Row = {
  measure: string;
  value: string;
  baseline: string;
  ratio: number | null;
  goal: string;
  met: boolean | null;
  note?: string;
};
const rows: Row[] = [];
const details: Record<string, unknown> = {};

function p95(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] ?? 0;
}
const ms = (n: number) => `${n.toFixed(2)} ms`;
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/** Drops each named database on the PostgreSQL server, and creates it again empty unless `drop` only. */
async function recreateDatabases(names: string[], opts: { drop?: boolean } = {}): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  for (const name of names) {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    if (!opts.drop) await admin.query(`CREATE DATABASE "${name}"`);
  }
  await admin.end();
}

async function freshDatabase(): Promise<void> {
  if (serverUrl) await recreateDatabases([benchDbName]);
  else {
    fs.rmSync(pgliteDir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(pgliteDir), { recursive: true });
  }
  fs.rmSync(path.join(root, ".data", "bench-files"), { recursive: true, force: true });
}

const samplerTags = ["1k", "100k"];

/** An empty database for a console sampler (scripts/bench-console.ts): the environment that points to it. */
async function samplerDatabase(tag: string): Promise<NodeJS.ProcessEnv> {
  if (serverUrl && benchDbUrl) {
    await recreateDatabases([`${benchDbName}_${tag}`]);
    const u = new URL(benchDbUrl);
    u.pathname = `/${benchDbName}_${tag}`;
    return { ...process.env, DATABASE_URL: u.toString() };
  }
  const dir = `${pgliteDir}-${tag}`;
  fs.rmSync(dir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, PGLITE_DIR: dir };
  delete env.DATABASE_URL;
  return env;
}

/** The samplers' databases are only for their timings: dropped when they are done. */
async function dropSamplerDatabases(): Promise<void> {
  if (serverUrl)
    await recreateDatabases(
      samplerTags.map((tag) => `${benchDbName}_${tag}`),
      { drop: true },
    );
  else for (const tag of samplerTags) fs.rmSync(`${pgliteDir}-${tag}`, { recursive: true, force: true });
}

function build(): void {
  const id = path.join(root, ".next-bench", "BUILD_ID");
  if (process.env.BENCH_SKIP_BUILD === "1" && fs.existsSync(id)) return;
  console.log("Building the production app into .next-bench …");
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    stdio: "inherit",
    env: process.env,
  });
  if (r.status !== 0) throw new Error("build failed");
}

const openStatuses = ["RECEIVED", "IN_PROGRESS", "WAITING_FOR_REQUESTER", "DECIDED"];

async function timeQueue(label: string): Promise<{ firstPage: number; byReference: number }> {
  const { listQueue } = await import("@/lib/console/queue");
  const actor = { type: "STAFF", id: "bench", role: "ADMIN" } as const;
  const run = async (input: Parameters<typeof listQueue>[0]["input"]) => {
    for (let i = 0; i < 10; i++) await listQueue({ actor, input });
    const samples: number[] = [];
    for (let i = 0; i < 60; i++) {
      const t = performance.now();
      await listQueue({ actor, input });
      samples.push(performance.now() - t);
    }
    return p95(samples);
  };
  const firstPage = await run({ status: openStatuses as ("RECEIVED" | "IN_PROGRESS")[] });
  const byReference = await run({ search: "DSR-2025-000777" });
  details[`queue_${label}`] = { firstPageP95Ms: round(firstPage), byReferenceP95Ms: round(byReference) };
  return { firstPage, byReference };
}

async function explainQueue(): Promise<Record<string, string[]>> {
  const { prisma } = await import("@/lib/server/db");
  const plan = async (sql: string) => {
    const out = await prisma.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(`EXPLAIN (FORMAT JSON) ${sql}`);
    const nodes: string[] = [];
    const walk = (n: Record<string, unknown>) => {
      nodes.push([n["Node Type"], n["Index Name"], n["Relation Name"]].filter(Boolean).join(" "));
      for (const c of (n.Plans as Record<string, unknown>[] | undefined) ?? []) walk(c);
    };
    const first = (out[0]?.["QUERY PLAN"] as { Plan: Record<string, unknown> }[] | undefined)?.[0];
    if (first) walk(first.Plan);
    return nodes;
  };
  return {
    firstPage: await plan(
      `SELECT id FROM "Request" WHERE status IN ('RECEIVED','IN_PROGRESS','WAITING_FOR_REQUESTER','DECIDED') ORDER BY "dueAt" ASC NULLS LAST, reference ASC LIMIT 26`,
    ),
    byReference: await plan(
      `SELECT id FROM "Request" WHERE reference = 'DSR-2025-000777' OR reference LIKE 'DSR-2025-000777%' ORDER BY "dueAt" LIMIT 26`,
    ),
    byEmail: await plan(
      `SELECT id FROM "Request" WHERE "emailNormalized" = 'p777@example.com' ORDER BY "dueAt" LIMIT 26`,
    ),
  };
}

/** One code per bench email, written the way lib/codes stores them (HMAC of the code). */
async function prepareSubmissionCodes(count: number): Promise<void> {
  const { prisma } = await import("@/lib/server/db");
  const { emailHashOf } = await import("@/lib/codes/one-time-code");
  const { hmacHex } = await import("@/lib/server/crypto");
  const expiresAt = new Date(Date.now() + 60 * 60_000);
  const rows = Array.from({ length: count }, (_, i) => {
    const email = `bench-${i}@example.com`;
    const emailHash = emailHashOf(email);
    return {
      purpose: "EMAIL_CONFIRMATION" as const,
      emailHash,
      codeHash: hmacHex(`EMAIL_CONFIRMATION:${emailHash}::123456`, "one-time-code"),
      expiresAt,
    };
  });
  for (let i = 0; i < rows.length; i += 1000) await prisma.oneTimeCode.createMany({ data: rows.slice(i, i + 1000) });
}

function submissionBody(i: number): string {
  return JSON.stringify({
    locale: "ja",
    emailCode: "123456",
    idempotencyKey: `bench-${process.pid}-${i}-${crypto.randomBytes(6).toString("hex")}`,
    input: {
      type: "DISCLOSURE",
      requesterKind: "SELF",
      subject: {
        name: "試験 花子",
        nameKana: "シケン ハナコ",
        birthDate: "1990-04-01",
        postalCode: "104-0061",
        prefecture: "東京都",
        city: "中央区",
        addressLine: "銀座1-2-3",
        email: `bench-${i}@example.com`,
        phone: "03-1234-5678",
        relationship: "SERVICE_USER",
      },
      details: {
        categories: [1, 2],
        period: { from: "2024-01-01" },
        deliveryMethod: "ELECTRONIC",
        includeProvisionRecords: false,
      },
      documents: { sendByPost: true, files: [] },
      declarationAccepted: true,
    },
  });
}

function startServer(): ChildProcess {
  // Exactly what a person runs (scripts/start.ts): memory is counted over every process it
  // starts, npm included. BENCH_CPU_PROFILE profiles them all through NODE_OPTIONS (Node 20
  // refuses --cpu-prof there, so scripts/cpu-profile.mjs starts the profiler from --import).
  // No NODE_ENV, as on a fresh clone (the server defaults it to production; the build needed it).
  const profile = process.env.BENCH_CPU_PROFILE;
  // `env` replaces itself with npm, so the tree is the same as a person's.
  return spawn("env", ["-u", "NODE_ENV", "npm", "start"], {
    env: {
      ...process.env,
      LOG_LEVEL: "warn",
      ...(profile
        ? { NODE_OPTIONS: `--import ${path.join(root, "scripts", "cpu-profile.mjs")}`, CPU_PROFILE_DIR: profile }
        : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/**
 * Waits until the server's worker has no due or running jobs (its /api/metrics gauges), up to
 * `ms`, and returns the seconds waited. The submission load leaves hundreds of acknowledgement
 * PDFs to render; a page measured meanwhile shares the two cores with them.
 */
async function jobsSettled(ms = 300_000): Promise<number> {
  const started = performance.now();
  const gauge = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1] ?? NaN);
  while (performance.now() - started < ms) {
    const text = await fetch(`${BASE}/api/metrics`).then(
      (r) => r.text(),
      () => "",
    );
    if (gauge(text, "madoguchi_jobs_due") === 0 && gauge(text, "madoguchi_jobs_running") === 0) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return round((performance.now() - started) / 1000, 1);
}

async function waitUp(): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      const r = await fetch(`${BASE}/`);
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

async function load(opts: {
  path: string;
  body?: (i: number) => string;
  /** Seconds; BENCH_DURATION unless given. */
  seconds?: number;
}): Promise<{ rps: number; non2xx: number; errors: number; total: number }> {
  const { default: autocannon } = await import("autocannon");
  let i = 0;
  const result = await autocannon({
    url: `${BASE}${opts.path}`,
    connections: CONNECTIONS,
    duration: opts.seconds ?? DURATION,
    method: "POST",
    headers: { "content-type": "application/json" },
    requests: [{ method: "POST", setupRequest: (req) => ({ ...req, body: opts.body ? opts.body(i++) : "{}" }) }],
  });
  return { rps: result.requests.average, non2xx: result.non2xx, errors: result.errors, total: result.requests.total };
}

async function firstLoadJs(pathname: string): Promise<{ raw: number; gzip: number; scripts: number } | null> {
  const res = await fetch(`${BASE}${pathname}`);
  if (!res.ok) return null;
  const html = await res.text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? ""))].filter(Boolean);
  let raw = 0;
  let gzip = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer());
    raw += body.length;
    gzip += zlib.gzipSync(body).length;
  }
  // Inline scripts (the RSC payload) are part of what the browser parses on first load.
  const inline = [...html.matchAll(/<script(?![^>]*src=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? "").join("");
  raw += Buffer.byteLength(inline);
  gzip += zlib.gzipSync(Buffer.from(inline)).length;
  return { raw, gzip, scripts: srcs.length };
}

const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS || 3);

type LighthouseRun = {
  /** Lighthouse's own measure of this machine's CPU speed: its simulated throttling scales with it. */
  benchmarkIndex: number | undefined;
  performance: number;
  accessibility: number;
  failing: string[];
  metrics: Record<string, string | undefined>;
  breakdown: Record<string, unknown>;
};

async function lighthouseOnce(pathname: string): Promise<LighthouseRun> {
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
  });
  try {
    const result = await lighthouse(`${BASE}${pathname}`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
    });
    const lhr = result?.lhr;
    const cats = lhr?.categories;
    // Which audits cost points, so the next person knows where to look.
    const failing = Object.values(lhr?.audits ?? {})
      .filter(
        (a) =>
          a.score !== null &&
          a.score < 0.9 &&
          a.scoreDisplayMode !== "informative" &&
          a.scoreDisplayMode !== "notApplicable",
      )
      .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ""}`);
    const metrics = {
      fcp: lhr?.audits["first-contentful-paint"]?.displayValue,
      lcp: lhr?.audits["largest-contentful-paint"]?.displayValue,
      tbt: lhr?.audits["total-blocking-time"]?.displayValue,
      cls: lhr?.audits["cumulative-layout-shift"]?.displayValue,
    };
    return {
      benchmarkIndex: lhr?.environment?.benchmarkIndex,
      performance: Math.round((cats?.performance?.score ?? 0) * 100),
      accessibility: Math.round((cats?.accessibility?.score ?? 0) * 100),
      failing,
      metrics,
      breakdown: lighthouseBreakdown(lhr?.audits),
    };
  } finally {
    await chrome.kill();
  }
}

/** The median run's benchmarkIndex (Lighthouse's CPU measure of this machine), for the row's note. */
function benchmarkIndexNote(pathname: string): string | undefined {
  const run = details[`lighthouse ${pathname}`] as { median?: LighthouseRun } | undefined;
  const index = run?.median?.benchmarkIndex;
  return index === undefined ? undefined : `machine benchmarkIndex ${Math.round(index)}`;
}

/**
 * Lighthouse's simulated mobile throttling varies by several points between runs on the
 * same build (its documentation advises the median of several runs): the median run by
 * performance score is reported, every run is recorded.
 */
async function lighthouseScores(pathname: string): Promise<{ performance: number; accessibility: number } | null> {
  if (process.env.BENCH_SKIP_LIGHTHOUSE === "1") return null;
  const runs: LighthouseRun[] = [];
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(await lighthouseOnce(pathname));
  const median = [...runs].sort((a, b) => a.performance - b.performance)[Math.floor(runs.length / 2)] as LighthouseRun;
  details[`lighthouse ${pathname}`] = {
    median,
    runs: runs.map((r) => ({
      benchmarkIndex: r.benchmarkIndex,
      performance: r.performance,
      accessibility: r.accessibility,
      ...r.metrics,
      breakdown: r.breakdown,
    })),
  };
  return { performance: median.performance, accessibility: median.accessibility };
}

async function main(): Promise<void> {
  const started = Date.now();
  // Connected databases: engine vs hand-written SELECTs on its own target database (bench/connected.ts).
  if (PARTS.has("connected")) {
    const { benchConnected } = await import("../bench/connected");
    const connected = await benchConnected();
    rows.push(...connected.rows);
    details.connected = connected.details;
  }
  await freshDatabase();
  // Parts queue and connected run in this process: a run of only those needs no build or server.
  const needsServer = ["load", "weight", "lighthouse", "storage"].some((p) => PARTS.has(p));
  if (needsServer) build();
  const prisma = await prepareBenchDatabase();

  // ── queue scaling, measured in-process on the same engine the server uses ──
  if (PARTS.has("queue")) {
    // The console pages' two sizes, each on a database of its own in a process of its own, seeded
    // while this process seeds its own 1,000 (scripts/bench-console.ts).
    console.log("Console pages: seeding 1,000 and 100,000 requests in two sampler processes …");
    const samplers = [
      startSampler(1_000, await samplerDatabase("1k")),
      startSampler(100_000, await samplerDatabase("100k")),
    ] as const;
    console.log("Queue: 1,000 requests …");
    await seedRequestsUpTo(1_000);
    await seedConsoleRows(1_000);
    let small: Awaited<ReturnType<typeof timeQueue>>;
    let pages: Awaited<ReturnType<typeof timeConsolePages>>;
    try {
      await Promise.all(samplers.map((s) => s.ready));
      // Timed while the samplers wait, and they while this process waits.
      small = await timeQueue("1k");
      console.log("Console pages: 1,000 and 100,000 requests in alternating rounds …");
      pages = await timeConsolePages(samplers[0], samplers[1], details);
      details.consolePlans = await samplers[1].explain();
    } finally {
      await Promise.all(samplers.map((s) => s.stop()));
      await dropSamplerDatabases();
    }
    console.log("Queue: 100,000 requests …");
    await seedRequestsUpTo(100_000);
    // This database gets the console rows too: the load below runs beside them, as before.
    await seedConsoleRows(100_000);
    const large = await timeQueue("100k");
    details.queuePlans = await explainQueue();
    for (const [name, a, b] of [
      ["queue first page p95", small.firstPage, large.firstPage],
      ["queue search by reference p95", small.byReference, large.byReference],
    ] as const) {
      const ratio = round(b / a);
      rows.push({
        measure: `${name} (100k vs 1k)`,
        value: ms(b),
        baseline: ms(a),
        ratio,
        goal: "≤ 1.5",
        met: ratio <= 1.5,
      });
    }
    rows.push(...consoleRows(pages.small, pages.large));
  }
  // The second server's filings (scripts/bench-filing.ts) take the upper half, warm-up included.
  const submissionCodes = Math.max(2000, DURATION * 800);
  if (PARTS.has("load")) await prepareSubmissionCodes(submissionCodes);
  // The filing's floor (scripts/bench-filing.ts): its statements alone, on this engine, before the server starts.
  const floorCodes = PARTS.has("load") ? await prepareFloorCodes(prisma, Math.max(2000, DURATION * 600)) : [];
  // The seeding's deferred writes are flushed first, so the floor does not pay for them.
  if (PARTS.has("load")) await prisma.$executeRawUnsafe("CHECKPOINT");
  const floor = PARTS.has("load")
    ? await filingFloor({
        databaseUrl: benchDbUrl,
        pglite: async () => (await import("@/lib/server/db-adapter")).pgliteFor(pgliteDir),
        codeEmailHashes: floorCodes,
        seconds: DURATION,
        connections: CONNECTIONS,
      }).finally(() => retireFloorWork(prisma))
    : undefined;
  let largePackage: LargePackage | undefined;
  if (PARTS.has("storage")) {
    await storageThroughput(rows, details);
    largePackage = await prepareLargePackage(prisma);
  }
  await prisma.$disconnect();
  const { closeEmbeddedDatabases } = await import("@/lib/server/db-adapter");
  await closeEmbeddedDatabases();

  if (!needsServer) return writeResults(started);

  // ── the server: idle memory, then load ──
  const server = startServer();
  let serverLog = "";
  server.stdout?.on("data", (d: Buffer) => (serverLog += d.toString()));
  server.stderr?.on("data", (d: Buffer) => (serverLog += d.toString()));
  try {
    await waitUp();
    for (const p of ["/", "/policy", "/bench/bare"]) await fetch(`${BASE}${p}`);
    await new Promise((r) => setTimeout(r, 2000));
    const idleRss = treeRssMb(server.pid ?? 0);
    const memory = async () => (await fetch(`${BASE}/api/bench/memory`)).json() as Promise<Record<string, number>>;
    details.memoryIdle = await memory();
    details.memoryIdleTree = describeTree(server.pid ?? 0);
    details.memoryIdleServerMappings = rssByMapping(largestProcess(server.pid ?? 0)?.pid ?? 0);

    // Before the submission load: PGlite's memory grown by that load would otherwise be
    // counted as the download's (ADR 0023).
    if (largePackage)
      await packageDownloadMemory(BASE, largePackage, () => treeRssMb(server.pid ?? 0), idleRss, rows, details);

    if (PARTS.has("load")) {
      console.log(`Load: bare insert, ${CONNECTIONS} connections × ${DURATION} s …`);
      const bare = await load({ path: "/api/bench/insert" });
      let peak = 0;
      const sampler = setInterval(() => {
        const now = treeRssMb(server.pid ?? 0);
        if (now > peak) [peak, details.memoryPeakTree] = [now, describeTree(server.pid ?? 0)];
      }, 100);
      console.log(`Load: submission, ${CONNECTIONS} connections × ${DURATION} s …`);
      const submit = await load({ path: "/api/requests", body: submissionBody });
      clearInterval(sampler);
      details.memoryAfterSubmission = await memory();
      details.load = { bare, submit, connections: CONNECTIONS, durationSeconds: DURATION };
      const ratio = round(submit.rps / bare.rps);
      rows.push({
        measure: "submission rps vs bare insert",
        value: `${round(submit.rps, 1)}/s`,
        baseline: `${round(bare.rps, 1)}/s`,
        ratio,
        goal: "≥ 0.6",
        met: ratio >= 0.6,
        note:
          submit.non2xx || submit.errors
            ? `${submit.non2xx} non-2xx, ${submit.errors} errors of ${submit.total}`
            : `${submit.total} requests, all 2xx`,
      });
      rows.push({
        measure: "peak RSS of all processes of npm start, during submission vs idle",
        value: `${round(peak, 0)} MB`,
        baseline: `${round(idleRss, 0)} MB`,
        ratio: round(peak / idleRss),
        goal: "< 400 MB",
        met: peak < 400,
      });
    }

    // ── portal weight ──
    if (PARTS.has("weight")) {
      const bareJs = await firstLoadJs("/bench/bare");
      for (const p of ["/", "/requests/new"]) {
        const js = await firstLoadJs(p);
        if (!js || !bareJs) {
          rows.push({
            measure: `first-load JS ${p} vs bare page`,
            value: "n/a",
            baseline: "n/a",
            ratio: null,
            goal: "≤ 1.5",
            met: null,
            note: "page not available",
          });
          continue;
        }
        const r = round(js.gzip / bareJs.gzip);
        rows.push({
          measure: `first-load JS ${p} vs bare page (gzip)`,
          value: `${round(js.gzip / 1024, 1)} KB`,
          baseline: `${round(bareJs.gzip / 1024, 1)} KB`,
          ratio: r,
          goal: "≤ 1.5",
          met: r <= 1.5,
        });
      }
    }

    // ── Lighthouse ──

    if (PARTS.has("lighthouse")) details.lighthouseWaitedForJobsSeconds = await jobsSettled();
    // The bare page (no app code, the same build and server) is the baseline: Lighthouse's
    // simulated throttling multiplies what this machine's CPU took, so a slow or busy machine
    // lowers every page's score, the bare one's too.
    let bareLighthouse: { performance: number; accessibility: number } | null = null;
    if (PARTS.has("lighthouse")) bareLighthouse = await lighthouseScores("/bench/bare").catch(() => null);
    for (const p of PARTS.has("lighthouse") ? ["/", "/requests/new"] : []) {
      try {
        const s = await lighthouseScores(p);
        if (s)
          rows.push({
            measure: `Lighthouse ${p} (median of ${LIGHTHOUSE_RUNS})`,
            value: `perf ${s.performance}, a11y ${s.accessibility}`,
            baseline: bareLighthouse ? `bare page perf ${bareLighthouse.performance}` : "-",
            ratio: bareLighthouse ? round(s.performance / bareLighthouse.performance) : null,
            goal: "perf ≥ 95, a11y 100",
            met: s.performance >= 95 && s.accessibility === 100,
            note: benchmarkIndexNote(p),
          });
      } catch (e) {
        rows.push({
          measure: `Lighthouse ${p}`,
          value: "n/a",
          baseline: "-",
          ratio: null,
          goal: "perf ≥ 95, a11y 100",
          met: null,
          note: e instanceof Error ? e.message.slice(0, 80) : "failed",
        });
      }
    }
  } finally {
    await stopTree(server.pid ?? 0);
    if (process.env.BENCH_VERBOSE === "1") console.log(serverLog);
  }
  // CPU per filing on a server of its own without the inline worker (scripts/bench-filing.ts).
  if (floor) {
    // A failure here is recorded, not fatal: the run's other figures are still worth writing.
    try {
      const cost = await filingCost({
        startServer,
        waitUp,
        load,
        body: submissionBody,
        codes: submissionCodes,
        seconds: DURATION,
      });
      rows.push(...cost.rows(engine, floor));
      details.filing = { ...cost.details, floor };
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      rows.push({
        measure: FILING_CPU_MEASURE,
        value: "-",
        baseline: "-",
        ratio: null,
        goal: "≤ 10 ms",
        met: null,
        note: `not measured: ${reason.slice(0, 120)}`,
      });
      details.filing = { error: reason, floor };
    }
  }

  await writeResults(started);
}

/** Prints the table and writes results.json (bench/tmp/results-partial.json for a partial run). */
async function writeResults(started: number): Promise<void> {
  const out = {
    engine,
    at: new Date().toISOString(),
    node: process.version,
    cpus: (await import("node:os")).cpus().length,
    seconds: round((Date.now() - started) / 1000, 0),
    rows,
    details,
  };
  // A partial run's figures and details go to bench/tmp (not kept in git), for looking into one part.
  const outDir = partial ? path.join(root, "bench", "tmp") : path.join(root, "bench");
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(
    path.join(outDir, partial ? "results-partial.json" : "results.json"),
    JSON.stringify(out, null, 2) + "\n",
  );
  console.log(`\nMadoguchi benchmark (${engine}, ${out.cpus} cores, Node ${process.version})`);
  console.table(
    rows.map((r) => ({
      measure: r.measure,
      value: r.value,
      baseline: r.baseline,
      ratio: r.ratio ?? "-",
      goal: r.goal,
      met: r.met === null ? "-" : r.met ? "yes" : "NO",
      note: r.note ?? "",
    })),
  );
  console.log(
    partial
      ? `Partial run (${[...PARTS].join(", ")}): not recorded; details in bench/tmp/results-partial.json`
      : "Written to bench/results.json",
  );
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
