import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { parseInput } from "@/lib/validation";
import { getSettings } from "@/lib/settings/get-settings";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { DAY_MS, dateOnly } from "@/lib/dates";
import { loadForChange, updateRequestVersioned } from "@/lib/requests/versioned-update";
import { issueNotice } from "@/lib/notices/issue-notice";
import { closeIfComplete } from "@/lib/tasks/close-request";
import {
  publishPackageSchema,
  recordPostingSchema,
  type PublishPackageInput,
  type RecordPostingInput,
} from "./package-schemas";
import { blocked, editablePackage } from "./package-guards";

/**
 * Why a package may not be published yet, as a message key, or null. docs/design.md §3: a
 * disclosure is delivered only when identity is VERIFIED and the fee PAID or WAIVED
 * (NOT_REQUIRED when the operator charges none), after a decision to disclose.
 */
export function publishBlocker(
  r: { identity: string; fee: string; status: string; outcome: string | null },
  fileCount: number,
): string | null {
  if (r.identity !== "VERIFIED") return "console.package.blocked.identity";
  if (r.fee !== "PAID" && r.fee !== "WAIVED" && r.fee !== "NOT_REQUIRED") return "console.package.blocked.fee";
  if (r.status !== "DECIDED" || (r.outcome !== "FULFILLED" && r.outcome !== "PARTIALLY_FULFILLED"))
    return "console.package.blocked.decision";
  if (fileCount === 0) return "console.package.blocked.empty";
  return null;
}

/**
 * Publishes the package: for download, the link works until settings.delivery.downloadLinkDays
 * from now and the request closes (the disclosure is made); by post, the posting is
 * recorded next (recordPosting). The requester is told by notice either way.
 */
export async function publishPackage(opts: {
  actor: Actor | null;
  input: PublishPackageInput;
  now?: Date;
}): Promise<{ version: number; expiresAt: Date | null; closed: boolean }> {
  const { actor } = opts;
  assertPermission(actor, "publish:package");
  const q = parseInput(publishPackageSchema, opts.input, "publish package");
  const now = opts.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const ref = { id: q.requestId, version: q.version };
    const r = await loadForChange(tx, ref);
    const pkg = await editablePackage(tx, r);
    const files = await tx.packageFile.count({ where: { packageId: pkg.id } });
    const blocker = publishBlocker(r, files);
    if (blocker) throw blocked(blocker);
    const { delivery } = await getSettings(tx);
    const expiresAt =
      pkg.deliveryMethod === "ELECTRONIC" ? new Date(now.getTime() + delivery.downloadLinkDays * DAY_MS) : null;
    await tx.disclosurePackage.update({
      where: { id: pkg.id },
      data: { publishedAt: now, publishedById: actor.id, expiresAt },
    });
    let version = await updateRequestVersioned(tx, ref, {});
    await writeAuditEvent(tx, {
      actor,
      action: "package.published",
      entity: "DisclosurePackage",
      entityId: pkg.id,
      requestId: r.id,
      data: { deliveryMethod: pkg.deliveryMethod, files, expiresAt: expiresAt?.toISOString() ?? null },
    });
    await issueNotice(tx, actor, { requestId: r.id, kind: "PACKAGE_PUBLISHED" }, now);
    const closedAt = await closeIfComplete(tx, actor, r.id, now);
    version = closedAt ?? version;
    return { version, expiresAt, closed: closedAt !== null };
  });
}

/** A package delivered on paper: the posting date and tracking number; the request then closes. */
export async function recordPosting(opts: {
  actor: Actor | null;
  input: RecordPostingInput;
  now?: Date;
}): Promise<{ version: number; closed: boolean }> {
  const { actor } = opts;
  assertPermission(actor, "publish:package");
  const q = parseInput(recordPostingSchema, opts.input, "record posting");
  const now = opts.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const ref = { id: q.requestId, version: q.version };
    const r = await loadForChange(tx, ref);
    const pkg = await tx.disclosurePackage.findUnique({ where: { requestId: r.id } });
    if (!pkg?.publishedAt) throw blocked("console.package.notPublished");
    if (pkg.deliveryMethod === "ELECTRONIC") throw blocked("console.package.notByPost");
    await tx.disclosurePackage.update({
      where: { id: pkg.id },
      data: { postedOn: dateOnly(q.postedOn), trackingNumber: q.trackingNumber ?? null },
    });
    let version = await updateRequestVersioned(tx, ref, {});
    await writeAuditEvent(tx, {
      actor,
      action: "package.posted",
      entity: "DisclosurePackage",
      entityId: pkg.id,
      requestId: r.id,
      data: { postedOn: q.postedOn, hasTracking: Boolean(q.trackingNumber) },
    });
    const closedAt = await closeIfComplete(tx, actor, r.id, now);
    version = closedAt ?? version;
    return { version, closed: closedAt !== null };
  });
}

export { editablePackage };
