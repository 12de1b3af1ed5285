import { DAY_MS } from "@/lib/dates";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/validation";
import { AppError } from "@/lib/errors";
import { assertPermission } from "@/lib/server/permissions";
import { systemActor, type Actor } from "@/lib/audit/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { destroyFileContent, fileContentExists } from "@/lib/files/file-store";
import { sweepOrphanFiles } from "@/lib/files/sweep-orphan-files";
import { getSetting } from "@/lib/settings/get-settings";
import { registerJob } from "@/lib/jobs/registry";
import { endedStatuses } from "@/lib/requests/request-states";

// Retention (docs/design.md §9): identity and agent documents go N days after a request ends;
// the request itself is anonymised after the record period, keeping what statistics
// need. A legal hold stops both. "Ends" means closed, withdrawn or abandoned.

/** Files that prove identity or authority: uploads and the scans of mailed requests. */
const identityFileRoles = ["IDENTITY_DOCUMENT", "SCAN"] as const;

function endedBefore(cutoff: Date) {
  return {
    status: { in: [...endedStatuses] },
    legalHold: false,
    OR: [{ closedAt: { lt: cutoff } }, { withdrawnAt: { lt: cutoff } }, { abandonedAt: { lt: cutoff } }],
  };
}

export type PurgeResult = { requests: number; files: number };

/**
 * Marks the files deleted and audits it in one transaction per request, then removes the
 * ciphertext. If the process dies between the two, `sweepDeletedFiles` finishes the job
 * on the next run, so a file marked deleted never stays in storage.
 */
export async function purgeIdentityDocuments(db: PrismaClient = prisma, now = new Date()): Promise<PurgeResult> {
  const { documentRetentionDays } = await getSetting(db, "retention");
  const cutoff = new Date(now.getTime() - documentRetentionDays * DAY_MS);
  const due = await db.request.findMany({
    where: { ...endedBefore(cutoff), documentsPurgedAt: null },
    select: { id: true },
    take: 200,
  });
  let files = 0;
  for (const { id } of due) {
    const keys = await db.$transaction(async (tx) => {
      // Re-check under the row lock: a legal hold set meanwhile wins.
      const locked = await tx.$queryRaw<{ legalHold: boolean; documentsPurgedAt: Date | null }[]>`
        SELECT "legalHold", "documentsPurgedAt" FROM "Request" WHERE id = ${id} FOR UPDATE`;
      if (!locked[0] || locked[0].legalHold || locked[0].documentsPurgedAt) return [];
      const rows = await tx.storedFile.findMany({
        where: { requestId: id, role: { in: [...identityFileRoles] }, deletedAt: null },
        select: { id: true, storageKey: true },
      });
      await tx.storedFile.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { deletedAt: now } });
      await tx.request.update({ where: { id }, data: { documentsPurgedAt: now } });
      await writeAuditEvent(tx, {
        actor: systemActor("retention"),
        action: "documents.purged",
        entity: "Request",
        entityId: id,
        requestId: id,
        data: { files: rows.length, retentionDays: documentRetentionDays },
      });
      return rows.map((r) => r.storageKey);
    });
    for (const key of keys) await destroyFileContent(key);
    files += keys.length;
  }
  await sweepDeletedFiles(db);
  return { requests: due.length, files };
}

/** Removes the ciphertext of any file already marked deleted (crash recovery). */
export async function sweepDeletedFiles(db: PrismaClient = prisma): Promise<number> {
  const marked = await db.storedFile.findMany({
    where: { deletedAt: { not: null } },
    select: { storageKey: true },
    orderBy: { deletedAt: "desc" },
    take: 500,
  });
  let removed = 0;
  for (const f of marked) {
    if (await fileContentExists(f.storageKey)) {
      await destroyFileContent(f.storageKey);
      removed++;
    }
  }
  return removed;
}

const ANONYMISED_NAME = "（匿名化済み）";

/**
 * After the record period a request keeps only what statistics need: type, channel,
 * states, outcome, grounds, dates, fee amounts and the categories asked about.
 */
