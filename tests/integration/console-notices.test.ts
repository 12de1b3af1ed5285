import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import {
  createRequest,
  createStaff,
  inkClustersOnFirstLine,
  noticePdfText,
  pdfText,
} from "@/tests/helpers/request-fixtures";
import { renderPdf } from "@/lib/pdf/pdf-document";
import { previewNotice, recordNoticePosting, sendNotice } from "@/lib/notices/send-notice";
import { buildNotice } from "@/lib/notices/build-notice";
import { defaultSettings } from "@/lib/settings/settings-schema";

const grounds = [
  {
    ground: "HARM_TO_LIFE_OR_RIGHTS" as const,
    explanation: "第三者の個人情報が含まれるため、その部分を開示しません。",
  },
  { ground: "BUSINESS_IMPEDIMENT" as const, explanation: "不正調査の手法が明らかになるため。" },
];

describe("notices", () => {
  beforeEach(resetDatabase);

  it("previews a draft decision with every ground and its article, writing nothing", async () => {
    const staff = await createStaff();
    const r = await createRequest({ identity: "VERIFIED", status: "IN_PROGRESS" });
    const preview = await previewNotice({
      actor: staff,
      input: {
        requestId: r.id,
        kind: "DECISION",
        draftDecision: { outcome: "PARTIALLY_FULFILLED", explanation: "一部を除き開示します。", grounds },
        withPdf: true,
      },
    });
    expect(preview.subject).toContain(r.reference);
    expect(preview.greeting).toBe("山田 花子 様");
    expect(preview.grounds.map((g) => g.ground)).toEqual(["HARM_TO_LIFE_OR_RIGHTS", "BUSINESS_IMPEDIMENT"]);
    expect(preview.bodyText).toContain("個人情報保護方針 第6条第1項第2号");
    expect(preview.bodyText).toContain("個人情報保護方針 第6条第1項第3号");
    expect(preview.bodyText).toContain("第三者の個人情報が含まれるため");
    const text = await pdfText(preview.pdf ?? Buffer.alloc(0));
    expect(text).toContain("保有個人データの開示請求に対する決定通知書");
    expect(text).toContain("第6条第1項第3号");
    expect(text).toContain("不正調査の手法が明らかになるため。");
    expect(await prisma.notice.count()).toBe(0);
    expect(await prisma.storedFile.count()).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(0);
  });

  it("builds the notice in the requester's language, addressed to the agent when one acts", () => {
    const base = {
      reference: "DSR-2026-000001",
      type: "DISCLOSURE" as const,
      arrivedAt: new Date("2026-11-02T01:00:00Z"),
      subjectName: "Hanako Yamada",
      requesterKind: "APPOINTED_AGENT" as const,
      agentName: "Takahashi Law Office",
    };
    const n = buildNotice({
      kind: "DECISION",
      request: { ...base, locale: "en" },
      decision: {
        outcome: "NOT_FULFILLED",
        explanation: "",
        grounds: [grounds[0] ?? { ground: "LEGAL_VIOLATION", explanation: "x" }],
      },
      operator: defaultSettings.operator,
      statusUrl: "http://localhost/status",
      issuedAt: new Date("2026-11-10T01:00:00Z"),
    });
    expect(n.greeting).toBe("Dear Takahashi Law Office (agent for Hanako Yamada),");
    expect(n.bodyText).toContain("Privacy Policy, Article 6(1)(2) (APPI Article 33(2)(i))");
    expect(n.bodyText).toContain("2 November 2026");
    expect(n.closing[0]).toContain("Article 11");
  });

  it("sends a notice: Notice row, PDF kept with the request (Japanese text extractable), mail, audit", async () => {
    const staff = await createStaff();
    const r = await createRequest({
      status: "DECIDED",
      identity: "VERIFIED",
      outcome: "PARTIALLY_FULFILLED",
      email: "hanako@example.com",
    });
    await prisma.decision.create({
      data: {
        requestId: r.id,
        outcome: "PARTIALLY_FULFILLED",
        explanation: "一部を除き開示します。",
        decidedById: staff.id,
        approval: "APPROVED",
        grounds: { create: grounds },
      },
    });
    const sent = await sendNotice({ actor: staff, input: { requestId: r.id, kind: "DECISION" } });
    expect(sent.channel).toBe("EMAIL");
    const notice = await prisma.notice.findUniqueOrThrow({ where: { id: sent.noticeId }, include: { file: true } });
    expect(notice.file).toMatchObject({ role: "NOTICE_PDF", mimeType: "application/pdf", requestId: r.id });
    const text = await noticePdfText(notice.id);
    expect(text).toContain("山田 花子 様");
    expect(text).toContain("第6条第1項第2号");
    expect(text).toContain("第三者の個人情報が含まれるため");
    const mail = await prisma.outboxMessage.findUniqueOrThrow({ where: { id: sent.outboxId ?? "" } });
    expect(mail.html).toContain("第6条第1項第3号");
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "notice.sent" } });
    expect(audit.data).toMatchObject({ kind: "DECISION", grounds: ["HARM_TO_LIFE_OR_RIGHTS", "BUSINESS_IMPEDIMENT"] });
    expect(JSON.stringify(audit.data)).not.toContain("hanako");
  });

  it("without an email address the notice is for posting, and the posting is recorded", async () => {
    const staff = await createStaff();
    const r = await createRequest({ email: null, channel: "POST" });
    const sent = await sendNotice({ actor: staff, input: { requestId: r.id, kind: "ACKNOWLEDGEMENT" } });
    expect(sent).toMatchObject({ channel: "POST", outboxId: null });
    await recordNoticePosting({
      actor: staff,
      input: { noticeId: sent.noticeId, postedOn: "2026-11-21", trackingNumber: "A-1" },
    });
    expect(await prisma.notice.findUniqueOrThrow({ where: { id: sent.noticeId } })).toMatchObject({
      postedOn: new Date("2026-11-21T00:00:00Z"),
      trackingNumber: "A-1",
    });
    await expect(
      sendNotice({ actor: staff, input: { requestId: r.id, kind: "PAYMENT_REQUEST" as "DECISION" } }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(sendNotice({ actor: staff, input: { requestId: r.id, kind: "DECISION" } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("draws every Japanese glyph of a notice, not only extractable text", async () => {
    // The subset encoder once dropped glyphs after the first odd-length one (lib/pdf/fontkit-subset-fix.ts).
    for (const line of ["保有個人データ開示決定", "通知書訂正削除停止理由", "根拠様代理人受付番号日"]) {
      const chars = [...line];
      const pdf = await renderPdf({ title: "glyphs", lang: "ja" }, [{ kind: "title", text: chars.join("　") }]);
      expect(await inkClustersOnFirstLine(pdf)).toBe(chars.length);
    }
  });

  it("never sends the notice of a decision still waiting for the officer, but previews it", async () => {
    const staff = await createStaff();
    const r = await createRequest({ identity: "VERIFIED", status: "IN_PROGRESS" });
    const d = await prisma.decision.create({
      data: {
        requestId: r.id,
        outcome: "NOT_FULFILLED",
        explanation: "",
        decidedById: staff.id,
        approval: "PENDING",
        grounds: { create: [grounds[0] ?? { ground: "LEGAL_VIOLATION", explanation: "x" }] },
      },
    });
    await expect(
      sendNotice({ actor: staff, input: { requestId: r.id, kind: "DECISION", decisionId: d.id } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const preview = await previewNotice({
      actor: staff,
      input: { requestId: r.id, kind: "DECISION", decisionId: d.id },
    });
    expect(preview.grounds).toHaveLength(1);
    expect(await prisma.notice.count()).toBe(0);
  });
});
