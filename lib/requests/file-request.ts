import { dateOnly } from "@/lib/dates";
import type { Locale } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { prisma, type Tx } from "@/lib/server/db";
import { consumeOneTimeCode } from "@/lib/codes/one-time-code";
import { getSettings } from "@/lib/settings/get-settings";
import { feeFieldsForNewRequest } from "@/lib/fees/transfer-reference";
import { dueAtFor } from "@/lib/deadlines/deadline-clock";
import { writeAuditEvents } from "@/lib/audit/write-audit-event";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { requesterEmail } from "@/lib/requests/request-states";
import { nextReference } from "./next-reference";
import { acknowledgementMail } from "./acknowledgement-mail";
import { NOTICE_PDF_JOB } from "./notice-text-pdf";
import { inquiryColumnsFor, requestColumnsFor } from "./request-row";
import { newStatusToken, statusLinkFor, statusTokenHash } from "./status-link";
import type { RequestSubmission } from "./request-schemas";
import type { Inquiry } from "./inquiry-schema";

// Writes a request or inquiry filed online, all in one transaction: the code is spent,
// the reference and fee fixed, the draft's files become its documents, the audit entry,
// the acknowledgement notice and its mail. Either all of it happens or none.

export type FiledRequest = {
  requestId: string;
  reference: string;
  /** false when this was a repeat of an earlier submit with the same idempotency key. */
  created: boolean;
  /** For the status link; null on a repeat (only its hash is kept). */
  statusToken: string | null;
};

type Common = { contactEmail: string; codeId: string; idempotencyKey: string; locale: Locale; now: Date };
export type FileInput = Common &
  (
    | { kind: "request"; submission: RequestSubmission; draftKeyHash: string | null }
    | { kind: "inquiry"; inquiry: Inquiry }
  );

/** The request an earlier submit with this key created; CONFLICT if it was someone else's. */
export async function findIdempotent(idempotencyKey: string, contactEmail: string): Promise<FiledRequest | null> {
  const r = await prisma.request.findUnique({
    where: { idempotencyKey },
    select: { id: true, reference: true, requesterKind: true, email: true, agentEmail: true },
  });
  if (!r) return null;
  if (requesterEmail(r)?.toLowerCase() !== contactEmail.toLowerCase())
    throw new AppError("CONFLICT", "idempotency key reused for another address");
  return { requestId: r.id, reference: r.reference, created: false, statusToken: null };
}

async function attachDraftFiles(tx: Tx, requestId: string, s: RequestSubmission, hash: string | null): Promise<void> {
  const files = s.documents.files;
  if (files.length === 0) return;
  const { count } = await tx.storedFile.updateMany({
    where: { id: { in: files.map((f) => f.fileId) }, draftKeyHash: hash, requestId: null, deletedAt: null },
    data: { requestId, draftKeyHash: null, expiresAt: null },
  });
  if (count !== files.length)
    throw new AppError("INVALID_INPUT", "draft files gone", { "documents.files": ["errors.fileMissing"] });
  await tx.document.createMany({
    data: files.map((f) => ({
      requestId,
      fileId: f.fileId,
      kind: f.kind,
      holder: f.holder,
      issuedOn: f.issuedOn ? dateOnly(f.issuedOn) : null,
    })),
  });
}

