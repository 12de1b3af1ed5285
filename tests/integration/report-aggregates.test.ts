import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { requestReport } from "@/lib/reports/request-report";
import { feeSummary } from "@/lib/fees/fee-dashboard";
import type { StaffActor } from "@/lib/audit/actor";

// The report and the fee dashboard aggregate in SQL over ranges of the stored UTC columns
// (ADR 0019). Known rows on every edge of a JST year: the first and last instant of 2025 in
// Tokyo, one instant either side, withdrawn and closed requests, refunds across New Year,
// and a year with nothing in it.
const officer: StaffActor = { type: "STAFF", id: "o", role: "OFFICER" };
const admin: StaffActor = { type: "STAFF", id: "a", role: "ADMIN" };
const DAY = 86_400_000;
const NOW = new Date("2026-01-15T03:00:00Z"); // 15 January 2026, noon in Tokyo
let n = 0;

async function make(p: Partial<Prisma.RequestUncheckedCreateInput> & { arrivedAt: Date }) {
  n++;
  return prisma.request.create({
    data: {
      reference: `DSR-2025-${String(n).padStart(6, "0")}`,
      type: "DISCLOSURE",
      identity: "VERIFIED",
      fee: "NOT_REQUIRED",
      subjectName: `集計 ${n}`,
      targetDays: 14,
      dueAt: new Date(p.arrivedAt.getTime() + 14 * DAY),
      ...p,
    },
  });
}

beforeAll(async () => {
  await resetDatabase();
  // 00:00 on 1 January 2025 in Tokyo: received in January; closed 23:59 on 31 January, late.
  const r1 = await make({
    arrivedAt: new Date("2024-12-31T15:00:00Z"),
    status: "CLOSED",
    outcome: "FULFILLED",
    closedAt: new Date("2025-01-31T14:59:00Z"),
    fee: "PAID",
    feeAmount: 5500,
  });
  // One second before 2025 in Tokyo: not received in 2025; closed at 00:00 on 1 February.
  const r2 = await make({
    arrivedAt: new Date("2024-12-31T14:59:59Z"),
    type: "CORRECTION",
    channel: "POST",
    status: "CLOSED",
    outcome: "NOT_FULFILLED",
    closedAt: new Date("2025-01-31T15:00:00Z"),
  });
  const d = await prisma.decision.create({
    data: { requestId: r2.id, outcome: "NOT_FULFILLED", explanation: "x", decidedById: "o" },
  });
  await prisma.decisionGround.create({ data: { decisionId: d.id, ground: "IDENTITY_UNCONFIRMED", explanation: "x" } });
  // A superseded decision's grounds are not counted.
  const old = await prisma.decision.create({
    data: { requestId: r2.id, outcome: "NOT_FULFILLED", explanation: "x", decidedById: "o", superseded: true },
  });
  await prisma.decisionGround.create({ data: { decisionId: old.id, ground: "LEGAL_VIOLATION", explanation: "x" } });
  // 23:59 on 31 December 2025 in Tokyo: received in December; withdrawn in January 2026.
  const r3 = await make({
    arrivedAt: new Date("2025-12-31T14:59:00Z"),
    type: "INQUIRY",
    channel: "EMAIL",
    status: "WITHDRAWN",
    closedAt: new Date("2026-01-05T00:00:00Z"),
  });
  // 00:00 on 1 January 2026 in Tokyo: this month and this year, overdue now.
  await make({ arrivedAt: new Date("2025-12-31T15:00:00Z"), status: "RECEIVED" });
  // Withdrawn within June with its fee unpaid: closed by month, not in days to close, not owed.
  await make({
    arrivedAt: new Date("2025-06-10T00:00:00Z"),
    status: "WITHDRAWN",
    closedAt: new Date("2025-06-12T00:00:00Z"),
    fee: "AWAITING_PAYMENT",
    feeAmount: 5500,
  });
  await make({ arrivedAt: new Date("2025-11-01T00:00:00Z"), type: "COMPLAINT", status: "IN_PROGRESS" });
  await make({
    arrivedAt: new Date("2025-11-20T00:00:00Z"),
    type: "PURPOSE_NOTICE",
    channel: "PHONE",
    status: "WAITING_FOR_REQUESTER",
    pausedAt: new Date("2025-11-21T00:00:00Z"),
  });
  // 00:00 on 1 April in Tokyo (31 March in UTC): owed in April.
  await make({
    arrivedAt: new Date("2025-03-31T15:00:00Z"),
    status: "RECEIVED",
    fee: "AWAITING_PAYMENT",
    feeAmount: 5500,
  });
  // 23:59 on 28 February in Tokyo: waived in February.
  await make({ arrivedAt: new Date("2025-02-28T14:59:00Z"), status: "WITHDRAWN", fee: "WAIVED", feeAmount: 5500 });

  // Payments are dated by calendar day; refunds by the JST month they were made.
  const p1 = await prisma.payment.create({
    data: { requestId: r1.id, method: "BANK_TRANSFER", amount: 5500, paidOn: new Date("2025-01-01") },
  });
  await prisma.payment.create({
    data: { requestId: r1.id, method: "STRIPE", amount: 5500, paidOn: new Date("2024-12-31") },
  });
  const p3 = await prisma.payment.create({
    data: { requestId: r3.id, method: "CASH", amount: 5500, paidOn: new Date("2025-12-31") },
  });
  await prisma.refund.create({
    data: {
      requestId: r1.id,
      paymentId: p1.id,
      amount: 2000,
      reason: "x",
      createdById: "a",
      createdAt: new Date("2025-12-31T15:00:00Z"), // 1 January 2026 in Tokyo
    },
  });
  await prisma.refund.create({
    data: {
      requestId: r3.id,
      paymentId: p3.id,
      amount: 500,
      reason: "x",
      createdById: "a",
      createdAt: new Date("2025-12-31T14:00:00Z"), // 23:00 on 31 December in Tokyo
    },
  });
});

