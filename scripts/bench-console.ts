// The `queue` part's other console pages (issue 19.3): each page's server work, timed on the same
// engine as the queue, at 1,000 and at 100,000 requests, with the rows a real desk has beside its
// requests (fees, refunds, decisions, tasks, notices, messages, audit entries, outbox mail,
// provision records, bank lines) seeded in proportion by INSERT … SELECT. Each size has a database
// and a sampler process of its own (scripts/bench-console-sampler.ts), and the two are sampled in
// alternating rounds, so a stretch of a slower machine falls on both sizes. bench/README.md.
import { fork } from "node:child_process";
import path from "node:path";
import type { Actor } from "@/lib/audit/actor";

type Row = {
  measure: string;
  value: string;
  baseline: string;
  ratio: number | null;
  goal: string;
  met: boolean | null;
  note?: string;
};

const actor: Actor = { type: "STAFF", id: "bench", role: "ADMIN" };
/** g = 777: a paid disclosure in progress, with every kind of related row (see seedConsoleRows). */
const DETAIL_ID = "bench777";

function p95(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] ?? 0;
}
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

function jstMonth(d: Date, back = 0): string {
  const [y, m] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit" })
    .format(d)
    .split("-")
    .map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 - back, 1)).toISOString().slice(0, 7);
}

/** Migrates the database the environment names and seeds what every bench database starts with; its client. */
export async function prepareBenchDatabase() {
  const { migrate } = await import("@/lib/server/migrate");
  await migrate();
  const { prisma } = await import("@/lib/server/db");
  const { seedBase, seedDemo } = await import("@/lib/seed/seed");
  await seedBase(prisma);
  await seedDemo(prisma);
  return prisma;
}

