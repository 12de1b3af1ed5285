import type { z } from "zod";
import type { Tx } from "@/lib/server/db";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { requestRefSchema } from "@/lib/requests/shared-schemas";
import { loadForChange, updateRequestVersioned } from "@/lib/requests/versioned-update";
import { issueNotice } from "@/lib/notices/issue-notice";
import { announce } from "@/lib/integrations/announce";

export type Completeness = { complete: boolean; reason: string | null; taskCount: number };

/**
 * Whether a decided request has nothing left to do: every task DONE or EXPLAINED, and a
 * granted disclosure actually delivered (published for download, or posted).
 */
export async function requestCompleteness(tx: Tx, requestId: string): Promise<Completeness> {
  const r = await tx.request.findUnique({
    where: { id: requestId },
    include: { tasks: { select: { status: true } }, package: true },
  });
  if (!r) throw new AppError("NOT_FOUND", "request");
  const taskCount = r.tasks.length;
  if (r.status !== "DECIDED") return { complete: false, reason: "console.state.notDecided", taskCount };
  if (r.tasks.some((t) => t.status !== "DONE" && t.status !== "EXPLAINED"))
    return { complete: false, reason: "console.state.tasksOpen", taskCount };
  const grantsDisclosure =
    r.type === "DISCLOSURE" && (r.outcome === "FULFILLED" || r.outcome === "PARTIALLY_FULFILLED");
  const delivered = Boolean(
    r.package?.publishedAt && (r.package.deliveryMethod === "ELECTRONIC" || r.package.postedOn),
  );
  if (grantsDisclosure && !delivered) return { complete: false, reason: "console.state.notDelivered", taskCount };
  return { complete: true, reason: null, taskCount };
}

/**
 * Closes a decided request in the caller's transaction when it is complete; when there
 * was work (tasks), the requester gets the completion notice (Art 7.2, Art 8).
 * Returns the new version, or null when something is still open.
 */
export async function closeIfComplete(tx: Tx, actor: Actor, requestId: string, now: Date): Promise<number | null> {
  const c = await requestCompleteness(tx, requestId);
  if (!c.complete) return null;
  const r = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { id: true, version: true } });
  const version = await updateRequestVersioned(tx, r, { status: "CLOSED", closedAt: now });
  await writeAuditEvent(tx, {
    actor,
    action: "request.closed",
    entity: "Request",
    entityId: r.id,
    requestId: r.id,
    data: { tasks: c.taskCount },
  });
  await announce(tx, { event: "request.closed", requestId: r.id }); // webhook to systems that had tasks (issue 9)
  if (c.taskCount > 0) await issueNotice(tx, actor, { requestId: r.id, kind: "COMPLETION" }, now);
  return version;
}

export const closeRequestSchema = requestRefSchema;
export type CloseRequestInput = z.input<typeof closeRequestSchema>;

/** The explicit close: refused with the reason key while tasks are open or nothing was delivered. */
export async function closeRequestIfComplete(opts: {
  actor: Actor | null;
  input: CloseRequestInput;
  now?: Date;
}): Promise<{ version: number }> {
  const { actor } = opts;
  assertPermission(actor, "work:task");
  const q = parseInput(closeRequestSchema, opts.input, "close request");
  return prisma.$transaction(async (tx) => {
    await loadForChange(tx, { id: q.requestId, version: q.version });
    const c = await requestCompleteness(tx, q.requestId);
    if (!c.complete)
      throw new AppError("INVALID_STATE", c.reason ?? "incomplete", { _form: [c.reason ?? "console.state.tasksOpen"] });
    const version = await closeIfComplete(tx, actor, q.requestId, opts.now ?? new Date());
    return { version: version ?? q.version };
  });
}
