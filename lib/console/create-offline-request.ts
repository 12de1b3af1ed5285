import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf, parseInput } from "@/lib/validation";
import { getSettings } from "@/lib/settings/get-settings";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { storeFile } from "@/lib/files/file-store";
import { dateOnly, jstDate, jstMidnight } from "@/lib/dates";
import { dueAtFor } from "@/lib/deadlines/deadline-clock";
import { nextReference } from "@/lib/requests/next-reference";
import { detailsSchemas, WIZARD_REQUEST_TYPES } from "@/lib/requests/request-schemas";
import { inquiryDetailsSchema } from "@/lib/requests/stored-details";
import { feeFieldsForNewRequest } from "@/lib/fees/transfer-reference";
import { inspectUpload } from "@/lib/uploads/inspect-upload";
import { issueNotice } from "@/lib/notices/issue-notice";
import { normalizeEmail } from "./search-terms";
import { needsIdentity } from "@/lib/requests/request-states";
import { createOfflineRequestSchema, type CreateOfflineRequestInput } from "./offline-request-schema";

export { createOfflineRequestSchema, type CreateOfflineRequestInput };

function parseDetails(type: CreateOfflineRequestInput["type"], details: unknown): Record<string, unknown> {
  const schema = (WIZARD_REQUEST_TYPES as readonly string[]).includes(type)
    ? detailsSchemas[type as keyof typeof detailsSchemas]
    : inquiryDetailsSchema;
  const parsed = schema.safeParse(details);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const errors = Object.fromEntries(Object.entries(fieldErrorsOf(parsed.error)).map(([k, v]) => [`details.${k}`, v]));
  throw new AppError("INVALID_INPUT", "details", errors);
}

/**
 * A request that came by post, email, phone or at the counter, entered by staff. The
 * clock starts on the arrival day (midnight JST), not on the day of entry; scans are
 * stored encrypted as SCAN files with a Document each; the acknowledgement notice goes
 * by email, or is kept for posting when there is no address.
 */
export async function createOfflineRequest(opts: {
  actor: Actor | null;
  input: CreateOfflineRequestInput;
  now?: Date;
}): Promise<{ requestId: string; reference: string; version: number }> {
  const { actor } = opts;
  assertPermission(actor, "create:request");
  const q = parseInput(createOfflineRequestSchema, opts.input, "offline request");
  const now = opts.now ?? new Date();
  if (q.arrivedOn > jstDate(now))
    throw new AppError("INVALID_INPUT", "arrival in future", { arrivedOn: ["console.errors.dateInFuture"] });
  const details = parseDetails(q.type, q.details);
  const scans = await Promise.all(
    q.documents.map((d, i) => inspectUpload({ bytes: d.content, name: d.fileName }, { field: `documents.${i}.file` })),
  );
  const settings = await getSettings(prisma);
  const arrivedAt = jstMidnight(q.arrivedOn);
  const targetDays = settings.deadlines.targetDays;
  const policy = await prisma.policyVersion.findFirst({
    where: { effectiveDate: { lte: arrivedAt } },
    orderBy: { effectiveDate: "desc" },
    select: { id: true },
  });

  return prisma.$transaction(async (tx) => {
    const reference = await nextReference(tx, arrivedAt);
    const request = await tx.request.create({
      data: {
        type: q.type,
        channel: q.channel,
        locale: q.locale,
        requesterKind: q.requesterKind,
        subjectName: q.subjectName,
        subjectNameKana: q.subjectNameKana,
        country: q.country,
        postalCode: q.postalCode,
        prefecture: q.prefecture,
        city: q.city,
        addressLine: q.addressLine,
        phone: q.phone,
        customerId: q.customerId,
        relationship: q.relationship,
        agentName: q.agentName,
        agentNameKana: q.agentNameKana,
        agentEmail: q.agentEmail,
        agentPhone: q.agentPhone,
        agentAddress: q.agentAddress,
        reference,
        identity: needsIdentity(q.type) ? "PENDING" : "NOT_REQUIRED",
        ...feeFieldsForNewRequest(q.type, settings.fee, reference),
        arrivedAt,
        targetDays,
        dueAt: dueAtFor({ arrivedAt, targetDays, pausedMs: 0n, pausedAt: null }),
        subjectBirthDate: q.subjectBirthDate ? dateOnly(q.subjectBirthDate) : null,
        email: q.email ?? null,
        emailNormalized: q.email ? normalizeEmail(q.email) : null,
        details: { ...details, documentsByPost: q.channel === "POST" } as object,
        assigneeId: q.assignToMe ? actor.id : null,
        policyVersionId: policy?.id ?? null,
      },
      select: { id: true, version: true, fee: true },
    });
    for (const [i, scan] of scans.entries()) {
      const d = q.documents[i];
      if (!d) continue;
      const file = await storeFile(tx, {
        role: "SCAN",
        content: scan.content,
        mimeType: scan.mimeType,
        originalName: scan.originalName,
        requestId: request.id,
        uploadedById: actor.id,
      });
      await tx.document.create({
        data: {
          requestId: request.id,
          fileId: file.id,
          kind: d.kind,
          holder: d.holder,
          issuedOn: d.issuedOn ? dateOnly(d.issuedOn) : null,
          sentByPost: q.channel === "POST",
        },
      });
    }
    if (q.note)
      await tx.message.create({
        data: { requestId: request.id, author: "STAFF", staffId: actor.id, body: q.note, internal: true },
      });
    await writeAuditEvent(tx, {
      actor,
      action: "request.created_offline",
      entity: "Request",
      entityId: request.id,
      requestId: request.id,
      data: {
        type: q.type,
        channel: q.channel,
        arrivedOn: q.arrivedOn,
        documents: scans.length,
        requesterKind: q.requesterKind,
      },
    });
    await issueNotice(tx, actor, { requestId: request.id, kind: "ACKNOWLEDGEMENT" }, now);
    // The acknowledgement promises that payment guidance follows: here it is — amount,
    // account and transfer reference, by mail or as a letter to post (issue 17, bug 3).
    if (request.fee === "AWAITING_PAYMENT")
      await issueNotice(tx, actor, { requestId: request.id, kind: "PAYMENT_REQUEST" }, now);
    return { requestId: request.id, reference, version: request.version };
  });
}