/** Adds bench requests up to `total` with one INSERT … SELECT (references DSR-2025-…, unlike live ones). */
export async function seedRequestsUpTo(total: number): Promise<void> {
  const { prisma } = await import("@/lib/server/db");
  const have = await prisma.request.count({ where: { reference: { startsWith: "DSR-2025-" } } });
  if (have >= total) return;
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Request" (id, reference, type, status, identity, fee, "arrivedAt", "targetDays", "dueAt", "subjectName", "subjectNameKana", email, "emailNormalized", "updatedAt", "closedAt")
    SELECT 'bench' || g,
           'DSR-2025-' || lpad(g::text, 6, '0'),
           (ARRAY['DISCLOSURE','CORRECTION','SUSPENSION','THIRD_PARTY_STOP','PURPOSE_NOTICE','INQUIRY','COMPLAINT'])[1 + g % 7]::"RequestType",
           (ARRAY['RECEIVED','IN_PROGRESS','WAITING_FOR_REQUESTER','DECIDED','CLOSED','CLOSED','CLOSED','WITHDRAWN'])[1 + g % 8]::"RequestStatus",
           'PENDING', 'NOT_REQUIRED',
           now() - ((g % 700) * interval '1 day'), 14,
           now() - ((g % 700) * interval '1 day') + interval '14 days',
           '試験 ' || g, 'シケン ' || g, 'p' || g || '@example.com', 'p' || g || '@example.com', now(),
           CASE WHEN g % 8 IN (4, 5, 6) THEN now() - ((g % 700) * interval '1 day') + interval '10 days' END
    FROM generate_series(${have + 1}, ${total}) g`);
  await prisma.$executeRawUnsafe(`ANALYZE "Request"`);
}

let seededUpTo = 0;

/**
 * Rows beside the bench requests g in (seededUpTo, total]: the requests get channels, fees and
 * outcomes; about one in seven is a disclosure with a fee, paid ones have a payment (one in five
 * of those refunded), decided ones a decision (refusals with grounds), correction-like ones two
 * tasks; every request five audit entries, three mails and a notice; one in two a message; one
 * in ten a provision record; one in fifty a bank line.
 */
export async function seedConsoleRows(total: number): Promise<void> {
  const { prisma } = await import("@/lib/server/db");
  const from = seededUpTo + 1;
  if (from > total) return;
  const req = `FROM generate_series(${from}, ${total}) g JOIN "Request" r ON r.id = 'bench' || g`;
  await prisma.$executeRawUnsafe(`
    UPDATE "Request" r SET
      channel = (ARRAY['WEB','WEB','WEB','POST','EMAIL','PHONE','COUNTER'])[1 + g % 7 * 3 % 7]::"Channel",
      fee = (CASE WHEN g % 7 <> 0 THEN 'NOT_REQUIRED' WHEN g % 56 = 21 THEN 'WAIVED'
                  WHEN g % 8 IN (0, 2, 7) THEN 'AWAITING_PAYMENT' ELSE 'PAID' END)::"FeeStatus",
      "feeAmount" = CASE WHEN g % 7 = 0 THEN 5500 ELSE 0 END,
      "feeTaxAmount" = CASE WHEN g % 7 = 0 THEN 500 ELSE 0 END,
      "feeWaiverReason" = CASE WHEN g % 56 = 21 THEN 'bench' END,
      outcome = CASE WHEN g % 8 IN (3, 4, 5, 6)
        THEN (ARRAY['FULFILLED','PARTIALLY_FULFILLED','NOT_FULFILLED','NO_DATA_HELD','FULFILLED'])[1 + g % 5]::"Outcome" END,
      "decidedAt" = CASE WHEN g % 8 IN (3, 4, 5, 6) THEN r."arrivedAt" + interval '8 days' END,
      "pausedAt" = CASE WHEN g % 8 = 2 THEN r."arrivedAt" + interval '2 days' END,
      "withdrawnAt" = CASE WHEN g % 8 = 7 THEN r."arrivedAt" + interval '3 days' END
    FROM generate_series(${from}, ${total}) g WHERE r.id = 'bench' || g`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Payment" (id, "requestId", method, amount, "paidOn", "createdAt")
    SELECT 'benchpay' || g, r.id, (ARRAY['BANK_TRANSFER','STRIPE','POSTAL_MONEY_ORDER','CASH'])[1 + g % 4]::"PaymentMethod",
           5500, (r."arrivedAt" + interval '3 days')::date, r."arrivedAt" + interval '3 days'
    ${req} WHERE r.fee = 'PAID'`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Refund" (id, "requestId", "paymentId", amount, reason, "createdById", "createdAt")
    SELECT 'benchref' || g, r.id, 'benchpay' || g, CASE WHEN g % 2 = 0 THEN 5500 ELSE 2000 END, 'bench', 'bench',
           r."arrivedAt" + interval '20 days'
    ${req} WHERE r.fee = 'PAID' AND g % 5 = 0`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Decision" (id, "requestId", outcome, explanation, "decidedById", approval, "createdAt")
    SELECT 'benchdec' || g, r.id, r.outcome, 'bench', 'bench',
           (CASE WHEN r.outcome IN ('PARTIALLY_FULFILLED', 'NOT_FULFILLED') THEN 'APPROVED' ELSE 'NOT_REQUIRED' END)::"ApprovalState",
           r."decidedAt"
    ${req} WHERE r.outcome IS NOT NULL`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "DecisionGround" (id, "decisionId", ground, explanation)
    SELECT 'benchgr' || g, 'benchdec' || g,
           (ARRAY['IDENTITY_UNCONFIRMED','HARM_TO_LIFE_OR_RIGHTS','BUSINESS_IMPEDIMENT','LEGAL_VIOLATION'])[1 + g % 4]::"WithholdingGround", 'bench'
    ${req} WHERE r.outcome IN ('PARTIALLY_FULFILLED', 'NOT_FULFILLED')`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Task" (id, "requestId", "systemId", action, status, instructions, categories, "createdAt")
    SELECT 'benchtask' || g || '-' || k, r.id, s.id, 'CORRECT', (CASE WHEN r.status = 'CLOSED' THEN 'DONE' ELSE 'OPEN' END)::"TaskStatus",
           'bench', '{1,2}', r."arrivedAt" + interval '9 days'
    ${req} CROSS JOIN generate_series(1, 2) k CROSS JOIN (SELECT id FROM "SystemOfRecord" ORDER BY key LIMIT 1) s
    WHERE r.type IN ('CORRECTION', 'SUSPENSION', 'THIRD_PARTY_STOP')`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "AuditEvent" (at, "actorType", "actorId", action, entity, "entityId", "requestId", data, "prevHash", hash)
    SELECT r."arrivedAt" + k * interval '1 hour', (CASE WHEN k = 1 THEN 'REQUESTER' ELSE 'STAFF' END)::"ActorType",
           CASE WHEN k = 1 THEN NULL ELSE 'bench' END,
           (ARRAY['request.submitted','request.assigned','identity.checked','request.note-added','notice.sent'])[k],
           'Request', r.id, r.id, '{}', md5('bench-prev-' || g || '-' || k), md5('bench-' || g || '-' || k)
    ${req} CROSS JOIN generate_series(1, 5) k`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "OutboxMessage" (id, "toAddress", subject, html, text, kind, "requestId", status, attempts, "nextAttemptAt", "sentAt", "createdAt")
    SELECT 'benchmail' || g || '-' || k, r.email, 'bench ' || k, '<p>bench</p>', 'bench',
           (ARRAY['ACKNOWLEDGEMENT','PAYMENT_REQUEST','DECISION'])[k], r.id, 'SENT', 1,
           r."arrivedAt" + k * interval '1 day', r."arrivedAt" + k * interval '1 day', r."arrivedAt" + k * interval '1 day'
    ${req} CROSS JOIN generate_series(1, 3) k`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Notice" (id, "requestId", kind, locale, subject, "bodyText", "createdAt")
    SELECT 'benchnot' || g, r.id, 'ACKNOWLEDGEMENT', 'ja', 'bench', 'bench', r."arrivedAt" + interval '1 hour'
    ${req}`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Message" (id, "requestId", author, "staffId", body, internal, "createdAt")
    SELECT 'benchmsg' || g, r.id, 'STAFF', 'bench', 'bench', true, r."arrivedAt" + interval '2 hours'
    ${req} WHERE g % 2 = 0`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "ThirdPartyProvision" (id, "recipientName", "providedOn", "subjectName", "subjectNameKana", "subjectBirthDate",
                                       "customerId", categories, items, basis, "consentDate", "retainUntil", "recordedById", "createdAt")
    SELECT 'benchprov' || g, '委託先 ' || (g % 13), r."arrivedAt"::date,
           -- One person with a name of their own, the name search's target (consolePageRuns).
           CASE WHEN g = 770 THEN '検索 花子' ELSE r."subjectName" END, CASE WHEN g = 770 THEN 'ケンサク ハナコ' ELSE r."subjectNameKana" END,
           date '1980-01-01' + g % 9000,
           'C' || g, '{1,2}', 'bench', 'OUTSOURCING', NULL, (r."arrivedAt" + interval '3 years')::date, 'bench', r."arrivedAt"
    ${req} WHERE g % 10 = 0`);
  const importId = `benchimp${total}`;
  await prisma.$executeRawUnsafe(`
    INSERT INTO "BankStatementImport" (id, "fileSha256", "fileName", "importedById") VALUES ('${importId}', '${importId}', 'bench.csv', 'bench')`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "BankStatementLine" (id, "importId", "lineNo", "lineHash", "bookedOn", amount, "payerName", status, "requestId")
    SELECT 'benchline' || g, '${importId}', g, md5('benchline' || g), (r."arrivedAt" + interval '3 days')::date, 5500, 'ベンチ',
           (ARRAY['APPLIED','AMOUNT_MISMATCH','UNKNOWN_REFERENCE','RESOLVED','DISMISSED'])[1 + g / 50 % 5]::"BankLineStatus",
           CASE WHEN g / 50 % 5 <> 2 THEN r.id END
    ${req} WHERE g % 50 = 0`);
  for (const t of [
    "Request",
    "Payment",
    "Refund",
    "Decision",
    "DecisionGround",
    "Task",
    "AuditEvent",
    "OutboxMessage",
    "Notice",
    "Message",
    "ThirdPartyProvision",
    "BankStatementLine",
  ])
    await prisma.$executeRawUnsafe(`ANALYZE "${t}"`);
  seededUpTo = total;
}

