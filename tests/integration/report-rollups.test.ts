import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  Channel,
  FeeStatus,
  Outcome,
  PaymentMethod,
  RequestStatus,
  RequestType,
  WithholdingGround,
} from "@/lib/generated/prisma/enums";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { DAY_MS as DAY, jstMonthRange } from "@/lib/dates";
import { prng } from "@/lib/seed/demo-history";
import { requestReport } from "@/lib/reports/request-report";
import { closingFigures } from "@/lib/reports/closing-figures";
import { feeSummary, listFees } from "@/lib/fees/fee-dashboard";
import type { StaffActor } from "@/lib/audit/actor";
import {
  directClosing,
  directFeeSummary,
  directRequestReport,
  rollupAgainstRecomputed,
} from "@/tests/helpers/report-direct";

// The rollups (ADR 0024) must give exactly what the direct aggregation over the base tables
// gives (tests/helpers/report-direct.ts, the queries before the rollups), on random data and
// after random edits of every kind that changes a figure: status changes, closings, reopenings,
// withdrawals, fee changes, payments, refunds, decisions and grounds, deletions, and times on
// the edges of JST months. The generator is seeded, so a failure repeats.
const officer: StaffActor = { type: "STAFF", id: "o", role: "OFFICER" };
const admin: StaffActor = { type: "STAFF", id: "a", role: "ADMIN" };
const NOW = new Date("2026-01-15T03:00:00Z");
const SEED = Number(process.env.ROLLUP_SEED ?? 19_3);