export async function anonymiseExpiredRequests(db: PrismaClient = prisma, now = new Date()): Promise<number> {
  const { recordRetentionYears } = await getSetting(db, "retention");
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - recordRetentionYears);
  const due = await db.request.findMany({
    where: { ...endedBefore(cutoff), anonymisedAt: null },
    select: { id: true },
    take: 200,
  });
  let done = 0;
  for (const { id } of due) {
    const keys = await db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<
        {
          legalHold: boolean;
          anonymisedAt: Date | null;
          details: unknown;
          email: string | null;
          agentEmail: string | null;
        }[]
      >`
        SELECT "legalHold", "anonymisedAt", details, email, "agentEmail" FROM "Request" WHERE id = ${id} FOR UPDATE`;
      const row = locked[0];
      if (!row || row.legalHold || row.anonymisedAt) return null;
      const files = await tx.storedFile.findMany({
        where: { requestId: id, deletedAt: null },
        select: { id: true, storageKey: true },
      });
      await tx.storedFile.updateMany({
        where: { id: { in: files.map((f) => f.id) } },
        data: { deletedAt: now, originalName: "" },
      });
      await tx.message.updateMany({ where: { requestId: id }, data: { body: "" } });
      await tx.notice.updateMany({
        where: { requestId: id },
        data: { bodyText: "", subject: "", trackingNumber: null },
      });
      await tx.payment.updateMany({ where: { requestId: id }, data: { payerName: null } });
      await tx.bankStatementLine.updateMany({ where: { requestId: id }, data: { payerName: "" } });
      await tx.identityCheck.updateMany({ where: { requestId: id }, data: { matchedRecord: null, reason: null } });
      await tx.oneTimeCode.deleteMany({ where: { requestId: id } });
      await tx.requesterSession.deleteMany({ where: { requestId: id } });
      // The person's mail: every message about this request, and the codes sent to their
      // addresses before the request existed (no request named on them).
      const addresses = [row.email, row.agentEmail].filter((a): a is string => Boolean(a));
      const mails = await tx.outboxMessage.deleteMany({
        where: {
          OR: [
            { requestId: id },
            ...(addresses.length
              ? [{ requestId: null, toAddress: { in: addresses, mode: "insensitive" as const } }]
              : []),
          ],
        },
      });
      await tx.request.update({
        where: { id },
        data: {
          subjectName: ANONYMISED_NAME,
          subjectNameKana: null,
          subjectBirthDate: null,
          postalCode: null,
          city: null,
          addressLine: null,
          email: null,
          emailNormalized: null,
          phone: null,
          customerId: null,
          agentName: null,
          agentNameKana: null,
          agentEmail: null,
          agentPhone: null,
          agentAddress: null,
          details: statisticalDetails(row.details),
          statusTokenHash: null,
          feeWaiverReason: null,
          anonymisedAt: now,
          documentsPurgedAt: now,
        },
      });
      await writeAuditEvent(tx, {
        actor: systemActor("retention"),
        action: "request.anonymised",
        entity: "Request",
        entityId: id,
        requestId: id,
        data: { files: files.length, mails: mails.count, retentionYears: recordRetentionYears },
      });
      return files.map((f) => f.storageKey);
    });
    if (keys === null) continue;
    for (const key of keys) await destroyFileContent(key);
    done++;
  }
  return done;
}

/** Keeps the categories and choices (numbers and enum values), drops any free text. */
function statisticalDetails(details: unknown): Prisma.InputJsonObject {
  if (!details || typeof details !== "object") return {};
  const keep = [
    "categories",
    "deliveryMethod",
    "includeProvisionRecords",
    "action",
    "ground",
    "purpose",
    "wanted",
    "topic",
  ];
  const out: Record<string, Prisma.InputJsonValue> = {};
  for (const k of keep) {
    const v = (details as Record<string, Prisma.InputJsonValue | undefined>)[k];
    if (v !== undefined && (typeof v !== "string" || v.length <= 40)) out[k] = v;
  }
  return out;
}

export const legalHoldSchema = z.object({
  requestId: z.string().min(1),
  hold: z.boolean(),
  reason: z.string().trim().min(1, "errors.required").max(500, "errors.tooLong"),
});

/** An officer puts a request on legal hold (e.g. litigation) or lifts it, with a reason. */
export async function setLegalHold(opts: { actor: Actor | null; input: unknown }): Promise<void> {
  const { actor } = opts;
  assertPermission(actor, "hold:request");
  const input = parseInput(legalHoldSchema, opts.input, "legal hold");
  await prisma.$transaction(async (tx) => {
    const updated = await tx.request.updateMany({
      where: { id: input.requestId },
      data: { legalHold: input.hold, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw new AppError("NOT_FOUND");
    // The reason may name people; the audit keeps only that one was given.
    await tx.message.create({
      data: { requestId: input.requestId, author: "STAFF", staffId: actor.id, internal: true, body: input.reason },
    });
    await writeAuditEvent(tx, {
      actor,
      action: input.hold ? "request.legal-hold-set" : "request.legal-hold-lifted",
      entity: "Request",
      entityId: input.requestId,
      requestId: input.requestId,
    });
  });
}

registerJob(
  "retention.purge",
  async (_payload, ctx) => {
    await purgeIdentityDocuments(ctx.prisma);
    await anonymiseExpiredRequests(ctx.prisma);
    await sweepOrphanFiles(ctx.prisma);
  },
  { everyMinutes: 60 },
);
