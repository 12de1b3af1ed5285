import { beforeEach, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/generated/prisma/client";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { reportCsv } from "@/lib/reports/report-csv";
import { requestReport } from "@/lib/reports/request-report";
import type { StaffActor } from "@/lib/audit/actor";

const officer: StaffActor = { type: "STAFF", id: "o", role: "OFFICER" };
const DAY = 86_400_000;
let n = 0;

async function makeRequest(p: Partial<Prisma.RequestUncheckedCreateInput> & { arrivedAt: Date }) {
  n++;
  return prisma.request.create({
    data: {
      reference: `DSR-2026-${String(n).padStart(6, "0")}`,
      type: "DISCLOSURE",
      identity: "VERIFIED",
      fee: "PAID",
      subjectName: `テスト ${n}`,
      targetDays: 14,
      dueAt: new Date(p.arrivedAt.getTime() + 14 * DAY),
      ...p,
    },
  });
}

describe("request report", () => {
  beforeEach(async () => {
    await resetDatabase();
    n = 0;
  });

  it("counts received and closed by month, outcomes, grounds, days to close and on-time rate", async () => {
    // October arrivals; one closes in 5 days, one in 20 (late), one in 10 with a partial withholding.
    const a = await makeRequest({
      arrivedAt: new Date("2026-10-01T01:00:00Z"),
      status: "CLOSED",
      outcome: "FULFILLED",
      closedAt: new Date("2026-10-06T01:00:00Z"),
    });
    await makeRequest({
      arrivedAt: new Date("2026-10-02T01:00:00Z"),
      status: "CLOSED",
      outcome: "FULFILLED",
      closedAt: new Date("2026-10-22T01:00:00Z"),
      channel: "POST",
    });
    const c = await makeRequest({
      arrivedAt: new Date("2026-10-03T01:00:00Z"),
      status: "CLOSED",
      outcome: "PARTIALLY_FULFILLED",
      closedAt: new Date("2026-10-13T01:00:00Z"),
      type: "CORRECTION",
      fee: "NOT_REQUIRED",
    });
    await prisma.decision.create({
      data: {
        requestId: c.id,
        outcome: "PARTIALLY_FULFILLED",
        explanation: "x",
        decidedById: "s",
        grounds: {
          create: [
            { ground: "HARM_TO_LIFE_OR_RIGHTS", explanation: "x" },
            { ground: "BUSINESS_IMPEDIMENT", explanation: "y" },
          ],
        },
      },
    });
    // Still open, arrived in November; one overdue.
    await makeRequest({ arrivedAt: new Date("2026-11-01T01:00:00Z"), status: "IN_PROGRESS" });
    await makeRequest({
      arrivedAt: new Date("2026-11-20T01:00:00Z"),
      status: "WAITING_FOR_REQUESTER",
      pausedAt: new Date("2026-11-21T00:00:00Z"),
    });
    const paid = await prisma.payment.create({
      data: { requestId: a.id, method: "BANK_TRANSFER", amount: 5500, paidOn: new Date("2026-10-02") },
    });
    await prisma.payment.create({
      data: { requestId: c.id, method: "CASH", amount: 5500, paidOn: new Date("2026-11-02") },
    });
    await prisma.refund.create({
      data: {
        requestId: a.id,
        paymentId: paid.id,
        amount: 2000,
        reason: "一部返金",
        createdById: "s",
        createdAt: new Date("2026-11-10T01:00:00Z"),
      },
    });

    const r = await requestReport({
      actor: officer,
      range: { from: "2026-10", to: "2026-11" },
      now: new Date("2026-11-25T00:00:00Z"),
    });
    const received = (month: string) => r.months.filter((m) => m.month === month).reduce((s, m) => s + m.received, 0);
    const closed = (month: string) => r.months.filter((m) => m.month === month).reduce((s, m) => s + m.closed, 0);
    expect(received("2026-10")).toBe(3);
    expect(received("2026-11")).toBe(2);
    expect(closed("2026-10")).toBe(3);
    expect(r.months.find((m) => m.month === "2026-10" && m.channel === "POST")?.received).toBe(1);
    expect(r.outcomes).toEqual([
      { outcome: "FULFILLED", count: 2 },
      { outcome: "PARTIALLY_FULFILLED", count: 1 },
    ]);
    expect(r.grounds).toEqual([
      { ground: "BUSINESS_IMPEDIMENT", count: 1 },
      { ground: "HARM_TO_LIFE_OR_RIGHTS", count: 1 },
    ]);
    expect(r.daysToClose).toEqual({ median: 10, p90: 18, closed: 3 });
    expect(r.onTime).toEqual({ closed: 3, onTime: 2, rate: 66.7 });
    expect(r.now).toEqual({ open: 2, overdue: 1, waiting: 1 });
    // Fees net of refunds: a refund counts in the month it was made, under the refunded payment's method.
    expect(r.fees).toEqual([
      { month: "2026-10", method: "BANK_TRANSFER", count: 1, amount: 5500, refunded: 0, net: 5500 },
      { month: "2026-11", method: "BANK_TRANSFER", count: 0, amount: 0, refunded: 2000, net: -2000 },
      { month: "2026-11", method: "CASH", count: 1, amount: 5500, refunded: 0, net: 5500 },
    ]);
    // This month and this year at a glance (as of "now", whatever the range).
    expect(r.totals.thisMonth).toEqual({
      period: "2026-11",
      received: 2,
      closed: 0,
      feesPaid: 5500,
      feesRefunded: 2000,
      feesNet: 3500,
    });
    expect(r.totals.thisYear).toEqual({
      period: "2026",
      received: 5,
      closed: 3,
      feesPaid: 11000,
      feesRefunded: 2000,
      feesNet: 9000,
    });
    // The CSV speaks the reader's language: headers and values, not enum codes.
    const ja = reportCsv(r, "ja").toString("utf8");
    expect(ja).toContain('"区分","月","種類","受付経路","受付件数","完了件数"');
    expect(ja).toContain('"手数料","2026-11","現金（窓口）","1","5500","0","5500"');
    expect(ja).not.toMatch(/BANK_TRANSFER|DISCLOSURE|PARTIALLY_FULFILLED|received_closed/);
    const en = reportCsv(r, "en").toString("utf8");
    expect(en).toContain('"Section","Month","Type","Channel","Received","Closed"');
    expect(en).not.toMatch(/BANK_TRANSFER|PARTIALLY_FULFILLED/);
  });

  it("puts a request that arrived at 00:30 JST on 1 November in November", async () => {
    await makeRequest({ arrivedAt: new Date("2026-10-31T15:30:00Z") });
    const r = await requestReport({ actor: officer, range: { from: "2026-10", to: "2026-11" } });
    expect(r.months.map((m) => [m.month, m.received])).toEqual([["2026-11", 1]]);
  });

  it("is refused to requesters and signed-out users, and rejects a reversed range", async () => {
    await expect(requestReport({ actor: null, range: { from: "2026-10", to: "2026-11" } })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(requestReport({ actor: officer, range: { from: "2026-11", to: "2026-10" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });
});