describe("the report's SQL aggregates over a JST year", () => {
  it("counts exactly the rows inside 2025 in Japan time", async () => {
    const r = await requestReport({ actor: officer, range: { from: "2025-01", to: "2025-12" }, now: NOW });
    expect(r.months).toEqual([
      { month: "2025-01", type: "DISCLOSURE", channel: "WEB", received: 1, closed: 1 },
      { month: "2025-02", type: "CORRECTION", channel: "POST", received: 0, closed: 1 },
      { month: "2025-02", type: "DISCLOSURE", channel: "WEB", received: 1, closed: 0 },
      { month: "2025-04", type: "DISCLOSURE", channel: "WEB", received: 1, closed: 0 },
      { month: "2025-06", type: "DISCLOSURE", channel: "WEB", received: 1, closed: 1 },
      { month: "2025-11", type: "COMPLAINT", channel: "WEB", received: 1, closed: 0 },
      { month: "2025-11", type: "PURPOSE_NOTICE", channel: "PHONE", received: 1, closed: 0 },
      { month: "2025-12", type: "INQUIRY", channel: "EMAIL", received: 1, closed: 0 },
    ]);
    expect(r.outcomes).toEqual([
      { outcome: "FULFILLED", count: 1 },
      { outcome: "NOT_FULFILLED", count: 1 },
    ]);
    expect(r.grounds).toEqual([{ ground: "IDENTITY_UNCONFIRMED", count: 1 }]);
    // Only CLOSED requests count towards days to close (the withdrawn one in June does not).
    expect(r.daysToClose).toEqual({ median: 31, p90: 31, closed: 2 });
    expect(r.onTime).toEqual({ closed: 2, onTime: 0, rate: 0 });
    expect(r.now).toEqual({ open: 4, overdue: 3, waiting: 1 });
    expect(r.fees).toEqual([
      { month: "2025-01", method: "BANK_TRANSFER", count: 1, amount: 5500, refunded: 0, net: 5500 },
      { month: "2025-12", method: "CASH", count: 1, amount: 5500, refunded: 500, net: 5000 },
    ]);
    // "Now" is January 2026 in Tokyo: the New Year arrival, the January withdrawal and the New Year refund.
    const jan = { received: 1, closed: 1, feesPaid: 0, feesRefunded: 2000, feesNet: -2000 };
    expect(r.totals).toEqual({ thisMonth: { period: "2026-01", ...jan }, thisYear: { period: "2026", ...jan } });
  });

  it("moves the edges with the range: one month, and the month after New Year", async () => {
    const jan = await requestReport({ actor: officer, range: { from: "2025-01", to: "2025-01" }, now: NOW });
    expect(jan.months).toEqual([{ month: "2025-01", type: "DISCLOSURE", channel: "WEB", received: 1, closed: 1 }]);
    expect(jan.outcomes).toEqual([{ outcome: "FULFILLED", count: 1 }]);
    expect(jan.grounds).toEqual([]);
    const next = await requestReport({ actor: officer, range: { from: "2026-01", to: "2026-01" }, now: NOW });
    expect(next.months).toEqual([
      { month: "2026-01", type: "DISCLOSURE", channel: "WEB", received: 1, closed: 0 },
      { month: "2026-01", type: "INQUIRY", channel: "EMAIL", received: 0, closed: 1 },
    ]);
    expect(next.fees).toEqual([
      { month: "2026-01", method: "BANK_TRANSFER", count: 0, amount: 0, refunded: 2000, net: -2000 },
    ]);
  });

  it("gives an empty year as empty lists and no figures", async () => {
    const r = await requestReport({ actor: officer, range: { from: "2023-01", to: "2023-12" }, now: NOW });
    expect(r.months).toEqual([]);
    expect(r.outcomes).toEqual([]);
    expect(r.grounds).toEqual([]);
    expect(r.fees).toEqual([]);
    expect(r.daysToClose).toEqual({ median: null, p90: null, closed: 0 });
    expect(r.onTime).toEqual({ closed: 0, onTime: 0, rate: null });
  });
});

describe("the fee dashboard's SQL aggregates over a JST year", () => {
  it("puts payments, refunds, owed and waived fees in their JST months", async () => {
    const s = await feeSummary({ actor: admin, input: { from: "2025-01", to: "2025-12" } });
    expect(s.byMonthMethod).toEqual([
      {
        month: "2025-01",
        method: "BANK_TRANSFER",
        paidCount: 1,
        paidAmount: 5500,
        refundedCount: 0,
        refundedAmount: 0,
      },
      { month: "2025-12", method: "CASH", paidCount: 1, paidAmount: 5500, refundedCount: 1, refundedAmount: 500 },
    ]);
    // The withdrawn June request owed nothing any more: its month is left out.
    expect(s.byMonth).toEqual([
      { month: "2025-02", outstandingCount: 0, outstandingAmount: 0, waivedCount: 1, waivedAmount: 5500 },
      { month: "2025-04", outstandingCount: 1, outstandingAmount: 5500, waivedCount: 0, waivedAmount: 0 },
    ]);
  });

  it("gives an empty year as empty lists", async () => {
    const s = await feeSummary({ actor: admin, input: { from: "2023-01", to: "2023-12" } });
    expect(s.byMonthMethod).toEqual([]);
    expect(s.byMonth).toEqual([]);
  });
});
