import type { DocumentHolder, IdentityStatus } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { loadForChange, updateRequestVersioned } from "@/lib/requests/versioned-update";
import { isOpen } from "@/lib/requests/request-states";
import { pausedClock, resumedClock } from "@/lib/requests/clock-changes";
import { issueNotice } from "@/lib/notices/issue-notice";
import {
  recordIdentityCheckSchema,
  requestClearerCopySchema,
  type RecordIdentityCheckInput,
  type RequestClearerCopyInput,
} from "./identity-schemas";

export {
  recordIdentityCheckSchema,
  requestClearerCopySchema,
  type RecordIdentityCheckInput,
  type RequestClearerCopyInput,
};

/**
 * The request's identity from the latest check of each holder that must be checked:
 * the subject always, the agent's authority too when an agent acts. VERIFIED only when
 * all are verified; FAILED as soon as the latest check of one failed.
 */
export function identityFromChecks(
  checks: { holder: DocumentHolder; result: IdentityStatus }[],
  needsAgent: boolean,
): IdentityStatus {
  const latest = new Map<DocumentHolder, IdentityStatus>();
  for (const c of checks) latest.set(c.holder, c.result); // checks are in time order
  const required: DocumentHolder[] = needsAgent ? ["SUBJECT", "AGENT"] : ["SUBJECT"];
  if (required.some((h) => latest.get(h) === "FAILED")) return "FAILED";
  return required.every((h) => latest.get(h) === "VERIFIED") ? "VERIFIED" : "PENDING";
}

export async function recordIdentityCheck(opts: {
  actor: Actor | null;
  input: RecordIdentityCheckInput;
  now?: Date;
}): Promise<{ version: number; identity: IdentityStatus; checkId: string }> {
  const { actor } = opts;
  assertPermission(actor, "verify:identity");
  const q = parseInput(recordIdentityCheckSchema, opts.input, "identity check");
  const now = opts.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const ref = { id: q.requestId, version: q.version };
    const r = await loadForChange(tx, ref);
    if (!isOpen(r.status))
      throw new AppError("INVALID_STATE", "console.state.requestClosed", { _form: ["console.state.requestClosed"] });
    if (r.identity === "NOT_REQUIRED")
      throw new AppError("INVALID_STATE", "console.state.identityNotRequired", {
        _form: ["console.state.identityNotRequired"],
      });
    if (q.holder === "AGENT" && r.requesterKind === "SELF")
      throw new AppError("INVALID_INPUT", "no agent", { holder: ["console.errors.noAgent"] });
    if (
      q.matchedSystemId &&
      !(await tx.systemOfRecord.findUnique({ where: { id: q.matchedSystemId }, select: { id: true } }))
    )
      throw new AppError("INVALID_INPUT", "system", { matchedSystemId: ["console.errors.unknownSystem"] });

    const check = await tx.identityCheck.create({
      data: {
        requestId: r.id,
        staffId: actor.id,
        holder: q.holder,
        result: q.result,
        matchedRecord: q.matchedRecord ?? null,
        matchedSystemId: q.matchedSystemId ?? null,
        reason: q.reason ?? null,
      },
      select: { id: true },
    });
    const checks = await tx.identityCheck.findMany({
      where: { requestId: r.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { holder: true, result: true, id: true },
    });
    // The new check is the latest whatever the clock resolution says.
    const ordered = [...checks.filter((c) => c.id !== check.id), { holder: q.holder, result: q.result }];
    const identity = identityFromChecks(ordered, r.requesterKind !== "SELF");
    // Recording a check means staff are working it: a waiting request resumes its clock.
    const status = r.status === "RECEIVED" || r.status === "WAITING_FOR_REQUESTER" ? "IN_PROGRESS" : r.status;
    const clock = r.status === "WAITING_FOR_REQUESTER" ? resumedClock(r, now) : {};
    const version = await updateRequestVersioned(tx, ref, { identity, status, ...clock });
    await writeAuditEvent(tx, {
      actor,
      action: "identity.checked",
      entity: "IdentityCheck",
      entityId: check.id,
      requestId: r.id,
      data: {
        holder: q.holder,
        result: q.result,
        identity,
        from: r.identity,
        matchedSystemId: q.matchedSystemId ?? null,
        matchedRecord: Boolean(q.matchedRecord),
      },
    });
    return { version, identity, checkId: check.id };
  });
}

/**
 * Asks the requester for a clearer or masked copy: a message on their status page and a
 * notice by mail, the named documents marked, and the clock paused until they answer.
 */
export async function requestClearerCopy(opts: {
  actor: Actor | null;
  input: RequestClearerCopyInput;
  now?: Date;
}): Promise<{ version: number; messageId: string; noticeId: string }> {
  const { actor } = opts;
  assertPermission(actor, "verify:identity");
  const q = parseInput(requestClearerCopySchema, opts.input, "clearer copy");
  const now = opts.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const ref = { id: q.requestId, version: q.version };
    const r = await loadForChange(tx, ref);
    if (!isOpen(r.status))
      throw new AppError("INVALID_STATE", "console.state.requestClosed", { _form: ["console.state.requestClosed"] });
    if (q.documentIds.length) {
      const { count } = await tx.document.updateMany({
        where: { id: { in: q.documentIds }, requestId: r.id },
        data: { review: q.review },
      });
      if (count !== new Set(q.documentIds).size)
        throw new AppError("INVALID_INPUT", "documents", { documentIds: ["console.errors.unknownDocument"] });
    }
    const message = await tx.message.create({
      data: { requestId: r.id, author: "STAFF", staffId: actor.id, body: q.message, internal: false },
      select: { id: true },
    });
    const version = await updateRequestVersioned(tx, ref, { status: "WAITING_FOR_REQUESTER", ...pausedClock(r, now) });
    await writeAuditEvent(tx, {
      actor,
      action: "identity.clearer_copy_requested",
      entity: "Request",
      entityId: r.id,
      requestId: r.id,
      data: { documentIds: q.documentIds, review: q.review, messageId: message.id, from: r.status },
    });
    const notice = await issueNotice(
      tx,
      actor,
      { requestId: r.id, kind: "INFORMATION_NEEDED", message: q.message },
      now,
    );
    return { version, messageId: message.id, noticeId: notice.noticeId };
  });
}
