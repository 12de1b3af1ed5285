import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { createRequest, createStaff } from "@/tests/helpers/request-fixtures";
import { systemActor } from "@/lib/audit/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { listAuditEvents, verifyAuditChainAsAdmin } from "@/lib/audit/audit-log";

describe("the audit log page's reads (issue 17)", () => {
  beforeEach(resetDatabase);

  it("lists entries with and without a request, filtered by action, actor, day and reference", async () => {
    const admin = await createStaff("ADMIN", "管理 太郎");
    const staff = await createStaff("STAFF");
    const r = await createRequest({});
    await prisma.$transaction(async (tx) => {
      await writeAuditEvent(tx, {
        actor: admin,
        action: "settings.updated",
        entity: "Setting",
        entityId: "fee",
        data: { keys: ["amount"] },
      });
      await writeAuditEvent(tx, { actor: staff, action: "staff.signed-in", entity: "StaffUser", entityId: staff.id });
      await writeAuditEvent(tx, {
        actor: staff,
        action: "document.viewed",
        entity: "Document",
        entityId: "d1",
        requestId: r.id,
      });
      await writeAuditEvent(tx, { actor: systemActor("job"), action: "requests.exported", entity: "Request" });
    });
    const all = await listAuditEvents({ actor: admin, input: {} });
    expect(all.rows.map((e) => e.action).slice(0, 4)).toEqual([
      "requests.exported",
      "document.viewed",
      "staff.signed-in",
      "settings.updated",
    ]);
    expect(all.actions).toEqual(
      expect.arrayContaining(["settings.updated", "staff.signed-in", "document.viewed", "requests.exported"]),
    );
    expect(
      (await listAuditEvents({ actor: admin, input: { action: "settings.updated" } })).rows.map((e) => [
        e.action,
        e.actorName,
      ]),
    ).toEqual([["settings.updated", "管理 太郎"]]);
    expect((await listAuditEvents({ actor: admin, input: { actor: staff.id } })).rows.map((e) => e.action)).toEqual([
      "document.viewed",
      "staff.signed-in",
    ]);
    expect(
      (await listAuditEvents({ actor: admin, input: { actor: "SYSTEM", action: "requests.exported" } })).rows,
    ).toHaveLength(1);
    const byRef = await listAuditEvents({ actor: admin, input: { reference: r.reference } });
    expect(byRef.rows.map((e) => [e.action, e.reference])).toContainEqual(["document.viewed", r.reference]);
    expect(byRef.rows.every((e) => e.requestId === r.id)).toBe(true);
    expect(
      (await listAuditEvents({ actor: admin, input: { from: "2000-01-01", to: "2000-01-02" } })).rows,
    ).toHaveLength(0);
    await expect(listAuditEvents({ actor: admin, input: { from: "yesterday" } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(listAuditEvents({ actor: staff, input: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("verifies the chain from the console, records the check and names a tampered entry", async () => {
    const admin = await createStaff("ADMIN");
    await prisma.$transaction((tx) =>
      writeAuditEvent(tx, { actor: admin, action: "settings.updated", entity: "Setting" }),
    );
    const ok = await verifyAuditChainAsAdmin({ actor: admin });
    expect(ok.ok).toBe(true);
    expect(await prisma.auditEvent.count({ where: { action: "audit.chain_verified" } })).toBe(1);
    const first = await prisma.auditEvent.findFirstOrThrow({ orderBy: { seq: "asc" } });
    await prisma.$executeRaw`UPDATE "AuditEvent" SET action = 'settings.tampered' WHERE seq = ${first.seq}`;
    const broken = await verifyAuditChainAsAdmin({ actor: admin });
    expect(broken).toMatchObject({ ok: false, brokenSeq: first.seq });
  });
});