/** Each page is warmed and then sampled for at least this long, and at least this many calls, in each round. */
const WARM_MS = 500;
const BUDGET_MS = 1_000;
const MIN_SAMPLES = 30;
/** Rounds per page and size; the two sizes alternate within each. */
const ROUNDS = 3;

/** One round of one page: each call's wall time, and this process's CPU time over those calls. */
export type Round = { samples: number[]; cpuMs: number };

/**
 * Wall time of each call, and this process's CPU time (user + system): on the embedded database
 * all the work is in this process, and CPU time is what other load on a shared machine disturbs
 * least. Calls are repeated for a time budget rather than a fixed count: 30 samples made the p95
 * the second slowest call, which one pause of the machine decides for a 5-ms call; and right after
 * the 100,000-request seeding the first few dozen calls of a page cost up to twice what the same
 * calls cost later in the same process (ADR 0024, "Console pages flat"), so the warm-up is by time too.
 */
export async function sampleRound(run: () => Promise<unknown>): Promise<Round> {
  const warmUntil = performance.now() + WARM_MS;
  for (let i = 0; i < 5 || performance.now() < warmUntil; i++) await run();
  const samples: number[] = [];
  const cpu0 = process.cpuUsage();
  const until = performance.now() + BUDGET_MS;
  while (samples.length < MIN_SAMPLES || performance.now() < until) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  return { samples, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/**
 * The server functions each console page calls, as the page calls them, by page; then the fees
 * dashboard's three calls one by one (`fees.*`, details only, no row: which of them grows).
 */
export async function consolePageRuns(): Promise<Record<string, () => Promise<unknown>>> {
  const { getRequestDetail } = await import("@/lib/console/request-detail");
  const { listAssignableStaff } = await import("@/lib/console/assignable-staff");
  const { listSystemsOfRecord } = await import("@/lib/tasks/data-map");
  const { staffFeeView } = await import("@/lib/fees/fee-overview");
  const { getConnectedView } = await import("@/lib/connected/connected-view");
  const { feeSummary, listFees, listUnmatchedBankLines } = await import("@/lib/fees/fee-dashboard");
  const { requestReport } = await import("@/lib/reports/request-report");
  const { exportRequestArchive } = await import("@/lib/operations/exports");
  const { searchProvisions } = await import("@/lib/provisions/search-provisions");
  const { listOutbox } = await import("@/lib/mail/mail-viewer");
  const { offlineIntakeOptions } = await import("@/lib/console/offline-intake-options");
  const now = new Date();
  // The last full year in Japan time: the bench's requests cover the 700 days before today.
  const year = Number(jstMonth(now).slice(0, 4)) - 1;
  const summary = () => feeSummary({ actor, input: { from: jstMonth(now, 11), to: jstMonth(now) } });
  const list = () => listFees({ actor, input: { page: 1, pageSize: 25 } });
  const bankLines = () => listUnmatchedBankLines({ actor, input: { pageSize: 50 } });
  return {
    request: async () => {
      const r = await getRequestDetail({ actor, input: { requestId: DETAIL_ID } });
      await Promise.all([
        listAssignableStaff({ actor }),
        listSystemsOfRecord({ actor }),
        staffFeeView({ actor, requestId: r.id }),
        getConnectedView({ actor, input: { requestId: r.id } }),
      ]);
    },
    fees: () => Promise.all([summary(), list(), bankLines()]),
    reportsYear: () => requestReport({ actor, range: { from: `${year}-01`, to: `${year}-12` } }),
    exportArchive: () => exportRequestArchive({ actor, input: { requestId: DETAIL_ID } }),
    provisionsRecent: () => searchProvisions({ actor, input: { take: 20 } }),
    // One record matches at both sizes: until 2026-12-01 the term was "試験 770", a substring of
    // 1 name at 1,000 requests and of 12 at 100,000 (試験 7700, 試験 77000…), so the 100,000 figure
    // also paid for loading and drawing eleven more records (ADR 0024).
    provisionsByName: () => searchProvisions({ actor, input: { name: "検索 花子", take: 20 } }),
    mailViewer: () => listOutbox({ actor, page: 1 }),
    offlineIntake: async () => offlineIntakeOptions("ja"),
    "fees.summary": summary,
    "fees.list": list,
    "fees.bankLines": bankLines,
  };
}
const pageNames: Record<string, string> = {
  request: "request page (detail, fee, staff, systems)",
  fees: "fees dashboard (summary, list, bank lines)",
  reportsYear: "reports, a full year",
  exportArchive: "exports: one request's archive",
  provisionsRecent: "provision search: recent 20",
  provisionsByName: "provision search: by name",
  mailViewer: "mail viewer: first page",
  offlineIntake: "offline intake page options",
};

/** A page's rounds as one: p95 and median over every call, CPU per call, and each round's p95. */
type Timing = { p95: number; median: number; cpu: number; samples: number; p95ByRound: number[] };
export type ConsoleTimes = Record<string, Timing>;

function timingOf(rounds: Round[]): Timing {
  const all = rounds.flatMap((r) => r.samples);
  const sorted = [...all].sort((a, b) => a - b);
  return {
    p95: p95(all),
    median: sorted[Math.floor(all.length / 2)] ?? 0,
    cpu: rounds.reduce((n, r) => n + r.cpuMs, 0) / Math.max(1, all.length),
    samples: all.length,
    p95ByRound: rounds.map((r) => round(p95(r.samples))),
  };
}

type SamplerAnswer =
  | { kind: "ready" }
  | { kind: "round"; round: Round }
  | { kind: "plans"; plans: Record<string, unknown> }
  | { kind: "failed"; message: string };

/** A process of scripts/bench-console-sampler.ts: its own database with `size` requests, timing pages on request. */
export type Sampler = {
  size: number;
  ready: Promise<void>;
  round: (page: string) => Promise<Round>;
  explain: () => Promise<Record<string, unknown>>;
  stop: () => Promise<void>;
};

/**
 * Starts a sampler on the database `env` points it to (PGLITE_DIR or DATABASE_URL, prepared
 * empty by the caller); it migrates and seeds it to `size` requests with their console rows.
 */
export function startSampler(size: number, env: NodeJS.ProcessEnv): Sampler {
  const child = fork(path.join(process.cwd(), "scripts", "bench-console-sampler.ts"), {
    env: { ...env, BENCH_SAMPLER_SIZE: String(size) },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  // Its output is kept for an error message (and printed with BENCH_VERBOSE); unread, a full pipe stalls it.
  let log = "";
  const keep = (d: Buffer) => {
    log = (log + d.toString()).slice(-4000);
    if (process.env.BENCH_VERBOSE === "1") process.stdout.write(`[sampler ${size}] ${d.toString()}`);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const why = () => `sampler of ${size} requests: ${log.trim().split("\n").slice(-3).join(" | ")}`;
  let waiting: { resolve: (a: SamplerAnswer) => void; reject: (e: Error) => void } | null = null;
  child.on("message", (a: SamplerAnswer) => {
    const w = waiting;
    waiting = null;
    if (a.kind === "failed") w?.reject(new Error(`${why()}: ${a.message}`));
    else w?.resolve(a);
  });
  child.on("exit", (code) => {
    const w = waiting;
    waiting = null;
    w?.reject(new Error(`${why()} (exited with ${code})`));
  });
  const next = () => new Promise<SamplerAnswer>((resolve, reject) => (waiting = { resolve, reject }));
  const ask = (question: { kind: "round"; page: string } | { kind: "explain" }) => {
    const answer = next();
    child.send(question);
    return answer;
  };
  return {
    size,
    ready: next().then(() => undefined),
    round: async (page) => {
      const a = await ask({ kind: "round", page });
      if (a.kind !== "round") throw new Error(`${why()}: expected a round, got ${a.kind}`);
      return a.round;
    },
    explain: async () => {
      const a = await ask({ kind: "explain" });
      if (a.kind !== "plans") throw new Error(`${why()}: expected plans, got ${a.kind}`);
      return a.plans;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send({ kind: "stop" });
      await exited;
    },
  };
}

/**
 * Every page at both sizes in ROUNDS rounds; in each round the two sizes take turns, the smaller
 * first in odd rounds and the larger first in even ones. Until 2026-12-01 the 1,000-request
 * figures were taken first and the 100,000-request ones minutes later, after the seeding: a
 * slower stretch of the shared machine in between failed four rows in one full run.
 */
export async function timeConsolePages(
  small: Sampler,
  large: Sampler,
  details: Record<string, unknown>,
): Promise<{ small: ConsoleTimes; large: ConsoleTimes }> {
  const pages = [...Object.keys(pageNames), "fees.summary", "fees.list", "fees.bankLines"];
  const rounds = new Map<Sampler, Map<string, Round[]>>([
    [small, new Map()],
    [large, new Map()],
  ]);
  for (const page of pages)
    for (let r = 0; r < ROUNDS; r++)
      for (const sampler of r % 2 === 0 ? [small, large] : [large, small]) {
        const byPage = rounds.get(sampler) as Map<string, Round[]>;
        byPage.set(page, [...(byPage.get(page) ?? []), await sampler.round(page)]);
      }
  const times = (sampler: Sampler): ConsoleTimes =>
    Object.fromEntries(pages.map((page) => [page, timingOf(rounds.get(sampler)?.get(page) ?? [])]));
  const [a, b] = [times(small), times(large)];
  const detail = (t: ConsoleTimes, fees: boolean) =>
    Object.fromEntries(
      Object.entries(t)
        .filter(([k]) => k.startsWith("fees.") === fees)
        .map(([k, v]) => [
          fees ? k.slice("fees.".length) : k,
          {
            p95Ms: round(v.p95),
            medianMs: round(v.median),
            cpuMsPerCall: round(v.cpu),
            samples: v.samples,
            p95MsByRound: v.p95ByRound,
          },
        ]),
    );
  details.console_1k = detail(a, false);
  details.console_100k = detail(b, false);
  details.consoleFeesParts_1k = detail(a, true);
  details.consoleFeesParts_100k = detail(b, true);
  return { small: a, large: b };
}

export function consoleRows(small: ConsoleTimes, large: ConsoleTimes): Row[] {
  return Object.keys(pageNames).map((k) => {
    const a = small[k] ?? { p95: 0, cpu: 0, samples: 0, p95ByRound: [] };
    const b = large[k] ?? { p95: 0, cpu: 0, samples: 0, p95ByRound: [] };
    const ratio = a.p95 > 0 ? round(b.p95 / a.p95) : null;
    return {
      measure: `console ${pageNames[k] ?? k} p95 (100k vs 1k)`,
      value: `${b.p95.toFixed(2)} ms`,
      baseline: `${a.p95.toFixed(2)} ms`,
      ratio,
      goal: "≤ 1.5",
      met: ratio === null ? null : ratio <= 1.5,
      // On a busy machine wall time moves with other load; this process's CPU time much less
      // (all of it on PGlite; on PostgreSQL only the app's side).
      note: `CPU/call ${b.cpu.toFixed(1)} vs ${a.cpu.toFixed(1)} ms${a.cpu > 0 ? ` (${round(b.cpu / a.cpu)})` : ""}, ${b.samples} vs ${a.samples} calls; p95 by round ${b.p95ByRound.join(", ")} vs ${a.p95ByRound.join(", ")} ms`,
    };
  });
}

/**
 * EXPLAIN (FORMAT JSON) node summaries of each page's main queries, written as the pages' functions
 * send them (the same predicates and order), and which of them read a big table sequentially.
 */
export async function explainConsolePages(): Promise<Record<string, unknown>> {
  const { prisma } = await import("@/lib/server/db");
  const plan = async (sql: string) => {
    const out = await prisma.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(`EXPLAIN (FORMAT JSON) ${sql}`);
    const nodes: string[] = [];
    // A scan under a Limit reads a bounded number of rows: marked "(limited)" and not flagged.
    const walk = (n: Record<string, unknown>, limited: boolean) => {
      const node = [n["Node Type"], n["Index Name"], n["Relation Name"]].filter(Boolean).join(" ");
      nodes.push(limited && node.startsWith("Seq Scan") ? `${node} (limited)` : node);
      // …but not below a node that reads all its input first (a Sort under the Limit reads every row).
      const blocking = ["Sort", "Aggregate", "Hash", "Materialize"].includes(String(n["Node Type"]));
      for (const c of (n.Plans as Record<string, unknown>[] | undefined) ?? [])
        walk(c, !blocking && (limited || n["Node Type"] === "Limit"));
    };
    const raw = out[0]?.["QUERY PLAN"];
    const parsed = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: Record<string, unknown> }[] | undefined;
    if (parsed?.[0]) walk(parsed[0].Plan, false);
    return nodes;
  };
  const now = new Date();
  const year = Number(jstMonth(now).slice(0, 4)) - 1;
  const fm = { from: jstMonth(now, 11), to: jstMonth(now) };
  const today = now.toISOString().slice(0, 10);
  const nameExpr = `translate("subjectName", E' \\u3000\\t\\r\\n', '')`;
  const kanaExpr = `translate(coalesce("subjectNameKana", ''), E' \\u3000\\t\\r\\n', '')`;
  const ts = (v: string) => `'${v}'::timestamp`;
  const id = `'${DETAIL_ID}'`;
  const queries: Record<string, Record<string, string>> = {
    request: {
      request: `SELECT * FROM "Request" WHERE id = ${id}`,
      timeline: `SELECT * FROM "AuditEvent" WHERE "requestId" = ${id} ORDER BY seq`,
      tasks: `SELECT * FROM "Task" WHERE "requestId" = ${id} ORDER BY "createdAt"`,
      notices: `SELECT * FROM "Notice" WHERE "requestId" = ${id} ORDER BY "createdAt"`,
      messages: `SELECT * FROM "Message" WHERE "requestId" = ${id} ORDER BY "createdAt"`,
      payments: `SELECT * FROM "Payment" WHERE "requestId" = ${id}`,
      refunds: `SELECT * FROM "Refund" WHERE "requestId" = ${id}`,
      receipts: `SELECT * FROM "Receipt" WHERE "requestId" = ${id}`,
      bankLines: `SELECT * FROM "BankStatementLine" WHERE "requestId" = ${id}`,
      decisions: `SELECT * FROM "Decision" WHERE "requestId" = ${id}`,
    },
    fees: {
      // The twelve months' sums: the rollup (ADR 0024), one query per figure as feeSummary sends them.
      paid: `SELECT month, k1, sum(n), sum(amount) FROM "ReportRollup" WHERE kind = 'paid' AND month >= '${fm.from}' AND month <= '${fm.to}' GROUP BY month, k1`,
      refunded: `SELECT month, k1, sum(n), sum(amount) FROM "ReportRollup" WHERE kind = 'refunded' AND month >= '${fm.from}' AND month <= '${fm.to}' GROUP BY month, k1`,
      owed: `SELECT month, sum(n), sum(amount) FROM "ReportRollup" WHERE kind IN ('owed', 'waived') AND month >= '${fm.from}' AND month <= '${fm.to}' GROUP BY month`,
      listPage: `SELECT id FROM "Request" WHERE fee IN ('AWAITING_PAYMENT','PAID','WAIVED','REFUNDED') ORDER BY "arrivedAt" DESC, id ASC LIMIT 25`,
      // The list's total without a method filter: the rollup's "fee" rows (countFeeList, ADR 0024).
      listCount: `SELECT coalesce(sum(n), 0) FROM "ReportRollup" WHERE kind = 'fee'`,
      // With a method filter it still counts the requests, as Prisma sends it.
      listCountByMethod: `SELECT count(*) FROM "Request" r WHERE r.fee IN ('AWAITING_PAYMENT','PAID','WAIVED','REFUNDED') AND EXISTS (SELECT 1 FROM "Payment" p WHERE p."requestId" = r.id AND p.method = 'CASH')`,
      bankLines: `SELECT id FROM "BankStatementLine" WHERE status IN ('AMOUNT_MISMATCH','UNKNOWN_REFERENCE','ALREADY_SETTLED') ORDER BY "bookedOn", "lineNo" LIMIT 50`,
    },
    reports: {
      receivedClosed: `SELECT month, k1, k2, sum(n) FROM "ReportRollup" WHERE kind IN ('received', 'closed') AND month >= '${year}-01' AND month <= '${year}-12' GROUP BY month, k1, k2`,
      outcomes: `SELECT k1, sum(n) FROM "ReportRollup" WHERE kind = 'outcome' AND month >= '${year}-01' AND month <= '${year}-12' GROUP BY k1`,
      grounds: `SELECT k1, sum(n) FROM "ReportRollup" WHERE kind = 'ground' AND month >= '${year}-01' AND month <= '${year}-12' GROUP BY k1`,
      closing: `SELECT x, sum(n) FROM "ReportRollup" WHERE kind = 'closing' AND month >= '${year}-01' AND month <= '${year}-12' GROUP BY x`,
      open: `SELECT sum(n) FROM "ReportRollup" WHERE kind = 'open' AND month = ''`,
      overdueBeforeToday: `SELECT sum(n) FROM "ReportRollup" WHERE kind = 'due' AND month = '' AND k1 < '${today}'`,
      overdueToday: `SELECT count(*) FROM "Request" WHERE status IN ('RECEIVED','IN_PROGRESS','WAITING_FOR_REQUESTER','DECIDED') AND "pausedAt" IS NULL AND "dueAt" >= '${today}'::timestamp AND "dueAt" < ${ts(now.toISOString())}`,
      fees: `SELECT month, k1, sum(n), sum(amount) FROM "ReportRollup" WHERE kind IN ('paid', 'refunded') AND month >= '${year}-01' AND month <= '${year}-12' GROUP BY month, k1`,
    },
    exports: {
      auditOfRequest: `SELECT * FROM "AuditEvent" WHERE "requestId" = ${id} ORDER BY seq`,
      filesOfRequest: `SELECT * FROM "StoredFile" WHERE "requestId" = ${id}`,
    },
    provisions: {
      recent: `SELECT id FROM "ThirdPartyProvision" WHERE "retainUntil" >= current_date ORDER BY "providedOn" DESC, id DESC LIMIT 20`,
      // As searchProvisions sends it (provisionsByNameSql): LIKE on the trigram-indexed expressions.
      byName: `SELECT id FROM "ThirdPartyProvision" WHERE "retainUntil" >= current_date AND ((${nameExpr} LIKE '%検索花子%' AND strpos(${nameExpr}, '検索花子') > 0) OR (${kanaExpr} LIKE '%検索花子%' AND strpos(${kanaExpr}, '検索花子') > 0)) ORDER BY "providedOn" DESC, id DESC LIMIT 20`,
    },
    mail: {
      page: `SELECT id FROM "OutboxMessage" ORDER BY "createdAt" DESC, id DESC LIMIT 50`,
      // listOutbox counts at most 20 pages ahead (count with take, as Prisma sends it).
      count: `SELECT count(*) FROM (SELECT id FROM "OutboxMessage" LIMIT 1001 OFFSET 0) AS sub`,
    },
  };
  // Tables that grow with the requests (more than 10,000 rows at 100,000 requests).
  const sizes = await prisma.$queryRawUnsafe<{ relname: string; n: number }[]>(
    `SELECT relname, reltuples::float8 AS n FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`,
  );
  const big = new Set(sizes.filter((t) => Number(t.n) > 10_000).map((t) => t.relname));
  const out: Record<string, unknown> = {};
  const seqOnBig: string[] = [];
  for (const [page, qs] of Object.entries(queries)) {
    const plans: Record<string, string[]> = {};
    for (const [name, sql] of Object.entries(qs)) {
      const nodes = await plan(sql);
      plans[name] = nodes;
      for (const n of nodes)
        if (n.startsWith("Seq Scan") && !n.endsWith("(limited)") && big.has(n.split(" ").pop() ?? ""))
          seqOnBig.push(`${page}.${name}: ${n}`);
    }
    out[page] = plans;
  }
  out.seqScansOnBigTables = seqOnBig;
  return out;
}
