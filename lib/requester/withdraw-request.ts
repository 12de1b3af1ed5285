import { z } from "zod";
import { AppError } from "@/lib/errors";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { renderMail } from "@/lib/mail/mail-layout";
import { getSettings } from "@/lib/settings/get-settings";
import { openStatuses, requesterEmail } from "@/lib/requests/request-states";
import { resumedClock } from "@/lib/requests/clock-changes";
import { optionalText, limits } from "@/lib/requests/schema-fields";
import { requestText } from "@/lib/requests/request-messages";
import { NOTICE_PDF_JOB } from "@/lib/requests/notice-text-pdf";
import { requesterActor, type RequesterSession } from "./requester-session";

// The requester withdraws their own request (docs/design.md §3: WITHDRAWN). Only an open
// request can be withdrawn; the change, the audit entry and the withdrawal notice happen
// together. A reason, if given, goes into the message thread for staff to read.

export const withdrawRequestSchema = z.object({ reason: optionalText(limits.message) });

export async function withdrawRequest(opts: {
  session: RequesterSession;
  input?: unknown;
  now?: Date;
}): Promise<{ status: "WITHDRAWN" }> {
  const now = opts.now ?? new Date();
  const { session } = opts;
  const q = parseInput(withdrawRequestSchema, opts.input ?? {}, "withdrawal");
  const actor = requesterActor(session);
  await prisma.$transaction(async (tx) => {
    const r = await tx.request.findUnique({ where: { id: session.requestId } });
    if (!r || r.anonymisedAt) throw new AppError("NOT_FOUND", "request");
    if (!openStatuses.includes(r.status))
      throw new AppError("INVALID_STATE", `request is ${r.status}`, { _form: ["errors.notWithdrawable"] });
    const clock = r.pausedAt ? resumedClock(r, now) : {};
    // Matching the status (and bumping the version) makes a concurrent staff save fail cleanly.
    const { count } = await tx.request.updateMany({
      where: { id: r.id, status: r.status, version: r.version },
      data: { status: "WITHDRAWN", withdrawnAt: now, ...clock, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("STALE_VERSION", "request changed while withdrawing");
    if (q.reason)
      await tx.message.create({ data: { requestId: r.id, author: "REQUESTER", body: q.reason, createdAt: now } });
    await writeAuditEvent(tx, {
      actor,
      action: "request.withdrawn",
      entity: "Request",
      entityId: r.id,
      requestId: r.id,
      data: { from: r.status, withReason: Boolean(q.reason), fee: r.fee },
    });

    const { operator } = await getSettings(tx);
    const L = r.locale;
    const t = (key: string, vars?: Record<string, string>) => requestText(L, `mail.withdrawal.${key}`, vars);
    const vars = { reference: r.reference, type: requestText(L, `types.${r.type}`) };
    const paragraphs = [
      t("body", vars),
      ...(r.fee === "PAID" ? [t("fee")] : []),
      t("notYou", { email: operator.contactEmail }),
    ];
    const company = L === "ja" ? operator.legalNameJa : operator.legalNameEn;
    const mail = renderMail({
      locale: L,
      subject: t("subject", vars),
      heading: t("heading"),
      paragraphs,
      signature: company,
    });
    const to = requesterEmail(r);
    const outboxId = to ? await enqueueMail(tx, { to, ...mail, kind: "notice.WITHDRAWAL", requestId: r.id }) : null;
    const notice = await tx.notice.create({
      data: {
        requestId: r.id,
        kind: "WITHDRAWAL",
        locale: L,
        channel: to ? "EMAIL" : "POST",
        subject: mail.subject,
        bodyText: [t("heading"), "", ...paragraphs.flatMap((p) => [p, ""]), company].join("\n"),
        outboxId,
      },
      select: { id: true },
    });
    await writeAuditEvent(tx, {
      actor,
      action: "notice.sent",
      entity: "Notice",
      entityId: notice.id,
      requestId: r.id,
      data: { kind: "WITHDRAWAL", channel: to ? "EMAIL" : "POST" },
    });
    await enqueueJob(tx, {
      kind: NOTICE_PDF_JOB,
      payload: { noticeId: notice.id },
      uniqueKey: `${NOTICE_PDF_JOB}:${notice.id}`,
    });
  });
  return { status: "WITHDRAWN" };
}
