import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { createRequest, createStaff, PNG_1X1 } from "@/tests/helpers/request-fixtures";
import { createOfflineRequest } from "@/lib/console/create-offline-request";
import { addInternalNote, sendMessageToRequester } from "@/lib/console/notes";
import { listQueue } from "@/lib/console/queue";
import { viewDocument } from "@/lib/console/view-document";

const now = new Date("2026-11-20T03:00:00Z");
const mailed = {
  type: "DISCLOSURE" as const,
  channel: "POST" as const,
  arrivedOn: "2026-11-10",
  subjectName: "山田 花子",
  subjectNameKana: "ヤマダ ハナコ",
  subjectBirthDate: "1985-04-12",
  postalCode: "530-0001",
  prefecture: "大阪府",
  city: "大阪市北区",
  addressLine: "梅田1-1-1",
  relationship: "SERVICE_USER" as const,
  details: { categories: [1, 2], deliveryMethod: "POST" },
  documents: [{ fileName: "license-scan.png", content: PNG_1X1, kind: "DRIVERS_LICENSE" as const }],
};

describe("requests entered in the console", () => {
  beforeEach(resetDatabase);

  it("a mailed request starts its clock on the arrival day, keeps its scans and a posting notice", async () => {
    const staff = await createStaff();
    const res = await createOfflineRequest({ actor: staff, input: mailed, now });
    expect(res.reference).toBe("DSR-2026-000001");
    const r = await prisma.request.findUniqueOrThrow({
      where: { id: res.requestId },
      include: { documents: { include: { file: true } }, notices: true },
    });
    expect(r).toMatchObject({
      channel: "POST",
      status: "RECEIVED",
      identity: "PENDING",
      fee: "AWAITING_PAYMENT",
      feeAmount: 5500,
      transferReference: "D2026000001",
    });
    expect(r.arrivedAt).toEqual(new Date("2026-11-09T15:00:00Z")); // midnight JST on 10 Nov
    expect(r.dueAt).toEqual(new Date("2026-11-23T15:00:00Z"));
    expect(r.documents).toHaveLength(1);
    expect(r.documents[0]).toMatchObject({ kind: "DRIVERS_LICENSE", holder: "SUBJECT", sentByPost: true });
    expect(r.documents[0]?.file.role).toBe("SCAN");
    // No address: the acknowledgement and the fee letter (amount, account, transfer reference) are kept for posting.
    expect(r.notices.map((n) => [n.kind, n.channel]).sort()).toEqual([
      ["ACKNOWLEDGEMENT", "POST"],
      ["PAYMENT_REQUEST", "POST"],
    ]);
    const feeLetter = r.notices.find((n) => n.kind === "PAYMENT_REQUEST");
    expect(feeLetter?.fileId).toBeTruthy();
    expect(feeLetter?.subject).toBe("【DSR-2026-000001】開示請求手数料のお支払いのお願い");
    expect(feeLetter?.bodyText).toContain("5,500円");
    expect(feeLetter?.bodyText).toContain("D2026000001");
    expect(feeLetter?.bodyText).toContain("みずほ銀行 船場支店 普通 1234567");
    const doc = r.documents[0];
    const viewed = await viewDocument({ actor: staff, input: { requestId: r.id, documentId: doc?.id ?? "" } });
    expect(viewed.mimeType).toBe("image/png");
    const { rows } = await listQueue({ actor: staff, input: { channel: ["POST"] }, now });
    expect(rows.map((x) => [x.reference, x.arrivedAt.toISOString(), x.daysLeft])).toEqual([
      ["DSR-2026-000001", "2026-11-09T15:00:00.000Z", 4],
    ]);
    const audit = await prisma.auditEvent.findFirstOrThrow({ where: { action: "request.created_offline" } });
    expect(audit.data).toMatchObject({ type: "DISCLOSURE", channel: "POST", arrivedOn: "2026-11-10", documents: 1 });
    expect(JSON.stringify(audit.data)).not.toContain("山田");
  });

  it("takes phone inquiries without documents and emails the acknowledgement", async () => {
    const staff = await createStaff();
    const res = await createOfflineRequest({
      actor: staff,
      now,
      input: {
        type: "INQUIRY",
        channel: "PHONE",
        arrivedOn: "2026-11-20",
        subjectName: "田中 美咲",
        email: "Misaki@Example.com",
        details: { topic: "MARKETING", message: "配信停止の方法" },
        note: "電話で受付（10:05）",
        assignToMe: true,
      },
    });
    const r = await prisma.request.findUniqueOrThrow({ where: { id: res.requestId }, include: { messages: true } });
    expect(r).toMatchObject({
      identity: "NOT_REQUIRED",
      fee: "NOT_REQUIRED",
      emailNormalized: "misaki@example.com",
      assigneeId: staff.id,
      transferReference: null,
    });
    expect(r.messages[0]).toMatchObject({ internal: true, body: "電話で受付（10:05）" });
    expect((await prisma.outboxMessage.findFirstOrThrow()).toAddress).toBe("Misaki@Example.com");
  });

  it("emails the fee (amount, account, transfer reference) to an emailed disclosure request", async () => {
    const staff = await createStaff();
    const res = await createOfflineRequest({
      actor: staff,
      input: { ...mailed, channel: "EMAIL", email: "hanako@example.com", documents: [] },
      now,
    });
    const mails = await prisma.outboxMessage.findMany({
      where: { toAddress: "hanako@example.com" },
      orderBy: { createdAt: "asc" },
    });
    expect(mails.map((m) => m.kind).sort()).toEqual(["notice.ACKNOWLEDGEMENT", "notice.PAYMENT_REQUEST"]);
    const fee = mails.find((m) => m.kind === "notice.PAYMENT_REQUEST");
    expect(fee?.subject).toBe(`【${res.reference}】開示請求手数料のお支払いのお願い`);
    expect(fee?.text).toContain("5,500円");
    expect(fee?.text).toContain("D2026000001");
  });

  it("refuses a future arrival, bad details, a disguised scan and no agent name, writing nothing", async () => {
    const staff = await createStaff();
    const err = (input: Parameters<typeof createOfflineRequest>[0]["input"]) =>
      createOfflineRequest({ actor: staff, input, now }).catch((e: unknown) => e);
    expect(await err({ ...mailed, arrivedOn: "2026-11-21" })).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { arrivedOn: ["console.errors.dateInFuture"] },
    });
    const bad = (await err({ ...mailed, details: { categories: [], deliveryMethod: "POST" } })) as {
      fieldErrors: Record<string, string[]>;
    };
    expect(Object.keys(bad.fieldErrors)).toContain("details.categories");
    expect(
      await err({
        ...mailed,
        documents: [{ fileName: "scan.png", content: Buffer.from("MZ not an image"), kind: "PASSPORT" }],
      }),
    ).toMatchObject({ code: "INVALID_INPUT" });
    expect(await err({ ...mailed, requesterKind: "APPOINTED_AGENT" })).toMatchObject({
      fieldErrors: { agentName: ["errors.required"] },
    });
    expect(await prisma.request.count()).toBe(0);
    expect(await prisma.storedFile.count()).toBe(0);
  });

  it("adds internal notes and sends messages with attachments to the requester", async () => {
    const staff = await createStaff();
    const r = await createRequest({ email: "hanako@example.com" });
    await addInternalNote({ actor: staff, input: { requestId: r.id, body: "顧客IDを確認中" } });
    const sent = await sendMessageToRequester({
      actor: staff,
      input: {
        requestId: r.id,
        body: "ご請求の期間を教えてください。",
        attachments: [{ fileName: "form.png", content: PNG_1X1 }],
      },
      now,
    });
    const messages = await prisma.message.findMany({
      where: { requestId: r.id },
      orderBy: { createdAt: "asc" },
      include: { attachments: true },
    });
    expect(messages.map((m) => [m.internal, m.body])).toEqual([
      [true, "顧客IDを確認中"],
      [false, "ご請求の期間を教えてください。"],
    ]);
    expect(messages[1]?.attachments[0]).toMatchObject({ role: "MESSAGE_ATTACHMENT", mimeType: "image/png" });
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: "notice.MESSAGE" } });
    expect(mail.text).not.toContain("ご請求の期間を教えてください。");
    expect(sent.noticeId).toBeTruthy();
    expect((await prisma.auditEvent.findMany({ orderBy: { seq: "asc" } })).map((e) => e.action)).toEqual([
      "note.added",
      "message.sent",
      "notice.sent",
    ]);
  });
});