async function write(tx: Tx, input: FileInput): Promise<FiledRequest> {
  const { now, locale } = input;
  await consumeOneTimeCode(tx, input.codeId, now);
  const settings = await getSettings(tx);
  const columns = input.kind === "request" ? requestColumnsFor(input.submission) : inquiryColumnsFor(input.inquiry);
  const reference = await nextReference(tx, now);
  const fee = feeFieldsForNewRequest(columns.type, settings.fee, reference);
  const targetDays = settings.deadlines.targetDays;
  const dueAt = dueAtFor({ arrivedAt: now, targetDays, pausedMs: 0, pausedAt: null });
  const policy = await tx.policyVersion.findFirst({
    where: { effectiveDate: { lte: now } },
    orderBy: { effectiveDate: "desc" },
    select: { id: true },
  });
  const statusToken = newStatusToken();
  const request = await tx.request.create({
    data: {
      ...columns,
      ...fee,
      reference,
      // Every request about held data needs identity checked, the purpose notice included
      // (it tells the person which purposes apply to *them*); inquiries do not (docs/design.md §2).
      identity: input.kind === "request" ? "PENDING" : "NOT_REQUIRED",
      channel: "WEB",
      locale,
      arrivedAt: now,
      targetDays,
      dueAt,
      policyVersionId: policy?.id ?? null,
      statusTokenHash: statusTokenHash(statusToken),
      idempotencyKey: input.idempotencyKey,
    },
    select: { id: true },
  });
  const requestId = request.id;
  const actor = { type: "REQUESTER" as const, requestId };
  const documentsByPost = input.kind === "request" && input.submission.documents.sendByPost;
  if (input.kind === "request") await attachDraftFiles(tx, requestId, input.submission, input.draftKeyHash);
  const ack = acknowledgementMail(
    {
      reference,
      type: columns.type,
      locale,
      requesterKind: columns.requesterKind ?? "SELF",
      subjectName: columns.subjectName,
      agentName: columns.agentName ?? null,
      arrivedAt: now,
      dueAt,
      fee: fee.fee,
      feeAmount: fee.feeAmount,
      transferReference: fee.transferReference,
      documentsByPost,
      country: columns.country ?? "JP",
    },
    settings,
    statusLinkFor(statusToken, locale),
  );
  const outboxId = await enqueueMail(tx, {
    to: input.contactEmail,
    subject: ack.subject,
    html: ack.html,
    text: ack.text,
    secrets: ack.secrets,
    kind: "notice.ACKNOWLEDGEMENT",
    requestId,
  });
  const notice = await tx.notice.create({
    data: {
      requestId,
      kind: "ACKNOWLEDGEMENT",
      locale,
      channel: "EMAIL",
      subject: ack.subject,
      bodyText: ack.bodyText,
      outboxId,
    },
    select: { id: true },
  });
  await writeAuditEvents(tx, [
    {
      actor,
      action: "request.submitted",
      entity: "Request",
      entityId: requestId,
      requestId,
      data: {
        type: columns.type,
        channel: "WEB",
        requesterKind: columns.requesterKind ?? "SELF",
        fee: fee.fee,
        feeAmount: fee.feeAmount,
        documents: input.kind === "request" ? input.submission.documents.files.length : 0,
        documentsByPost,
        policyVersionId: policy?.id ?? null,
      },
    },
    {
      actor,
      action: "notice.sent",
      entity: "Notice",
      entityId: notice.id,
      requestId,
      data: { kind: "ACKNOWLEDGEMENT", channel: "EMAIL" },
    },
  ]);
  // The PDF copy of the notice is rendered by a job, keeping font embedding off the submit path.
  await enqueueJob(tx, {
    kind: NOTICE_PDF_JOB,
    payload: { noticeId: notice.id },
    uniqueKey: `${NOTICE_PDF_JOB}:${notice.id}`,
  });
  return { requestId, reference, created: true, statusToken };
}

/**
 * Runs `attempt` for a submit with this idempotency key. If it fails because a concurrent
 * twin won (the code was spent, the key's unique index was hit), the twin's request is
 * the answer; any other failure stands.
 */
export async function withIdempotency(
  idempotencyKey: string,
  contactEmail: string,
  attempt: () => Promise<FiledRequest>,
): Promise<FiledRequest> {
  try {
    return await attempt();
  } catch (e) {
    const again = await findIdempotent(idempotencyKey, contactEmail).catch(() => null);
    if (again) return again;
    throw e;
  }
}

/** Writes the request or inquiry in one transaction. */
export async function fileRequest(input: FileInput): Promise<FiledRequest> {
  return prisma.$transaction((tx) => write(tx, input));
}
