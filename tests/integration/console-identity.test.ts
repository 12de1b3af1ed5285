import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { addDocument, createRequest, createStaff, DAY, seedDataMap } from "@/tests/helpers/request-fixtures";
import { identityFromChecks, recordIdentityCheck, requestClearerCopy } from "@/lib/identity/identity-check";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

describe("identity check", () => {
  beforeEach(resetDatabase);

  it("verifies the subject against a held record and starts work", async () => {
    const staff = await createStaff();
    const systems = await seedDataMap();
    const r = await createRequest();
    const res = await recordIdentityCheck({
      actor: staff,
      input: {
        requestId: r.id,
        version: r.version,
        result: "VERIFIED",
        matchedRecord: "C-10023",
        matchedSystemId: systems.members,
      },
    });
    expect(res).toMatchObject({ identity: "VERIFIED", version: r.version + 1 });
    const after = await prisma.request.findUniqueOrThrow({ where: { id: r.id }, include: { identityChecks: true } });
    expect(after).toMatchObject({ identity: "VERIFIED", status: "IN_PROGRESS" });
    expect(after.identityChecks[0]).toMatchObject({
      staffId: staff.id,
      matchedRecord: "C-10023",
      matchedSystemId: systems.members,
      holder: "SUBJECT",
    });
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "identity.checked" } });
    expect(JSON.stringify(audit.data)).not.toContain("C-10023");
  });

  it("needs the agent's authority too when an agent acts", async () => {
    const staff = await createStaff();
    const r = await createRequest({ requesterKind: "APPOINTED_AGENT" });
    const a = await recordIdentityCheck({
      actor: staff,
      input: { requestId: r.id, version: r.version, result: "VERIFIED", matchedRecord: "C-1" },
    });
    expect(a.identity).toBe("PENDING");
    const b = await recordIdentityCheck({
      actor: staff,
      input: {
        requestId: r.id,
        version: a.version,
        holder: "AGENT",
        result: "VERIFIED",
        matchedRecord: "委任状・印鑑登録証明書",
      },
    });
    expect(b.identity).toBe("VERIFIED");
    const c = await recordIdentityCheck({
      actor: staff,
      input: {
        requestId: r.id,
        version: b.version,
        holder: "AGENT",
        result: "FAILED",
        reason: "委任状の印影が印鑑登録証明書と一致しない",
      },
    });
    expect(c.identity).toBe("FAILED");
  });

  it("computes identity from the latest check per holder", () => {
    expect(
      identityFromChecks(
        [
          { holder: "SUBJECT", result: "FAILED" },
          { holder: "SUBJECT", result: "VERIFIED" },
        ],
        false,
      ),
    ).toBe("VERIFIED");
    expect(identityFromChecks([{ holder: "SUBJECT", result: "VERIFIED" }], true)).toBe("PENDING");
    expect(identityFromChecks([], false)).toBe("PENDING");
  });

  it("refuses a check without a match or a reason, an agent check without agent, and a stale version", async () => {
    const staff = await createStaff();
    const r = await createRequest();
    const noMatch = await recordIdentityCheck({
      actor: staff,
      input: { requestId: r.id, version: r.version, result: "VERIFIED" },
    }).catch((e: unknown) => e);
    expect(noMatch).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { matchedRecord: ["console.errors.matchRequired"] },
    });
    await expect(
      recordIdentityCheck({ actor: staff, input: { requestId: r.id, version: r.version, result: "FAILED" } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      recordIdentityCheck({
        actor: staff,
        input: { requestId: r.id, version: r.version, holder: "AGENT", result: "VERIFIED", matchedRecord: "x" },
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      recordIdentityCheck({
        actor: staff,
        input: { requestId: r.id, version: r.version + 3, result: "VERIFIED", matchedRecord: "x" },
      }),
    ).rejects.toMatchObject({ code: "STALE_VERSION" });
    const inquiry = await createRequest({ type: "INQUIRY" });
    await expect(
      recordIdentityCheck({
        actor: staff,
        input: { requestId: inquiry.id, version: 0, result: "VERIFIED", matchedRecord: "x" },
      }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await prisma.identityCheck.count()).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(0);
  });

  it("asks for a clearer copy: message, notice mail, documents marked, clock paused then resumed", async () => {
    const staff = await createStaff();
    const arrivedAt = new Date("2026-11-02T01:00:00Z");
    const r = await createRequest({ arrivedAt, email: "hanako@example.com" });
    const doc = await addDocument(r.id);
    const pauseAt = new Date(arrivedAt.getTime() + 3 * DAY);
    const res = await requestClearerCopy({
      actor: staff,
      input: {
        requestId: r.id,
        version: r.version,
        message: "運転免許証の裏面が読み取れません。",
        documentIds: [doc.id],
        review: "UNCLEAR",
      },
      now: pauseAt,
    });
    const paused = await prisma.request.findUniqueOrThrow({ where: { id: r.id } });
    expect(paused).toMatchObject({ status: "WAITING_FOR_REQUESTER", pausedAt: pauseAt, version: res.version });
    expect(await prisma.document.findUniqueOrThrow({ where: { id: doc.id } })).toMatchObject({ review: "UNCLEAR" });
    expect(await prisma.message.findUniqueOrThrow({ where: { id: res.messageId } })).toMatchObject({
      author: "STAFF",
      internal: false,
      staffId: staff.id,
    });
    const mail = await prisma.outboxMessage.findFirstOrThrow();
    expect(mail.toAddress).toBe("hanako@example.com");
    expect(mail.text).toContain("運転免許証の裏面が読み取れません。");
    expect(mail.subject).toContain(r.reference);
    expect(await prisma.notice.findUniqueOrThrow({ where: { id: res.noticeId } })).toMatchObject({
      kind: "INFORMATION_NEEDED",
      channel: "EMAIL",
    });

    // Five days later the clearer copy is checked: the clock resumes, due five days later.
    const resumeAt = new Date(pauseAt.getTime() + 5 * DAY);
    await recordIdentityCheck({
      actor: staff,
      input: { requestId: r.id, version: res.version, result: "VERIFIED", matchedRecord: "C-1" },
      now: resumeAt,
    });
    const resumed = await prisma.request.findUniqueOrThrow({ where: { id: r.id } });
    expect(resumed).toMatchObject({ status: "IN_PROGRESS", pausedAt: null, pausedMs: BigInt(5 * DAY) });
    expect(resumed.dueAt).toEqual(new Date(arrivedAt.getTime() + 19 * DAY));
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true });
  });
});
