import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { sessionFromStatusToken } from "@/lib/requester/status-access";
import { resolveRequesterSession, type RequesterSession } from "@/lib/requester/requester-session";
import { requesterView } from "@/lib/requester/requester-view";
import { postRequesterMessage } from "@/lib/requester/post-requester-message";
import { withdrawRequest } from "@/lib/requester/withdraw-request";
import {
  downloadMessageAttachment,
  downloadNoticeFile,
  downloadPackageFile,
  sendPackageDownloadCode,
  startPackageDownload,
} from "@/lib/requester/package-download";
import { storeFile, readStoredFile } from "@/lib/files/file-store";
import { jobHandlers } from "@/lib/jobs/registry";
import "@/lib/jobs/handlers";
import { jpegWithMetadata, minimalPdf, windowsExecutable } from "@/tests/fixtures/files/build-fixtures";
import { fileDisclosure, latestCodeSentTo, rowCounts, seedPolicy, wrongCode } from "./portal-helpers";

const t0 = new Date("2026-11-30T03:00:00Z");
const DAY = 86_400_000;
const at = (ms: number) => new Date(t0.getTime() + ms);

async function sessionFor(statusToken: string, now: Date): Promise<RequesterSession> {
  const { sessionToken } = await sessionFromStatusToken({ token: statusToken, now });
  return resolveRequesterSession(sessionToken, now);
}

/** What staff would have done: ask for a clearer copy and pause the clock (lib/identity does this for real). */
async function askForClearerCopy(requestId: string, when: Date) {
  await prisma.document.updateMany({
    where: { requestId },
    data: { review: "UNCLEAR", reviewNote: "staff-only note" },
  });
  await prisma.message.create({
    data: { requestId, author: "STAFF", staffId: "staff-1", body: "写真がぼやけています。", createdAt: when },
  });
  await prisma.message.create({
    data: {
      requestId,
      author: "STAFF",
      staffId: "staff-1",
      body: "INTERNAL: check CRM",
      internal: true,
      createdAt: when,
    },
  });
  await prisma.request.update({ where: { id: requestId }, data: { status: "WAITING_FOR_REQUESTER", pausedAt: when } });
}

/** A published package with one file, as staff's publishPackage leaves it. */
async function publishPackage(requestId: string, expiresAt: Date) {
  return prisma.$transaction(async (tx) => {
    const file = await storeFile(tx, {
      role: "DISCLOSURE_FILE",
      content: minimalPdf("Your data"),
      mimeType: "application/pdf",
      originalName: "disclosure.pdf",
      requestId,
    });
    const pkg = await tx.disclosurePackage.create({
      data: { requestId, deliveryMethod: "ELECTRONIC", publishedAt: t0, expiresAt },
    });
    await tx.packageFile.create({ data: { packageId: pkg.id, fileId: file.id } });
    return { packageId: pkg.id, fileId: file.id };
  });
}

