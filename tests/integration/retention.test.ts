import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { createRequest, DAY } from "@/tests/helpers/request-fixtures";
import { storeFile, fileExistsOnDisk } from "@/lib/files/file-store";
import { anonymiseExpiredRequests, purgeIdentityDocuments, setLegalHold } from "@/lib/operations/retention";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import type { StaffActor } from "@/lib/audit/actor";

async function closedRequestWithFiles(daysAgo: number, legalHold = false) {
  const r = await createRequest({
    status: "CLOSED",
    identity: "VERIFIED",
    arrivedAt: new Date(Date.now() - (daysAgo + 10) * DAY),
  });
  await prisma.request.update({
    where: { id: r.id },
    data: { closedAt: new Date(Date.now() - daysAgo * DAY), legalHold },
  });
  const files = await prisma.$transaction(async (tx) => {
    const id = await storeFile(tx, {
      role: "IDENTITY_DOCUMENT",
      content: Buffer.from("%PDF-1.4 licence"),
      mimeType: "application/pdf",
      originalName: "licence.pdf",
      requestId: r.id,
    });
    const scan = await storeFile(tx, {
      role: "SCAN",
      content: Buffer.from("scan"),
      mimeType: "application/pdf",
      originalName: "scan.pdf",
      requestId: r.id,
    });
    const notice = await storeFile(tx, {
      role: "NOTICE_PDF",
      content: Buffer.from("notice"),
      mimeType: "application/pdf",
      originalName: "notice.pdf",
      requestId: r.id,
    });
    await tx.document.create({ data: { requestId: r.id, fileId: id.id, kind: "DRIVERS_LICENSE" } });
    return { identity: id.id, scan: scan.id, notice: notice.id };
  });
  const rows = await prisma.storedFile.findMany({ where: { id: { in: Object.values(files) } } });
  const key = (id: string) => rows.find((f) => f.id === id)?.storageKey ?? "";
  return { request: r, keys: { identity: key(files.identity), scan: key(files.scan), notice: key(files.notice) } };
}

describe("retention", () => {
  beforeEach(resetDatabase);

  it("deletes identity documents from disk 91 days after closing, audits it, and spares a request under legal hold", async () => {
    const old = await closedRequestWithFiles(91);
    const held = await closedRequestWithFiles(91, true);
    const recent = await closedRequestWithFiles(30);
    for (const k of Object.values(old.keys)) expect(await fileExistsOnDisk(k)).toBe(true);

    expect(await purgeIdentityDocuments()).toEqual({ requests: 1, files: 2 });

    expect(await fileExistsOnDisk(old.keys.identity)).toBe(false);
    expect(await fileExistsOnDisk(old.keys.scan)).toBe(false);
    expect(await fileExistsOnDisk(old.keys.notice)).toBe(true); // the notice is part of the record
    for (const k of [held.keys.identity, held.keys.scan, recent.keys.identity])
      expect(await fileExistsOnDisk(k)).toBe(true);

    const audit = await prisma.auditEvent.findFirstOrThrow({
      where: { requestId: old.request.id, action: "documents.purged" },
    });
    expect(audit.data).toMatchObject({ files: 2, retentionDays: 90 });
    expect(await prisma.request.findUniqueOrThrow({ where: { id: old.request.id } })).toHaveProperty(
      "documentsPurgedAt",
    );
    // Running again changes nothing.
    expect(await purgeIdentityDocuments()).toEqual({ requests: 0, files: 0 });
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true });
  });

  it("finishes removing a file that was marked deleted but left on disk", async () => {
    const old = await closedRequestWithFiles(91);
    await prisma.storedFile.updateMany({ where: { storageKey: old.keys.identity }, data: { deletedAt: new Date() } });
    await prisma.request.update({ where: { id: old.request.id }, data: { documentsPurgedAt: new Date() } });
    await purgeIdentityDocuments();
    expect(await fileExistsOnDisk(old.keys.identity)).toBe(false);
  });

  it("anonymises after the record period, keeping what statistics need", async () => {
    const old = await closedRequestWithFiles(3 * 366);
    const held = await closedRequestWithFiles(3 * 366, true);
    await prisma.message.create({
      data: { requestId: old.request.id, author: "REQUESTER", body: "山田です。住所は…" },
    });
    expect(await anonymiseExpiredRequests()).toBe(1);
    const r = await prisma.request.findUniqueOrThrow({ where: { id: old.request.id } });
    expect(r).toMatchObject({
      subjectName: "（匿名化済み）",
      email: null,
      emailNormalized: null,
      subjectNameKana: null,
      type: "DISCLOSURE",
      status: "CLOSED",
    });
    expect(r.details).toEqual({ categories: [1, 2, 4], deliveryMethod: "ELECTRONIC", includeProvisionRecords: false });
    expect((await prisma.message.findFirstOrThrow({ where: { requestId: old.request.id } })).body).toBe("");
    for (const k of Object.values(old.keys)) expect(await fileExistsOnDisk(k)).toBe(false);
    expect((await prisma.request.findUniqueOrThrow({ where: { id: held.request.id } })).anonymisedAt).toBeNull();
    expect(await prisma.auditEvent.count({ where: { action: "request.anonymised" } })).toBe(1);
  });

  it("legal hold is for officers, with a reason, audited", async () => {
    const { request } = await closedRequestWithFiles(10);
    const staff: StaffActor = { type: "STAFF", id: "s", role: "STAFF" };
    const officer: StaffActor = { type: "STAFF", id: "o", role: "OFFICER" };
    await expect(
      setLegalHold({ actor: staff, input: { requestId: request.id, hold: true, reason: "訴訟" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      setLegalHold({ actor: officer, input: { requestId: request.id, hold: true, reason: "" } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await setLegalHold({ actor: officer, input: { requestId: request.id, hold: true, reason: "訴訟のため保全" } });
    expect((await prisma.request.findUniqueOrThrow({ where: { id: request.id } })).legalHold).toBe(true);
    expect(await prisma.auditEvent.count({ where: { action: "request.legal-hold-set" } })).toBe(1);
  });
});
