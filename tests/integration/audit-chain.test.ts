import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { systemActor } from "@/lib/audit/actor";
import { writeAuditEvent, writeAuditEvents } from "@/lib/audit/write-audit-event";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { GENESIS_HASH } from "@/lib/audit/audit-hash";

async function writeEvents(n: number) {
  for (let i = 0; i < n; i++) {
    await prisma.$transaction((tx) =>
      writeAuditEvent(tx, {
        actor: systemActor("test"),
        action: "test.event",
        entity: "Test",
        entityId: `e${i}`,
        data: { i, nested: { b: 1, a: [1, "x"] } },
      }),
    );
  }
}

describe("audit log hash chain", () => {
  beforeEach(resetDatabase);

  it("links each entry to the one before and verifies intact", async () => {
    await writeEvents(5);
    const rows = await prisma.auditEvent.findMany({ orderBy: { seq: "asc" } });
    expect(rows[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prevHash).toBe(rows[i - 1]?.hash);
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, checked: 5 });
  });

  it("names the first edited entry", async () => {
    await writeEvents(5);
    const third = (await prisma.auditEvent.findMany({ orderBy: { seq: "asc" } }))[2];
    await prisma.$executeRaw`UPDATE "AuditEvent" SET action = 'request.tampered' WHERE seq = ${third?.seq}`;
    const report = await verifyAuditChain(prisma, 2);
    expect(report).toEqual({ ok: false, checked: 2, brokenSeq: third?.seq, reason: "hash_mismatch" });
  });

  it("detects a deleted entry as a broken link", async () => {
    await writeEvents(4);
    const second = (await prisma.auditEvent.findMany({ orderBy: { seq: "asc" } }))[1];
    await prisma.auditEvent.delete({ where: { seq: second?.seq } });
    const report = await verifyAuditChain(prisma);
    expect(report.ok).toBe(false);
    if (!report.ok) expect(report.reason).toBe("link_mismatch");
  });

  it("keeps one chain when writers run concurrently", async () => {
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        prisma.$transaction((tx) =>
          writeAuditEvent(tx, {
            actor: systemActor("test"),
            action: "test.concurrent",
            entity: "Test",
            entityId: `c${i}`,
          }),
        ),
      ),
    );
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, checked: 10 });
  });

  it("links several entries of one change in order, also between concurrent batches", async () => {
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        prisma.$transaction((tx) =>
          writeAuditEvents(
            tx,
            ["first", "second", "third"].map((step) => ({
              actor: systemActor("test"),
              action: `test.${step}`,
              entity: "Test",
              entityId: `b${i}`,
            })),
          ),
        ),
      ),
    );
    const rows = await prisma.auditEvent.findMany({ orderBy: { seq: "asc" } });
    // Each batch's three entries are adjacent and in the order given.
    for (let i = 0; i < rows.length; i += 3) {
      expect(rows.slice(i, i + 3).map((r) => r.action)).toEqual(["test.first", "test.second", "test.third"]);
      expect(new Set(rows.slice(i, i + 3).map((r) => r.entityId)).size).toBe(1);
    }
    expect(await verifyAuditChain(prisma)).toEqual({ ok: true, checked: 18 });
  });
});
