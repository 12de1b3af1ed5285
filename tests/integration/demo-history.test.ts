import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { seedBase, seedDemo } from "@/lib/seed/seed";
import { seedDemoHistory } from "@/lib/seed/demo-history";
import { writeDemoRequests } from "@/lib/seed/demo-requests";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { requestReport } from "@/lib/reports/request-report";

const now = new Date("2026-11-30T03:00:00Z");

describe("the embedded demo's year of history (issue 17)", () => {
  beforeEach(resetDatabase);

  it("writes a few hundred requests over twelve months: every type, channel and outcome, each payment method, refusals with grounds, overdue ones", async () => {
    await seedBase(prisma);
    await seedDemo(prisma);
    expect(await seedDemoHistory(prisma, now)).toBe(300);
    await writeDemoRequests(prisma);
    const rows = await prisma.request.findMany({
      select: {
        type: true,
        channel: true,
        status: true,
        outcome: true,
        arrivedAt: true,
        reference: true,
        transferReference: true,
        dueAt: true,
        pausedAt: true,
      },
    });
    expect(rows.length).toBe(304);
    const distinct = <K extends keyof (typeof rows)[number]>(k: K) => new Set(rows.map((r) => r[k]));
    expect([...distinct("type")].sort()).toEqual([
      "COMPLAINT",
      "CORRECTION",
      "DISCLOSURE",
      "INQUIRY",
      "PURPOSE_NOTICE",
      "SUSPENSION",
      "THIRD_PARTY_STOP",
    ]);
    expect([...distinct("channel")].sort()).toEqual(["COUNTER", "EMAIL", "PHONE", "POST", "WEB"]);
    expect([...distinct("outcome")].filter(Boolean).sort()).toEqual([
      "ALTERNATIVE_MEASURE",
      "FULFILLED",
      "NOT_FULFILLED",
      "NO_DATA_HELD",
      "PARTIALLY_FULFILLED",
    ]);
    expect(distinct("status")).toEqual(
      new Set(["RECEIVED", "IN_PROGRESS", "WAITING_FOR_REQUESTER", "DECIDED", "CLOSED", "WITHDRAWN", "ABANDONED"]),
    );
    const months = new Set(rows.map((r) => r.arrivedAt.toISOString().slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(12);
    expect(new Set((await prisma.payment.findMany({ select: { method: true } })).map((p) => p.method))).toEqual(
      new Set(["BANK_TRANSFER", "STRIPE", "POSTAL_MONEY_ORDER", "CASH"]),
    );
    expect(await prisma.refund.count()).toBeGreaterThan(0);
    expect(await prisma.decisionGround.count()).toBeGreaterThan(10);
    const overdue = rows.filter(
      (r) => ["RECEIVED", "IN_PROGRESS"].includes(r.status) && !r.pausedAt && r.dueAt && r.dueAt < now,
    );
    expect(overdue.length).toBeGreaterThan(0);
    // Every disclosure's transfer reference has the real format (D + year + number), the recent demo ones included.
    const refs = rows.filter((r) => r.transferReference);
    expect(refs.length).toBeGreaterThan(50);
    for (const r of refs) expect(r.transferReference).toBe(r.reference.replace(/^DSR-(\d{4})-(\d+)$/, "D$1$2"));
    expect((await verifyAuditChain(prisma)).ok).toBe(true);
    // The reports have a year of trends to show.
    const officer = await prisma.staffUser.findFirstOrThrow({ where: { role: "OFFICER" } });
    const report = await requestReport({
      actor: { type: "STAFF", id: officer.id, role: "OFFICER" },
      range: { from: "2025-12", to: "2026-11" },
      now,
    });
    expect(new Set(report.months.map((m) => m.month)).size).toBe(12);
    expect(report.fees.length).toBeGreaterThan(12);
  }, 120_000);
});
