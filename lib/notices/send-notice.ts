import { z } from "zod";
import { type NoticeKind, Outcome, WithholdingGround } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { dateOnly } from "@/lib/dates";
import { dateString, idSchema } from "@/lib/requests/shared-schemas";
import type { BuiltNotice } from "./build-notice";
import { composeNotice, issueNotice, type IssuedNotice } from "./issue-notice";
import { renderNoticePdf } from "./render-notice";

// The notice kinds this area writes; fee, withdrawal and abandonment notices belong to theirs.
export const consoleNoticeKinds = [
  "ACKNOWLEDGEMENT",
  "INFORMATION_NEEDED",
  "DECISION",
  "ALTERNATIVE_MEASURE",
  "COMPLETION",
  "PACKAGE_PUBLISHED",
  "MESSAGE",
] as const satisfies readonly NoticeKind[];

const noticeTargetSchema = z.object({
  requestId: idSchema,
  kind: z.enum(consoleNoticeKinds),
  decisionId: idSchema.optional(),
  message: z.string().trim().max(4000).optional(),
});

export const previewNoticeSchema = noticeTargetSchema.extend({
  /** Preview a decision still being written in the form. */
  draftDecision: z
    .object({
      outcome: z.enum(Outcome),
      explanation: z.string().trim().max(4000).default(""),
      details: z.record(z.string(), z.unknown()).optional(),
      grounds: z
        .array(z.object({ ground: z.enum(WithholdingGround), explanation: z.string().trim().max(4000) }))
        .max(6)
        .default([]),
    })
    .optional(),
  withPdf: z.boolean().default(false),
});
export type PreviewNoticeInput = z.input<typeof previewNoticeSchema>;

/** What the requester would receive, without writing anything (the staff preview). */
export async function previewNotice(opts: {
  actor: Actor | null;
  input: PreviewNoticeInput;
  now?: Date;
}): Promise<BuiltNotice & { pdf?: Buffer }> {
  assertPermission(opts.actor, "send:notice");
  const q = parseInput(previewNoticeSchema, opts.input, "notice preview");
  const { built, operator } = await composeNotice(prisma, { ...q, allowPendingDecision: true }, opts.now ?? new Date());
  return q.withPdf ? { ...built, pdf: await renderNoticePdf(built, operator) } : built;
}

export const sendNoticeSchema = noticeTargetSchema;
export type SendNoticeInput = z.input<typeof sendNoticeSchema>;

/**
 * Sends (or sends again) a notice by hand. Decisions, completions and packages send
 * theirs automatically; this is for a resend, an acknowledgement of a mailed request, or
 * a notice that must go again after a bounce. It does not change the request itself.
 */
export async function sendNotice(opts: {
  actor: Actor | null;
  input: SendNoticeInput;
  now?: Date;
}): Promise<IssuedNotice> {
  const { actor } = opts;
  assertPermission(actor, "send:notice");
  const q = parseInput(sendNoticeSchema, opts.input, "send notice");
  return prisma.$transaction((tx) => issueNotice(tx, actor, q, opts.now ?? new Date()));
}

export const recordNoticePostingSchema = z.object({
  noticeId: idSchema,
  postedOn: dateString,
  trackingNumber: z.string().trim().max(60).optional(),
});
export type RecordNoticePostingInput = z.input<typeof recordNoticePostingSchema>;

/** A paper notice was posted (no email address, or the requester asked for paper). */
export async function recordNoticePosting(opts: {
  actor: Actor | null;
  input: RecordNoticePostingInput;
}): Promise<{ id: string }> {
  const { actor } = opts;
  assertPermission(actor, "send:notice");
  const q = parseInput(recordNoticePostingSchema, opts.input, "notice posting");
  return prisma.$transaction(async (tx) => {
    const n = await tx.notice.findUnique({
      where: { id: q.noticeId },
      select: { id: true, requestId: true, kind: true },
    });
    if (!n) throw new AppError("NOT_FOUND", "notice");
    await tx.notice.update({
      where: { id: n.id },
      data: { postedOn: dateOnly(q.postedOn), trackingNumber: q.trackingNumber ?? null },
    });
    await writeAuditEvent(tx, {
      actor,
      action: "notice.posted",
      entity: "Notice",
      entityId: n.id,
      requestId: n.requestId,
      data: { kind: n.kind, hasTracking: Boolean(q.trackingNumber) },
    });
    return { id: n.id };
  });
}
