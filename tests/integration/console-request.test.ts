import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { addDocument, createRequest, createStaff, PNG_1X1 } from "@/tests/helpers/request-fixtures";
import { getRequestDetail } from "@/lib/console/request-detail";
import { viewDocument, viewRequestFile } from "@/lib/console/view-document";
import { assignRequest } from "@/lib/console/assign";
import { requestTimeline } from "@/lib/timeline/request-timeline";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

describe("request page", () => {
  beforeEach(resetDatabase);

  it("gathers details, document metadata (no content), fee summary and deadline", async () => {
    const staff = await createStaff();
    const r = await createRequest({ type: "DISCLOSURE" });
    await addDocument(r.id);
    await prisma.message.create({
      data: { requestId: r.id, author: "STAFF", staffId: staff.id, body: "内部メモ", internal: true },
    });
    const d = await getRequestDetail({ actor: staff, input: { requestId: r.id } });
    expect(d.reference).toBe(r.reference);
    expect(d.documents).toHaveLength(1);
    expect(d.documents[0]?.file).toMatchObject({ mimeType: "image/png", sizeBytes: PNG_1X1.length });
    expect(Object.keys(d.documents[0]?.file ?? {})).not.toContain("storageKey");
    expect(d.messages[0]).toMatchObject({ internal: true, body: "内部メモ" });
    expect(d.feeSummary).toMatchObject({ status: "AWAITING_PAYMENT", amount: 5500, taxAmount: 500, outstanding: 5500 });
    expect(d.deadline.appiSuitDate.getTime() - r.arrivedAt.getTime()).toBe(14 * 86_400_000);
    expect(d.staffNames[staff.id]).toBe(staff.name);
    await expect(getRequestDetail({ actor: staff, input: { requestId: "nope" } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("shows a document's decrypted content and audits every view", async () => {
    const staff = await createStaff();
    const r = await createRequest();
    const doc = await addDocument(r.id);
    const first = await viewDocument({ actor: staff, input: { requestId: r.id, documentId: doc.id } });
    expect(first.content.equals(PNG_1X1)).toBe(true);
    expect(first.mimeType).toBe("image/png");
    await viewDocument({ actor: staff, input: { requestId: r.id, documentId: doc.id } });
    const views = await prisma.auditEvent.findMany({ where: { action: "document.viewed", requestId: r.id } });
    expect(views).toHaveLength(2);
    expect(views[0]?.actorId).toBe(staff.id);
    expect(JSON.stringify(views[0]?.data)).not.toContain("license.png");
    const other = await createRequest();
    await expect(
      viewDocument({ actor: staff, input: { requestId: other.id, documentId: doc.id } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const file = await viewRequestFile({ actor: staff, input: { requestId: r.id, fileId: doc.fileId } });
    expect(file.content.equals(PNG_1X1)).toBe(true);
    expect(await prisma.auditEvent.count({ where: { action: "file.viewed" } })).toBe(1);
  });

  it("refuses a view of a purged document", async () => {
    const staff = await createStaff();
    const r = await createRequest();
    const doc = await addDocument(r.id);
    await prisma.storedFile.update({ where: { id: doc.fileId }, data: { deletedAt: new Date() } });
    await expect(viewDocument({ actor: staff, input: { requestId: r.id, documentId: doc.id } })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    expect(await prisma.auditEvent.count()).toBe(0);
  });

  it("assigns and reassigns with version checks, and the timeline names who did it", async () => {
    const staff = await createStaff("STAFF", "担当 太郎");
    const other = await createStaff("STAFF", "担当 次郎");
    const r = await createRequest();
    const a = await assignRequest({
      actor: staff,
      input: { requestId: r.id, version: r.version, assigneeId: staff.id },
    });
    expect(a.version).toBe(r.version + 1);
    await expect(
      assignRequest({ actor: other, input: { requestId: r.id, version: r.version, assigneeId: other.id } }),
    ).rejects.toMatchObject({ code: "STALE_VERSION" });
    expect((await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).assigneeId).toBe(staff.id);
    await assignRequest({ actor: other, input: { requestId: r.id, version: a.version, assigneeId: other.id } });
    await expect(
      assignRequest({ actor: other, input: { requestId: r.id, version: a.version + 1, assigneeId: "ghost" } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const timeline = await requestTimeline({ actor: staff, input: { requestId: r.id } });
    expect(timeline.map((t) => [t.action, t.actor.name, t.data.to])).toEqual([
      ["request.assigned", "担当 太郎", staff.id],
      ["request.assigned", "担当 次郎", other.id],
    ]);
    expect(timeline[0]?.messageKey).toBe("console.timeline.request.assigned");
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true, checked: 2 });
  });
});