const rnd = prng(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

const types: RequestType[] = ["DISCLOSURE", "CORRECTION", "INQUIRY", "COMPLAINT"];
const channels: Channel[] = ["WEB", "POST", "EMAIL"];
const openStatuses: RequestStatus[] = ["RECEIVED", "IN_PROGRESS", "WAITING_FOR_REQUESTER", "DECIDED"];
const outcomes: Outcome[] = ["FULFILLED", "PARTIALLY_FULFILLED", "NOT_FULFILLED", "NO_DATA_HELD"];
const fees: FeeStatus[] = ["NOT_REQUIRED", "AWAITING_PAYMENT", "PAID", "WAIVED", "REFUNDED"];
const methods: PaymentMethod[] = ["BANK_TRANSFER", "STRIPE", "CASH"];
const grounds: WithholdingGround[] = ["IDENTITY_UNCONFIRMED", "BUSINESS_IMPEDIMENT", "LEGAL_VIOLATION"];

// Midnight in Tokyo on the first of each month from November 2024 to March 2026, and the
// instants a millisecond and a second either side: where a UTC date and a JST month disagree.
const edges = Array.from({ length: 17 }, (_, i) => Date.UTC(2024, 10 + i, 1) - 9 * 3_600_000).flatMap((t) => [
  t - 1000,
  t - 1,
  t,
  t + 1,
]);
const instant = () => new Date(rnd() < 0.3 ? pick(edges) : Date.UTC(2024, 10, 1) + Math.floor(rnd() * 480 * DAY));
// Some durations repeat exactly (ties in the percentiles), most are to the millisecond.
const duration = () => (rnd() < 0.3 ? pick([0, DAY, 10 * DAY, 10 * DAY]) : Math.floor(rnd() * 60 * DAY));
const dateOnly = (d: Date) => new Date(d.toISOString().slice(0, 10));

let seq = 0;
async function createRequest() {
  seq++;
  const arrivedAt = instant();
  const status: RequestStatus = pick([...openStatuses, "CLOSED", "CLOSED", "WITHDRAWN", "ABANDONED"]);
  const closed = status === "CLOSED" || status === "WITHDRAWN" || rnd() < 0.05;
  const fee = pick(fees);
  // Due dates around now (some today, before and after noon) make "overdue" move.
  const dueAt =
    rnd() < 0.1
      ? null
      : rnd() < 0.2
        ? new Date(NOW.getTime() + int(-3 * 3_600_000, 3 * 3_600_000))
        : new Date(arrivedAt.getTime() + int(5, 20) * DAY);
  const data: Prisma.RequestUncheckedCreateInput = {
    reference: `DSR-2025-${String(seq).padStart(6, "0")}`,
    type: pick(types),
    channel: pick(channels),
    status,
    identity: "VERIFIED",
    fee,
    feeAmount: fee === "NOT_REQUIRED" ? 0 : pick([3300, 5500]),
    subjectName: `集計 ${seq}`,
    targetDays: 14,
    arrivedAt,
    dueAt,
    pausedAt: status === "WAITING_FOR_REQUESTER" && rnd() < 0.7 ? arrivedAt : null,
    closedAt: closed ? new Date(arrivedAt.getTime() + duration()) : null,
    outcome: closed && rnd() < 0.8 ? pick(outcomes) : null,
  };
  return prisma.request.create({ data });
}

const ids = async () => (await prisma.request.findMany({ select: { id: true } })).map((r) => r.id);

async function addPayment(requestId: string) {
  return prisma.payment.create({
    data: { requestId, method: pick(methods), amount: pick([1000, 3300, 5500]), paidOn: dateOnly(instant()) },
  });
}

async function addRefund(paymentId: string) {
  const p = await prisma.payment.findUniqueOrThrow({ where: { id: paymentId } });
  return prisma.refund.create({
    data: {
      requestId: p.requestId,
      paymentId,
      amount: pick([500, p.amount]),
      reason: "x",
      createdById: "a",
      createdAt: instant(),
    },
  });
}

async function addDecision(requestId: string) {
  const d = await prisma.decision.create({
    data: { requestId, outcome: pick(outcomes), explanation: "x", decidedById: "o", superseded: rnd() < 0.3 },
  });
  for (const g of grounds)
    if (rnd() < 0.5) await prisma.decisionGround.create({ data: { decisionId: d.id, ground: g, explanation: "x" } });
}

/** One random write of the kinds the app makes (and a few it makes only in retention or repair). */
async function edit() {
  const all = await ids();
  const id = pick(all);
  const op = int(0, 15);
  if (op === 0)
    await prisma.request.update({
      where: { id },
      data: { status: pick(openStatuses), pausedAt: rnd() < 0.5 ? NOW : null },
    });
  else if (op === 1) {
    const r = await prisma.request.findUniqueOrThrow({ where: { id } });
    await prisma.request.update({
      where: { id },
      data: { status: "CLOSED", closedAt: new Date(r.arrivedAt.getTime() + duration()), outcome: pick(outcomes) },
    });
  } else if (op === 2)
    await prisma.request.update({ where: { id }, data: { status: "IN_PROGRESS", closedAt: null, outcome: null } });
  else if (op === 3)
    await prisma.request.update({
      where: { id },
      data: { status: "WITHDRAWN", closedAt: instant(), withdrawnAt: NOW },
    });
  else if (op === 4)
    await prisma.request.update({ where: { id }, data: { fee: pick(fees), feeAmount: pick([0, 3300, 5500]) } });
  else if (op === 5) await addPayment(id);
  else if (op === 6) {
    const p = await prisma.payment.findFirst({ skip: int(0, 5) });
    if (p) await addRefund(p.id);
  } else if (op === 7) {
    const f = await prisma.refund.findFirst({ skip: int(0, 5) });
    if (f && rnd() < 0.5) await prisma.refund.delete({ where: { id: f.id } });
    else if (f) await prisma.refund.update({ where: { id: f.id }, data: { amount: 700, createdAt: instant() } });
  } else if (op === 8) {
    const p = await prisma.payment.findFirst({ skip: int(0, 5) });
    if (p)
      await prisma.payment.update({
        where: { id: p.id },
        data: { method: pick(methods), paidOn: dateOnly(instant()) },
      });
  } else if (op === 9) {
    const p = await prisma.payment.findFirst({ skip: int(0, 5) });
    if (p) {
      await prisma.refund.deleteMany({ where: { paymentId: p.id } });
      await prisma.payment.delete({ where: { id: p.id } });
    }
  } else if (op === 10) await addDecision(id);
  else if (op === 11) {
    const d = await prisma.decision.findFirst({ skip: int(0, 3) });
    if (d && rnd() < 0.5) await prisma.decision.update({ where: { id: d.id }, data: { superseded: !d.superseded } });
    else if (d) await prisma.decision.delete({ where: { id: d.id } }); // its grounds go by cascade
  } else if (op === 12) {
    const g = await prisma.decisionGround.findFirst({ skip: int(0, 3) });
    if (g) await prisma.decisionGround.delete({ where: { id: g.id } });
  } else if (op === 13) {
    // A retention purge removes a request with everything hanging on it.
    await prisma.$transaction(async (tx) => {
      await tx.refund.deleteMany({ where: { requestId: id } });
      await tx.payment.deleteMany({ where: { requestId: id } });
      await tx.decision.deleteMany({ where: { requestId: id } });
      await tx.request.delete({ where: { id } });
    });
  } else if (op === 14)
    await prisma.request.update({
      where: { id },
      data: { arrivedAt: instant(), type: pick(types), channel: pick(channels), dueAt: new Date(NOW.getTime() - DAY) },
    });
  // One statement that changes a request and adds its payment: the shares are recomputed from the
  // rows as they are after the statement, so the order of the two writes does not matter.
  else
    await prisma.$executeRaw`
      WITH u AS (UPDATE "Request" SET fee = 'PAID' WHERE id = ${id} RETURNING id)
      INSERT INTO "Payment" (id, "requestId", method, amount, "paidOn") SELECT 'cte' || ${seq++}, id, 'CASH', 5500, DATE '2025-12-31' FROM u`;
}

const ranges = [
  { from: "2024-11", to: "2026-03" },
  { from: "2025-01", to: "2025-12" },
  { from: "2025-12", to: "2025-12" },
  { from: "2026-01", to: "2026-01" },
];

// The fee list's total (countFeeList) for every filter it sums from the rollup, against
// counting the requests as the list selects them (arrival in the JST month's UTC bounds).
const feeFilters: { status?: Exclude<FeeStatus, "NOT_REQUIRED">; month?: string }[] = [
  {},
  ...fees.filter((f) => f !== "NOT_REQUIRED").map((status) => ({ status })),
  ...["2024-10", "2024-11", "2025-06", "2025-12", "2026-01", "2026-03"].flatMap((month) => [
    { month },
    { month, status: "AWAITING_PAYMENT" as const },
    { month, status: "WAIVED" as const },
  ]),
];

async function expectSameFeeListTotals() {
  for (const filter of feeFilters) {
    const month = filter.month ? jstMonthRange(filter.month) : undefined;
    const counted = await prisma.request.count({
      where: {
        fee: filter.status ?? { not: "NOT_REQUIRED" },
        ...(month ? { arrivedAt: month } : {}),
      },
    });
    const { total } = await listFees({ actor: admin, input: { ...filter, pageSize: 1 } });
    expect({ filter, total }).toEqual({ filter, total: counted });
  }
}

async function expectSameFigures() {
  await expectSameFeeListTotals();
  for (const range of ranges) {
    expect(await requestReport({ actor: officer, range, now: NOW })).toEqual(
      await directRequestReport({ range, now: NOW }),
    );
    expect(await feeSummary({ actor: admin, input: range })).toEqual(await directFeeSummary({ input: range }));
    // Not only after rounding to a tenth of a day: the very doubles percentile_cont gives.
    expect(await closingFigures(range.from, range.to)).toEqual(await directClosing(range.from, range.to));
  }
  const { rollup, recomputed } = await rollupAgainstRecomputed();
  expect(rollup).toEqual(recomputed);
}

describe("report rollups", () => {
  beforeAll(async () => {
    await resetDatabase();
    for (let i = 0; i < 120; i++) {
      const r = await createRequest();
      if (rnd() < 0.4) {
        const p = await addPayment(r.id);
        if (rnd() < 0.4) await addRefund(p.id);
      }
      if (r.closedAt && rnd() < 0.5) await addDecision(r.id);
    }
  }, 120_000);

  it(`equal the direct aggregation on random data (seed ${SEED})`, async () => {
    await expectSameFigures();
  });

  it("stay equal through random edits of every kind", { timeout: 180_000 }, async () => {
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < 25; i++) await edit();
      await createRequest();
      await expectSameFigures();
    }
  });

  it("are rebuilt from scratch exactly as the triggers kept them (the migration's backfill)", async () => {
    const before = await prisma.$queryRaw<{ key: string }[]>`
      SELECT concat_ws('|', kind, month, k1, k2, x::text, n, amount) AS key FROM "ReportRollup" WHERE n <> 0 OR amount <> 0 ORDER BY 1`;
    await prisma.$executeRaw`TRUNCATE "ReportRollup", "ReportContribution"`;
    await prisma.$executeRaw`SELECT madoguchi_report_refresh(ARRAY(SELECT id FROM "Request"))`;
    const after = await prisma.$queryRaw<{ key: string }[]>`
      SELECT concat_ws('|', kind, month, k1, k2, x::text, n, amount) AS key FROM "ReportRollup" WHERE n <> 0 OR amount <> 0 ORDER BY 1`;
    expect(after).toEqual(before);
    expect(before.length).toBeGreaterThan(50);
  });
});
