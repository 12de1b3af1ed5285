import { z } from "zod";
import { AppError } from "@/lib/errors";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { storeFile } from "@/lib/files/file-store";
import { resumedClock } from "@/lib/requests/clock-changes";
import { assertRateLimit, rateLimitKey } from "@/lib/server/rate-limit";
import {
  inspectUpload,
  assertUploadCount,
  type InspectedUpload,
  type UploadCandidate,
} from "@/lib/uploads/inspect-upload";
import { limits, requiredText } from "@/lib/requests/schema-fields";
import { requesterActor, type RequesterSession } from "./requester-session";

// The requester writes to staff from the status page, with attachments (a clearer copy,
// a missing document). An answer while the request waits for them resumes the clock.

export const requesterMessageSchema = z.object({ body: requiredText(limits.message) });

export async function postRequesterMessage(opts: {
  session: RequesterSession;
  input: unknown;
  attachments?: UploadCandidate[];
  now?: Date;
}): Promise<{ messageId: string; resumed: boolean }> {
  const now = opts.now ?? new Date();
  const { session } = opts;
  const q = parseInput(requesterMessageSchema, opts.input, "requester message");
  const attachments = opts.attachments ?? [];
  assertUploadCount(0, attachments.length, "attachments");
  const inspected: InspectedUpload[] = [];
  for (const [i, file] of attachments.entries())
    inspected.push(await inspectUpload(file, { field: `attachments.${i}` }));
  await assertRateLimit(rateLimitKey("requester-message", session.requestId), 20, 3600, { now });
  const actor = requesterActor(session);
  return prisma.$transaction(async (tx) => {
    const r = await tx.request.findUnique({ where: { id: session.requestId } });
    if (!r || r.anonymisedAt) throw new AppError("NOT_FOUND", "request");
    if (r.status === "WITHDRAWN" || r.status === "ABANDONED")
      throw new AppError("INVALID_STATE", `request is ${r.status}`, { _form: ["errors.messagesClosed"] });
    const message = await tx.message.create({
      data: { requestId: r.id, author: "REQUESTER", body: q.body, internal: false, createdAt: now },
      select: { id: true },
    });
    for (const f of inspected) {
      await storeFile(tx, {
        role: "MESSAGE_ATTACHMENT",
        content: f.content,
        mimeType: f.mimeType,
        originalName: f.originalName,
        requestId: r.id,
        messageId: message.id,
      });
    }
    await writeAuditEvent(tx, {
      actor,
      action: "message.posted",
      entity: "Message",
      entityId: message.id,
      requestId: r.id,
      data: { author: "REQUESTER", attachments: inspected.length },
    });
    const resumed = r.status === "WAITING_FOR_REQUESTER";
    if (resumed) {
      // The answer came: the paused clock runs again (docs/design.md §4).
      const { count } = await tx.request.updateMany({
        where: { id: r.id, status: "WAITING_FOR_REQUESTER", version: r.version },
        data: { status: "IN_PROGRESS", ...resumedClock(r, now), version: { increment: 1 } },
      });
      if (count === 0) throw new AppError("STALE_VERSION", "request changed while posting");
      await writeAuditEvent(tx, {
        actor,
        action: "request.resumed",
        entity: "Request",
        entityId: r.id,
        requestId: r.id,
        data: { from: "WAITING_FOR_REQUESTER", to: "IN_PROGRESS", by: "requester_message" },
      });
    }
    return { messageId: message.id, resumed };
  });
}