describe("the requester's status page", () => {
  beforeEach(async () => {
    await resetDatabase();
    await seedPolicy();
  });

  it("shows the status in plain words, the target date and what is needed, never internal notes", async () => {
    const a = await fileDisclosure({ now: t0 });
    const session = await sessionFor(a.statusToken, at(1000));
    const view = await requesterView(session, at(1000));
    expect(view).toMatchObject({
      reference: a.reference,
      status: "RECEIVED",
      statusTitleKey: "status.RECEIVED.title",
      open: true,
      targetDate: "2026-12-14",
      paused: false,
      canWithdraw: true,
    });
    expect(view.fee).toEqual({
      status: "AWAITING_PAYMENT",
      amount: 5500,
      taxAmount: 500,
      transferReference: "D2026000001",
    });
    expect(view.needs.map((n) => n.kind)).toEqual(["PAYMENT"]);
    expect(view.notices.map((n) => n.kind)).toEqual(["ACKNOWLEDGEMENT"]);

    await askForClearerCopy(a.requestId, at(DAY));
    const waiting = await requesterView(session, at(3 * DAY));
    expect(waiting.needs.map((n) => n.kind)).toEqual(["CLEARER_COPY", "PAYMENT", "ANSWER"]);
    expect(waiting.needs[0]).toMatchObject({ key: "needs.CLEARER_COPY", documentKinds: ["PASSPORT"] });
    expect(waiting.paused).toBe(true);
    expect(waiting.targetDate).toBe("2026-12-16"); // two days of waiting so far
    expect(waiting.messages.map((m) => m.body)).toEqual(["写真がぼやけています。"]);
    expect(JSON.stringify(waiting)).not.toMatch(/staff-1|staff-only|INTERNAL/);
  });

  it("posts a message with a cleaned attachment and resumes the paused clock", async () => {
    const a = await fileDisclosure({ now: t0 });
    const session = await sessionFor(a.statusToken, at(1000));
    await askForClearerCopy(a.requestId, at(DAY));
    const before = await rowCounts();
    await expect(
      postRequesterMessage({
        session,
        input: { body: "再送します" },
        attachments: [{ bytes: windowsExecutable(), name: "passport.pdf" }],
        now: at(3 * DAY),
      }),
    ).rejects.toMatchObject({ fieldErrors: { "attachments.0": ["errors.fileType"] } });
    await expect(postRequesterMessage({ session, input: { body: " " }, now: at(3 * DAY) })).rejects.toMatchObject({
      fieldErrors: { body: ["errors.required"] },
    });
    expect(await rowCounts()).toEqual(before);

    const posted = await postRequesterMessage({
      session,
      input: { body: "鮮明な写しを添付します。" },
      attachments: [{ bytes: jpegWithMetadata(), name: "passport.jpg" }],
      now: at(3 * DAY),
    });
    expect(posted.resumed).toBe(true);
    const r = await prisma.request.findUniqueOrThrow({ where: { id: a.requestId } });
    expect(r).toMatchObject({ status: "IN_PROGRESS", pausedAt: null, pausedMs: BigInt(2 * DAY), version: 1 });
    expect(r.dueAt).toEqual(at(16 * DAY));
    const view = await requesterView(session, at(3 * DAY));
    const attachment = view.messages.at(-1)?.attachments[0];
    expect(attachment).toMatchObject({ name: "passport.jpg", mimeType: "image/jpeg" });
    const file = await downloadMessageAttachment({ session, fileId: attachment?.id ?? "" });
    expect(file.content.includes(Buffer.from("GPS-EXIF-MARKER"))).toBe(false);
    expect(
      (await prisma.auditEvent.findMany({ where: { requestId: a.requestId }, orderBy: { seq: "asc" } }))
        .map((e) => e.action)
        .slice(-2),
    ).toEqual(["message.posted", "request.resumed"]);
  });

  it("withdraws the request with a notice, once", async () => {
    const a = await fileDisclosure({ now: t0 });
    const session = await sessionFor(a.statusToken, at(1000));
    await withdrawRequest({ session, input: { reason: "自己解決しました" }, now: at(DAY) });
    const r = await prisma.request.findUniqueOrThrow({
      where: { id: a.requestId },
      include: { notices: true, messages: true },
    });
    expect(r).toMatchObject({ status: "WITHDRAWN", withdrawnAt: at(DAY), version: 1 });
    expect(r.notices.map((n) => n.kind)).toEqual(["ACKNOWLEDGEMENT", "WITHDRAWAL"]);
    expect(r.messages).toMatchObject([{ author: "REQUESTER", body: "自己解決しました" }]);
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: "notice.WITHDRAWAL" } });
    expect(mail).toMatchObject({ toAddress: a.email });
    expect(mail.subject).toContain(a.reference);
    expect(await prisma.auditEvent.findFirst({ where: { action: "request.withdrawn" } })).toMatchObject({
      actorType: "REQUESTER",
      data: { from: "RECEIVED", withReason: true },
    });
    const before = await rowCounts();
    await expect(withdrawRequest({ session, now: at(DAY + 1) })).rejects.toMatchObject({
      code: "INVALID_STATE",
      fieldErrors: { _form: ["errors.notWithdrawable"] },
    });
    expect(await rowCounts()).toEqual(before);
    expect((await requesterView(session, at(DAY + 2))).canWithdraw).toBe(false);
  });

  it("downloads a published package only after a fresh code, records each download, and finds no other request's file", async () => {
    const a = await fileDisclosure({ now: t0 });
    const b = await fileDisclosure({ email: "ken.sato@example.com", now: t0 });
    const pkgA = await publishPackage(a.requestId, at(14 * DAY));
    const pkgB = await publishPackage(b.requestId, at(14 * DAY));
    const session = await sessionFor(a.statusToken, at(1000));
    expect((await requesterView(session, at(1000))).package).toMatchObject({
      available: true,
      downloadVerified: false,
      files: [{ id: pkgA.fileId, name: "disclosure.pdf" }],
    });
    await expect(downloadPackageFile({ session, fileId: pkgA.fileId, now: at(1000) })).rejects.toMatchObject({
      code: "FORBIDDEN",
      fieldErrors: { _form: ["errors.downloadNotVerified"] },
    });

    await sendPackageDownloadCode({ session, locale: "ja", now: at(2000) });
    const code = await latestCodeSentTo(a.email);
    await expect(startPackageDownload({ session, code: wrongCode(code), now: at(2001) })).rejects.toMatchObject({
      code: "CODE_INVALID",
    });
    await startPackageDownload({ session, code, now: at(2002) });
    const file = await downloadPackageFile({ session, fileId: pkgA.fileId, now: at(2003) });
    expect(file).toMatchObject({ mimeType: "application/pdf", fileName: "disclosure.pdf" });
    const parts: Buffer[] = [];
    for await (const part of file.content) parts.push(Buffer.from(part as Buffer));
    expect(Buffer.concat(parts).subarray(0, 5).toString()).toBe("%PDF-");
    expect(await prisma.downloadRecord.findMany({ select: { packageId: true, fileId: true } })).toEqual([
      { packageId: pkgA.packageId, fileId: pkgA.fileId },
    ]);
    expect(await prisma.auditEvent.count({ where: { action: "package.downloaded", requestId: a.requestId } })).toBe(1);

    const before = await rowCounts();
    await expect(downloadPackageFile({ session, fileId: pkgB.fileId, now: at(2004) })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(downloadMessageAttachment({ session, fileId: pkgB.fileId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await rowCounts()).toEqual(before);
    // The fresh code lasts 15 minutes; the link expires with the package.
    await expect(
      downloadPackageFile({ session, fileId: pkgA.fileId, now: at(2002 + 15 * 60_000) }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await startPackageDownload({
      session,
      code: await (async () => {
        await sendPackageDownloadCode({ session, locale: "ja", now: at(DAY) });
        return latestCodeSentTo(a.email);
      })(),
      now: at(DAY),
    });
    await expect(downloadPackageFile({ session, fileId: pkgA.fileId, now: at(14 * DAY) })).rejects.toMatchObject({
      code: "INVALID_STATE",
      fieldErrors: { _form: ["errors.packageExpired"] },
    });
  });

  it("serves this request's notice PDFs and nobody else's", async () => {
    const a = await fileDisclosure({ now: t0 });
    const b = await fileDisclosure({ email: "ken.sato@example.com", now: t0 });
    for (const job of await prisma.job.findMany({ where: { kind: "portal.notice-pdf" } }))
      await jobHandlers.get(job.kind)?.(job.payload, { prisma, jobId: job.id, workerName: "test" });
    const session = await sessionFor(a.statusToken, at(1000));
    const [mine] = (await requesterView(session, at(1000))).notices;
    expect(mine?.hasPdf).toBe(true);
    const pdf = await downloadNoticeFile({ session, noticeId: mine?.id ?? "" });
    expect(pdf.mimeType).toBe("application/pdf");
    const theirs = await prisma.notice.findFirstOrThrow({ where: { requestId: b.requestId } });
    await expect(downloadNoticeFile({ session, noticeId: theirs.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      (await readStoredFile(await prisma.storedFile.findUniqueOrThrow({ where: { id: theirs.fileId ?? "" } }))).length,
    ).toBeGreaterThan(0);
  });
});
