import type { Locale, RequesterKind } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { sqlQuery, sqlTransaction, type SqlQuery } from "@/lib/server/db-adapter";
import { RATE_LIMIT_UPSERT, RateLimitError, rateLimitResult, rateLimitWindow } from "@/lib/server/rate-limit";
import { codeError } from "@/lib/codes/one-time-code";
import { settingsFromRows } from "@/lib/settings/get-settings";
import { feeFieldsForNewRequest } from "@/lib/fees/transfer-reference";
import { dueAtFor } from "@/lib/deadlines/deadline-clock";
import { AUDIT_CHAIN_LOCK, auditRowTemplate, type AuditEventInput } from "@/lib/audit/write-audit-event";
import { outboxColumns } from "@/lib/mail/enqueue-mail";
import { requesterEmail } from "@/lib/requests/request-states";
import { jstYear, referenceOf } from "./next-reference";
import { newRowId, RESERVE_FILING_SQL, WRITE_FILING_SQL, type ReservedFiling } from "./filing-sql";
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

export const IDEMPOTENT_SQL = {
  name: "madoguchi_filing_idempotent",
  text: `SELECT "id", "reference", "requesterKind", "email", "agentEmail" FROM "Request" WHERE "idempotencyKey" = $1`,
};

/** The request an earlier submit with this key created; CONFLICT if it was someone else's. */
export async function findIdempotent(idempotencyKey: string, contactEmail: string): Promise<FiledRequest | null> {
  // Through the driver: it runs before every filing, and the unique index answers it in one lookup (ADR 0022).
  const [r] = await sqlQuery<{
    id: string;
    reference: string;
    requesterKind: RequesterKind;
    email: string | null;
    agentEmail: string | null;
  }>(IDEMPOTENT_SQL, [idempotencyKey]);
  return r ? idempotentAnswer(r, contactEmail) : null;
}

/**
 * The lookup of findIdempotent and, only when it finds no request, the submitter's rate-limit hit
 * (HIT_SQL's upsert): one round trip instead of two before every filing (ADR 0022). The hit is
 * committed on its own, as before. $1 idempotency key, $2 counter key, $3 window start (ISO).
 */
export const IDEMPOTENT_OR_HIT_SQL = {
  name: "madoguchi_filing_idempotent_or_hit",
  text: `
WITH prior AS (
  SELECT "id", "reference", "requesterKind", "email", "agentEmail" FROM "Request" WHERE "idempotencyKey" = $1
), hit AS (
  INSERT INTO "RateLimit" ("key", "windowStart", "count")
    SELECT $2::text, $3::timestamp(3), 1 WHERE NOT EXISTS (SELECT FROM prior)
    ${RATE_LIMIT_UPSERT}
)
SELECT prior.*, hit.* FROM (SELECT) AS one LEFT JOIN prior ON true LEFT JOIN hit ON true`,
};

/**
 * findIdempotent, then the submitter's assertRateLimit when there was no earlier submit, in one
 * statement: a repeat returns the request it created without counting against the limit.
 */
export async function findIdempotentOrHit(
  idempotencyKey: string,
  contactEmail: string,
  limit: { key: string; max: number; windowSeconds: number; now: Date },
): Promise<FiledRequest | null> {
  const window = rateLimitWindow(limit.key, limit.windowSeconds, limit.now);
  const [row] = await sqlQuery<{
    id: string | null;
    reference: string;
    requesterKind: RequesterKind;
    email: string | null;
    agentEmail: string | null;
    count: number | null;
    windowStartMs: number | null;
  }>(IDEMPOTENT_OR_HIT_SQL, [idempotencyKey, window.counterKey, window.windowStart.toISOString()]);
  if (row?.id) return idempotentAnswer({ ...row, id: row.id }, contactEmail);
  const hit = rateLimitResult(window, limit.max, row);
  if (!hit.allowed) throw new RateLimitError(hit.retryAfterSeconds);
  return null;
}

/** The earlier submit's request, or CONFLICT if that submit was someone else's. */
function idempotentAnswer(
  r: { id: string; reference: string; requesterKind: RequesterKind; email: string | null; agentEmail: string | null },
  contactEmail: string,
): FiledRequest {
  if (requesterEmail(r)?.toLowerCase() !== contactEmail.toLowerCase())
    throw new AppError("CONFLICT", "idempotency key reused for another address");
  return { requestId: r.id, reference: r.reference, created: false, statusToken: null };
}

/** A @db.Date value as the calendar day it stands for (stored as UTC midnight, request-row.ts). */
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

