import type { Locale } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { prisma } from "@/lib/server/db";
import { checkOneTimeCode, consumeOneTimeCode, issueOneTimeCode } from "@/lib/codes/one-time-code";
import type { Readable } from "node:stream";
import { openStoredFile, readStoredFile } from "@/lib/files/file-store";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { requesterEmail } from "@/lib/requests/request-states";
import { requesterActor, type RequesterSession } from "./requester-session";

// Answer delivery (issue 4 item 4): a published disclosure package is downloaded from the
// status page after a *fresh* emailed code, even within a session opened by code; the
// link expires; each download is recorded. Files of other requests are simply not found.

/** How long one fresh code lets this session download. */
export const DOWNLOAD_VERIFICATION_TTL_MS = 15 * 60 * 1000;

/** Small files come whole; a package file comes as a stream (packages can be hundreds of MB). */
export type DownloadedFile = { content: Buffer | Readable; mimeType: string; fileName: string; sizeBytes?: number };
export type WholeFile = DownloadedFile & { content: Buffer };

const state = (key: string) => new AppError("INVALID_STATE", key, { _form: [key] });

async function availablePackage(requestId: string, now: Date) {
  const pkg = await prisma.disclosurePackage.findUnique({
    where: { requestId },
    select: { id: true, publishedAt: true, expiresAt: true, deliveryMethod: true },
  });
  if (!pkg?.publishedAt || pkg.deliveryMethod !== "ELECTRONIC") throw new AppError("NOT_FOUND", "no published package");
  if (pkg.expiresAt && pkg.expiresAt <= now) throw state("errors.packageExpired");
  return pkg;
}

async function contactOf(requestId: string): Promise<string> {
  const r = await prisma.request.findUniqueOrThrow({
    where: { id: requestId },
    select: { requesterKind: true, email: true, agentEmail: true },
  });
  const email = requesterEmail(r);
  if (!email) throw state("errors.downloadNotVerified");
  return email;
}

/** Mails a PACKAGE_DOWNLOAD code to the request's contact address. */
export async function sendPackageDownloadCode(opts: {
  session: RequesterSession;
  locale: Locale;
  now?: Date;
}): Promise<{ expiresAt: Date }> {
  const now = opts.now ?? new Date();
  await availablePackage(opts.session.requestId, now);
  const email = await contactOf(opts.session.requestId);
  return issueOneTimeCode({
    purpose: "PACKAGE_DOWNLOAD",
    email,
    requestId: opts.session.requestId,
    locale: opts.locale,
    now,
  });
}

/** Checks the fresh code and marks this session verified for downloads. */
export async function startPackageDownload(opts: {
  session: RequesterSession;
  code: unknown;
  now?: Date;
}): Promise<{ verifiedUntil: Date }> {
  const now = opts.now ?? new Date();
  const { session } = opts;
  const pkg = await availablePackage(session.requestId, now);
  const email = await contactOf(session.requestId);
  const { codeId } = await checkOneTimeCode({
    purpose: "PACKAGE_DOWNLOAD",
    email,
    requestId: session.requestId,
    code: opts.code,
    now,
  });
  await prisma.$transaction(async (tx) => {
    await consumeOneTimeCode(tx, codeId, now);
    await tx.requesterSession.update({ where: { id: session.sessionId }, data: { downloadVerifiedAt: now } });
    await writeAuditEvent(tx, {
      actor: requesterActor(session),
      action: "package.download_verified",
      entity: "DisclosurePackage",
      entityId: pkg.id,
      requestId: session.requestId,
    });
  });
  return { verifiedUntil: new Date(now.getTime() + DOWNLOAD_VERIFICATION_TTL_MS) };
}

/** One file of this request's published, unexpired package; records the download. */
export async function downloadPackageFile(opts: {
  session: RequesterSession;
  fileId: string;
  now?: Date;
}): Promise<DownloadedFile> {
  const now = opts.now ?? new Date();
  const { session } = opts;
  const pkg = await availablePackage(session.requestId, now);
  const entry = await prisma.packageFile.findFirst({
    where: { packageId: pkg.id, fileId: opts.fileId },
    include: { file: true },
  });
  if (!entry || entry.file.deletedAt) throw new AppError("NOT_FOUND", "package file");
  // Re-read the session: a code entered in another tab counts, an ended session does not.
  const fresh = await prisma.requesterSession.findUnique({
    where: { id: session.sessionId },
    select: { downloadVerifiedAt: true, expiresAt: true },
  });
  const verifiedAt = fresh?.downloadVerifiedAt?.getTime() ?? 0;
  if (!fresh || fresh.expiresAt <= now || now.getTime() - verifiedAt >= DOWNLOAD_VERIFICATION_TTL_MS) {
    throw new AppError("FORBIDDEN", "fresh download code required", { _form: ["errors.downloadNotVerified"] });
  }
  // Opened before the download is recorded: a file that cannot be read is not counted.
  const content = await openStoredFile(entry.file);
  await prisma.$transaction(async (tx) => {
    await tx.downloadRecord.create({ data: { packageId: pkg.id, fileId: entry.fileId, at: now } });
    await writeAuditEvent(tx, {
      actor: requesterActor(session),
      action: "package.downloaded",
      entity: "DisclosurePackage",
      entityId: pkg.id,
      requestId: session.requestId,
      data: { fileId: entry.fileId },
    });
  });
  return { content, mimeType: entry.file.mimeType, fileName: entry.file.originalName, sizeBytes: entry.file.sizeBytes };
}

/** A notice PDF of this request (decision notices and the like); no code needed, they were mailed. */
export async function downloadNoticeFile(opts: { session: RequesterSession; noticeId: string }): Promise<WholeFile> {
  const notice = await prisma.notice.findFirst({
    where: { id: opts.noticeId, requestId: opts.session.requestId },
    include: { file: true },
  });
  if (!notice?.file || notice.file.deletedAt) throw new AppError("NOT_FOUND", "notice file");
  return {
    content: await readStoredFile(notice.file),
    mimeType: notice.file.mimeType,
    fileName: notice.file.originalName,
  };
}

/** An attachment in the visible message thread of this request. */
export async function downloadMessageAttachment(opts: {
  session: RequesterSession;
  fileId: string;
}): Promise<WholeFile> {
  const file = await prisma.storedFile.findFirst({
    where: {
      id: opts.fileId,
      requestId: opts.session.requestId,
      role: "MESSAGE_ATTACHMENT",
      deletedAt: null,
      message: { internal: false },
    },
  });
  if (!file) throw new AppError("NOT_FOUND", "attachment");
  return { content: await readStoredFile(file), mimeType: file.mimeType, fileName: file.originalName };
}
