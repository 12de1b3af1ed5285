import type { NoticeChannel, NoticeKind } from "@/lib/generated/prisma/enums";
import type { Tx, Db } from "@/lib/server/db";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/server/env";
import { getSettings } from "@/lib/settings/get-settings";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { storeFile } from "@/lib/files/file-store";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { requesterEmail } from "@/lib/requests/request-states";
import { buildNotice, type BuiltNotice, type NoticeDecision } from "./build-notice";
import { renderNoticeMail, renderNoticePdf } from "./render-notice";

export function statusPageUrl(): string {
  return `${env().APP_URL}/status`;
}

export type NoticeTarget = {
  requestId: string;
  kind: NoticeKind;
  /** For DECISION / ALTERNATIVE_MEASURE: the decision; default the one in effect. */
  decisionId?: string | null;
  /** A decision not yet saved, for previews of the decision form. */
  draftDecision?: NoticeDecision | null;
  message?: string | null;
  /** Previews may show a decision still waiting for the officer; sending never does. */
  allowPendingDecision?: boolean;
};

/** Gathers what a notice says and builds it; reads only. */
export async function composeNotice(
  db: Db,
  t: NoticeTarget,
  now: Date,
): Promise<{
  built: BuiltNotice;
  decisionId: string | null;
  email: string | null;
  operator: Awaited<ReturnType<typeof getSettings>>["operator"];
}> {
  const r = await db.request.findUnique({
    where: { id: t.requestId },
    include: { package: true, tasks: { select: { action: true, status: true } } },
  });
  if (!r) throw new AppError("NOT_FOUND", "request");
  let decision: NoticeDecision | null = t.draftDecision ?? null;
  let decisionId: string | null = null;
  if (!decision && (t.kind === "DECISION" || t.kind === "ALTERNATIVE_MEASURE")) {
    const row = await db.decision.findFirst({
      where: {
        requestId: r.id,
        ...(t.decisionId ? { id: t.decisionId } : {}),
        superseded: false,
        approval: {
          in: t.allowPendingDecision ? ["NOT_REQUIRED", "APPROVED", "PENDING"] : ["NOT_REQUIRED", "APPROVED"],
        },
      },
      orderBy: { createdAt: "desc" },
      include: { grounds: { orderBy: { ground: "asc" } } },
    });
    if (!row) throw new AppError("NOT_FOUND", "decision");
    decision = row;
    decisionId = row.id;
  }
  const settings = await getSettings(db);
  const { operator } = settings;
  const fee =
    t.kind === "PAYMENT_REQUEST"
      ? {
          amount: r.feeAmount,
          taxAmount: r.feeTaxAmount,
          transferReference: r.transferReference,
          bank: settings.fee.bank,
          online: settings.fee.methods.includes("STRIPE") && Boolean(env().STRIPE_SECRET_KEY) && Boolean(r.email),
        }
      : null;
  const built = buildNotice({
    fee,
    kind: t.kind,
    request: r,
    decision,
    tasks: r.tasks.filter((x) => x.status === "DONE"),
    message: t.message,
    package: r.package,
    operator,
    statusUrl: statusPageUrl(),
    issuedAt: now,
  });
  return { built, decisionId, email: requesterEmail(r), operator };
}

export type IssuedNotice = { noticeId: string; fileId: string; outboxId: string | null; channel: NoticeChannel };

/**
 * Sends a notice inside the caller's transaction: the PDF is stored (NOTICE_PDF) and
 * kept with the request, the mail goes to the outbox (or, with no email address, the
 * notice is marked for posting), and the audit entry is written — all or nothing.
 */
export async function issueNotice(
  tx: Tx,
  actor: Actor,
  t: NoticeTarget,
  now: Date = new Date(),
): Promise<IssuedNotice> {
  const { built, decisionId, email, operator } = await composeNotice(tx, t, now);
  const pdf = await renderNoticePdf(built, operator);
  const staffId = actor.type === "STAFF" ? actor.id : null;
  const file = await storeFile(tx, {
    role: "NOTICE_PDF",
    content: pdf,
    mimeType: "application/pdf",
    originalName: `${built.kind.toLowerCase()}-notice.pdf`,
    requestId: t.requestId,
    uploadedById: staffId,
  });
  const channel: NoticeChannel = email ? "EMAIL" : "POST";
  const outboxId = email
    ? await enqueueMail(tx, {
        to: email,
        ...renderNoticeMail(built),
        kind: `notice.${built.kind}`,
        requestId: t.requestId,
      })
    : null;
  const notice = await tx.notice.create({
    data: {
      requestId: t.requestId,
      kind: built.kind,
      locale: built.locale,
      channel,
      subject: built.subject,
      bodyText: built.bodyText,
      fileId: file.id,
      outboxId,
      sentById: staffId,
    },
    select: { id: true },
  });
  if (decisionId) await tx.decision.update({ where: { id: decisionId }, data: { noticeSentAt: now } });
  await writeAuditEvent(tx, {
    actor,
    action: "notice.sent",
    entity: "Notice",
    entityId: notice.id,
    requestId: t.requestId,
    data: { kind: built.kind, channel, decisionId, grounds: built.grounds.map((g) => g.ground) },
  });
  return { noticeId: notice.id, fileId: file.id, outboxId, channel };
}
