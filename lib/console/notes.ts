import { z } from "zod";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { storeFile } from "@/lib/files/file-store";
import { issueNotice } from "@/lib/notices/issue-notice";
import { idSchema, longText, uploadSchema } from "@/lib/requests/shared-schemas";
import { disclosureTypes, sniffFileType } from "./sniff-file-type";

// Notes and messages are appended, never edited, so they need no version: two staff
// writing at once both get their entry. Neither changes the request's own columns.

export const addInternalNoteSchema = z.object({ requestId: idSchema, body: longText(4000) });
export type AddInternalNoteInput = z.input<typeof addInternalNoteSchema>;

/** A note only staff see (Message.internal), on the request's thread. */
export async function addInternalNote(opts: {
  actor: Actor | null;
  input: AddInternalNoteInput;
}): Promise<{ messageId: string }> {
  const { actor } = opts;
  assertPermission(actor, "write:request");
  const q = parseInput(addInternalNoteSchema, opts.input, "internal note");
  return prisma.$transaction(async (tx) => {
    if (!(await tx.request.findUnique({ where: { id: q.requestId }, select: { id: true } })))
      throw new AppError("NOT_FOUND", "request");
    const m = await tx.message.create({
      data: { requestId: q.requestId, author: "STAFF", staffId: actor.id, body: q.body, internal: true },
      select: { id: true },
    });
    await writeAuditEvent(tx, {
      actor,
      action: "note.added",
      entity: "Message",
      entityId: m.id,
      requestId: q.requestId,
    });
    return { messageId: m.id };
  });
}

export const sendMessageToRequesterSchema = z.object({
  requestId: idSchema,
  body: longText(4000),
  attachments: z.array(uploadSchema).max(5).default([]),
});
export type SendMessageToRequesterInput = z.input<typeof sendMessageToRequesterSchema>;

/**
 * A message the requester reads on their status page, with attachments stored
 * encrypted; the mail only says there is a message (the text stays behind the sign-in).
 */
export async function sendMessageToRequester(opts: {
  actor: Actor | null;
  input: SendMessageToRequesterInput;
  now?: Date;
}): Promise<{ messageId: string; noticeId: string }> {
  const { actor } = opts;
  assertPermission(actor, "write:request");
  const q = parseInput(sendMessageToRequesterSchema, opts.input, "message");
  const types = await Promise.all(
    q.attachments.map((a, i) => sniffFileType(a.content, a.fileName, disclosureTypes, `attachments.${i}`)),
  );
  return prisma.$transaction(async (tx) => {
    const r = await tx.request.findUnique({ where: { id: q.requestId }, select: { id: true, status: true } });
    if (!r) throw new AppError("NOT_FOUND", "request");
    if (r.status === "WITHDRAWN" || r.status === "ABANDONED")
      throw new AppError("INVALID_STATE", "console.state.requestClosed", { _form: ["console.state.requestClosed"] });
    const m = await tx.message.create({
      data: { requestId: r.id, author: "STAFF", staffId: actor.id, body: q.body, internal: false },
      select: { id: true },
    });
    const fileIds: string[] = [];
    for (const [i, a] of q.attachments.entries()) {
      const f = await storeFile(tx, {
        role: "MESSAGE_ATTACHMENT",
        content: a.content,
        mimeType: types[i] ?? "application/octet-stream",
        originalName: a.fileName,
        requestId: r.id,
        messageId: m.id,
        uploadedById: actor.id,
      });
      fileIds.push(f.id);
    }
    await writeAuditEvent(tx, {
      actor,
      action: "message.sent",
      entity: "Message",
      entityId: m.id,
      requestId: r.id,
      data: { attachments: fileIds },
    });
    const notice = await issueNotice(tx, actor, { requestId: r.id, kind: "MESSAGE" }, opts.now ?? new Date());
    return { messageId: m.id, noticeId: notice.noticeId };
  });
}