// Two statements inside the transaction (ADR 0017): RESERVE_FILING_SQL spends the code and
// takes the reference; the mail, which needs the reference, is rendered here; then
// WRITE_FILING_SQL writes the request, its documents, mail, notice, PDF job and audit entries.
async function write(query: SqlQuery, input: FileInput): Promise<FiledRequest> {
  const { now, locale } = input;
  const nowIso = now.toISOString();
  const year = jstYear(now);
  const [reserved] = await query<ReservedFiling>(RESERVE_FILING_SQL, [nowIso, input.codeId, year]);
  if (!reserved || reserved.last === null) throw codeError("code already used");
  const settings = settingsFromRows(reserved.settings);
  const policyVersionId = reserved.policyVersionId;
  const columns = input.kind === "request" ? requestColumnsFor(input.submission) : inquiryColumnsFor(input.inquiry);
  const reference = referenceOf(year, Number(reserved.last));
  const fee = feeFieldsForNewRequest(columns.type, settings.fee, reference);
  const targetDays = settings.deadlines.targetDays;
  const dueAt = dueAtFor({ arrivedAt: now, targetDays, pausedMs: 0, pausedAt: null });
  const statusToken = newStatusToken();
  const requestId = newRowId();
  const noticeId = newRowId();
  const outboxId = newRowId();
  const actor = { type: "REQUESTER" as const, requestId };
  const files = input.kind === "request" ? input.submission.documents.files : [];
  const documentsByPost = input.kind === "request" && input.submission.documents.sendByPost;
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
  const audit: AuditEventInput[] = [
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
        documents: files.length,
        documentsByPost,
        policyVersionId,
      },
    },
    {
      actor,
      action: "notice.sent",
      entity: "Notice",
      entityId: noticeId,
      requestId,
      data: { kind: "ACKNOWLEDGEMENT", channel: "EMAIL" },
    },
  ];
  const filing = {
    request: {
      ...columns,
      ...fee,
      id: requestId,
      reference,
      subjectBirthDate: columns.subjectBirthDate instanceof Date ? dayOf(columns.subjectBirthDate) : null,
      // An inquiry names no country; the column's default is Japan (schema.prisma).
      country: columns.country ?? "JP",
      // Every request about held data needs identity checked, the purpose notice included
      // (it tells the person which purposes apply to *them*); inquiries do not (docs/design.md §2).
      identity: input.kind === "request" ? "PENDING" : "NOT_REQUIRED",
      channel: "WEB",
      locale,
      arrivedAt: nowIso,
      targetDays,
      dueAt: dueAt.toISOString(),
      policyVersionId,
      statusTokenHash: statusTokenHash(statusToken),
      idempotencyKey: input.idempotencyKey,
      updatedAt: new Date().toISOString(),
    },
    draftKeyHash: input.kind === "request" ? input.draftKeyHash : null,
    documents: files.map((f) => ({
      id: newRowId(),
      fileId: f.fileId,
      kind: f.kind,
      holder: f.holder,
      issuedOn: f.issuedOn ?? null,
    })),
    outbox: {
      id: outboxId,
      ...outboxColumns({
        to: input.contactEmail,
        subject: ack.subject,
        html: ack.html,
        text: ack.text,
        secrets: ack.secrets,
        kind: "notice.ACKNOWLEDGEMENT",
      }),
    },
    notice: {
      id: noticeId,
      kind: "ACKNOWLEDGEMENT",
      locale,
      channel: "EMAIL",
      subject: ack.subject,
      bodyText: ack.bodyText,
      outboxId,
    },
    // The PDF copy of the notice is rendered by a job, keeping font embedding off the submit path.
    job: {
      id: newRowId(),
      kind: NOTICE_PDF_JOB,
      payload: { noticeId },
      uniqueKey: `${NOTICE_PDF_JOB}:${noticeId}`,
    },
    audit: audit.map(auditRowTemplate),
  };
  const [written] = await query<{ outcome: string }>(WRITE_FILING_SQL, [JSON.stringify(filing), AUDIT_CHAIN_LOCK]);
  if (written?.outcome === "draft_files_gone")
    throw new AppError("INVALID_INPUT", "draft files gone", { "documents.files": ["errors.fileMissing"] });
  if (written?.outcome !== "filed") throw new Error("filing was not written");
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

/** Writes the request or inquiry in one transaction, its statements sent by the driver itself (ADR 0017). */
export async function fileRequest(input: FileInput): Promise<FiledRequest> {
  return sqlTransaction((query) => write(query, input));
}
