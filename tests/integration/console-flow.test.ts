import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { addDocument, createRequest, createStaff, noticePdfText, seedDataMap } from "@/tests/helpers/request-fixtures";
import { assignRequest } from "@/lib/console/assign";
import { viewDocument } from "@/lib/console/view-document";
import { getRequestDetail } from "@/lib/console/request-detail";
import { recordIdentityCheck } from "@/lib/identity/identity-check";
import { decideRequest } from "@/lib/decisions/decide-request";
import { approveDecision } from "@/lib/decisions/approve-decision";
import { createOrUpdatePackage } from "@/lib/packages/create-package";
import { addPackageFile } from "@/lib/packages/package-files";
import { publishPackage } from "@/lib/packages/publish-package";
import { completeTask } from "@/lib/tasks/complete-task";
import { waiveFee } from "@/lib/fees/waive-refund";
import { requestTimeline } from "@/lib/timeline/request-timeline";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

describe("[console] full flows", () => {
  beforeEach(resetDatabase);

  it("verify → partial withholding on grounds (2) and (3) → officer approves → notice with both grounds → published → timeline with who and when", async () => {
    const staff = await createStaff("STAFF", "担当 太郎");
    const officer = await createStaff("OFFICER", "責任 一郎");
    const admin = await createStaff("ADMIN", "管理 花子");
    const systems = await seedDataMap();
    const r = await createRequest({ type: "DISCLOSURE", email: "hanako@example.com" });
    const doc = await addDocument(r.id);

    let v = (
      await assignRequest({ actor: staff, input: { requestId: r.id, version: r.version, assigneeId: staff.id } })
    ).version;
    await viewDocument({ actor: staff, input: { requestId: r.id, documentId: doc.id } });
    v = (
      await recordIdentityCheck({
        actor: staff,
        input: {
          requestId: r.id,
          version: v,
          result: "VERIFIED",
          matchedRecord: "C-10023",
          matchedSystemId: systems.members,
        },
      })
    ).version;
    const grounds = [
      {
        ground: "HARM_TO_LIFE_OR_RIGHTS" as const,
        explanation: "通話記録に第三者の個人情報が含まれるため、その部分を開示しません。",
      },
      {
        ground: "BUSINESS_IMPEDIMENT" as const,
        explanation: "不正利用調査の検知条件が明らかになるため、その部分を開示しません。",
      },
    ];
    const decided = await decideRequest({
      actor: staff,
      input: {
        requestId: r.id,
        version: v,
        type: "DISCLOSURE",
        outcome: "PARTIALLY_FULFILLED",
        explanation: "下記を除き開示します。",
        withheldItems: "通話記録の一部、不正検知ログ",
        grounds,
      },
    });
    expect(decided).toMatchObject({ approval: "PENDING", status: "IN_PROGRESS" });
    expect(await prisma.notice.count({ where: { kind: "DECISION" } })).toBe(0);
    const approved = await approveDecision({
      actor: officer,
      input: { decisionId: decided.decisionId, version: decided.version, comment: "承認します。" },
    });
    expect(approved.status).toBe("DECIDED");

    const notice = await prisma.notice.findFirstOrThrow({ where: { requestId: r.id, kind: "DECISION" } });
    for (const g of grounds) expect(notice.bodyText).toContain(g.explanation);
    expect(notice.bodyText).toContain("第6条第1項第2号");
    expect(notice.bodyText).toContain("第6条第1項第3号");
    const pdf = await noticePdfText(notice.id);
    expect(pdf).toContain("第6条第1項第2号");
    expect(pdf).toContain("第6条第1項第3号");
    const mail = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: notice.outboxId ?? "" } });
    expect(mail.toAddress).toBe("hanako@example.com");
    expect(mail.text).toContain("不正利用調査の検知条件");

    // Publishing waits for the fee; an admin waives it.
    const p = await createOrUpdatePackage({ actor: staff, input: { requestId: r.id, version: approved.version } });
    const f = await addPackageFile({
      actor: staff,
      input: {
        requestId: r.id,
        version: p.version,
        file: { fileName: "members.csv", content: Buffer.from("項目,値\n会員ID,C-10023\n") },
      },
    });
    await expect(
      publishPackage({ actor: staff, input: { requestId: r.id, version: f.version } }),
    ).rejects.toMatchObject({ fieldErrors: { _form: ["console.package.blocked.fee"] } });
    await waiveFee({ actor: admin, input: { requestId: r.id, reason: "システム障害による遅延のため" } });
    const current = await prisma.request.findUniqueOrThrow({ where: { id: r.id } });
    const published = await publishPackage({ actor: staff, input: { requestId: r.id, version: current.version } });
    expect(published.closed).toBe(true);

    const timeline = await requestTimeline({ actor: officer, input: { requestId: r.id } });
    const steps = timeline.map((t) => [t.action, t.actor.name]);
    expect(steps).toEqual([
      ["request.assigned", "担当 太郎"],
      ["document.viewed", "担当 太郎"],
      ["identity.checked", "担当 太郎"],
      ["decision.recorded", "担当 太郎"],
      ["decision.submitted_for_approval", "担当 太郎"],
      ["decision.approved", "責任 一郎"],
      ["request.decided", "責任 一郎"],
      ["notice.sent", "責任 一郎"],
      ["package.created", "担当 太郎"],
      ["package.file_added", "担当 太郎"],
      ["fee.waived", "管理 花子"],
      ["package.published", "担当 太郎"],
      ["notice.sent", "担当 太郎"],
      ["request.closed", "担当 太郎"],
    ]);
    for (const t of timeline) {
      expect(t.at).toBeInstanceOf(Date);
      expect(t.messageKey).toMatch(/^console\.timeline\./);
    }
    expect(timeline.filter((t) => t.messageKey === "console.timeline.other")).toEqual([]);
    const detail = await getRequestDetail({ actor: staff, input: { requestId: r.id } });
    expect(detail.decisions[0]?.grounds.map((g) => g.ground)).toEqual([
      "HARM_TO_LIFE_OR_RIGHTS",
      "BUSINESS_IMPEDIMENT",
    ]);
    expect(detail.staffNames[officer.id]).toBe("責任 一郎");
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true });
  });

  it("correction → tasks for the systems holding the category → all completed → closed with a completion notice", async () => {
    const staff = await createStaff("STAFF", "担当 太郎");
    const systems = await seedDataMap();
    const r = await createRequest({
      type: "CORRECTION",
      details: { action: "CORRECT", items: [{ category: 8, current: "旧住所", corrected: "新住所" }] },
      email: "emp@example.com",
    });
    const checked = await recordIdentityCheck({
      actor: staff,
      input: { requestId: r.id, version: r.version, result: "VERIFIED", matchedRecord: "E-0042" },
    });
    const decided = await decideRequest({
      actor: staff,
      input: { requestId: r.id, version: checked.version, type: "CORRECTION", outcome: "FULFILLED" },
    });
    expect(decided.status).toBe("DECIDED");
    const tasks = await prisma.task.findMany({ where: { requestId: r.id } });
    expect(tasks.map((t) => t.systemId)).toEqual([systems.hr]);
    for (const t of tasks)
      await completeTask({
        actor: staff,
        input: { taskId: t.id, version: t.version, status: "DONE", note: "人事システムの住所を訂正" },
      });
    const closed = await prisma.request.findUniqueOrThrow({ where: { id: r.id } });
    expect(closed.status).toBe("CLOSED");
    expect(
      (await prisma.notice.findMany({ where: { requestId: r.id }, orderBy: { createdAt: "asc" } })).map((n) => n.kind),
    ).toEqual(["DECISION", "COMPLETION"]);
    const actions = (await requestTimeline({ actor: staff, input: { requestId: r.id } })).map((t) => t.action);
    expect(actions).toEqual([
      "identity.checked",
      "decision.recorded",
      "request.decided",
      "task.created",
      "notice.sent",
      "task.completed",
      "request.closed",
      "notice.sent",
    ]);
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true });
  });
});
