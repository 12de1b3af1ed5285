import { z } from "zod";
import type { Db } from "@/lib/server/db";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { renderPdf } from "@/lib/pdf/pdf-document";
import { storeFile } from "@/lib/files/file-store";
import { getSettings } from "@/lib/settings/get-settings";

// Notices are kept as PDF (docs/design.md §3). The portal's own notices (acknowledgement,
// withdrawal) get theirs from a job after the change commits, rendered from the text kept
// on the Notice row, so font embedding stays off the requester's path.

export const NOTICE_PDF_JOB = "portal.notice-pdf";

const payloadSchema = z.object({ noticeId: z.string().min(1) });

export async function renderNoticeTextPdf(db: Db, noticeId: string): Promise<Buffer | null> {
  const notice = await db.notice.findUnique({
    where: { id: noticeId },
    include: { request: { select: { reference: true } } },
  });
  if (!notice) return null;
  const { operator } = await getSettings(db);
  const ja = notice.locale === "ja";
  const [heading = notice.subject, , ...rest] = notice.bodyText.split("\n");
  return renderPdf({ title: notice.subject, lang: notice.locale }, [
    {
      kind: "paragraph",
      text: ja
        ? `${operator.legalNameJa}\n〒${operator.postalCode} ${operator.addressJa}`
        : `${operator.legalNameEn}\n${operator.addressEn} ${operator.postalCode}`,
    },
    { kind: "title", text: heading },
    { kind: "paragraph", text: rest.join("\n").trim() },
  ]);
}

/** Job handler: renders and attaches the PDF once; a retry after success does nothing. */
export async function attachNoticeTextPdf(payload: unknown, ctx: { prisma: PrismaClient }): Promise<void> {
  const { noticeId } = payloadSchema.parse(payload);
  const notice = await ctx.prisma.notice.findUnique({
    where: { id: noticeId },
    select: { id: true, requestId: true, fileId: true, kind: true },
  });
  if (!notice || notice.fileId) return;
  const pdf = await renderNoticeTextPdf(ctx.prisma, noticeId);
  if (!pdf) return;
  await ctx.prisma.$transaction(async (tx) => {
    const file = await storeFile(tx, {
      role: "NOTICE_PDF",
      content: pdf,
      mimeType: "application/pdf",
      originalName: `${notice.kind.toLowerCase()}-notice.pdf`,
      requestId: notice.requestId,
    });
    await tx.notice.updateMany({ where: { id: notice.id, fileId: null }, data: { fileId: file.id } });
  });
}
