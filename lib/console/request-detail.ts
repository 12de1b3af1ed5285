import { z } from "zod";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { getSettings } from "@/lib/settings/get-settings";
import { appiSuitDate, deadlineStatus } from "@/lib/deadlines/deadline-clock";
import { buildRequestTimeline, type TimelineEntry } from "@/lib/timeline/request-timeline";
import { idSchema } from "@/lib/requests/shared-schemas";
import { isOpen } from "@/lib/requests/request-states";

export const requestDetailSchema = z.object({ requestId: idSchema });
export type RequestDetailInput = z.input<typeof requestDetailSchema>;

// File metadata only: content is fetched through viewDocument/viewRequestFile, which audit.
const fileMeta = {
  select: {
    id: true,
    role: true,
    mimeType: true,
    sizeBytes: true,
    originalName: true,
    createdAt: true,
    deletedAt: true,
  },
} as const;
const staffName = { select: { id: true, name: true } } as const;

async function loadDetail(requestId: string) {
  return prisma.request.findUnique({
    where: { id: requestId },
    // Hashes of the requester's secrets are no business of the page.
    omit: { statusTokenHash: true, idempotencyKey: true },
    include: {
      assignee: staffName,
      policyVersion: { select: { version: true } },
      documents: { orderBy: { createdAt: "asc" }, include: { file: fileMeta } },
      identityChecks: {
        orderBy: { createdAt: "asc" },
        include: { matchedSystem: { select: { id: true, key: true, nameJa: true, nameEn: true } } },
      },
      payments: {
        orderBy: { paidOn: "asc" },
        select: { id: true, method: true, amount: true, paidOn: true, createdAt: true },
      },
      refunds: { orderBy: { createdAt: "asc" }, select: { id: true, amount: true, reason: true, createdAt: true } },
      receipts: { select: { id: true, number: true, issuedAt: true, fileId: true } },
      messages: { orderBy: { createdAt: "asc" }, include: { attachments: fileMeta } },
      tasks: {
        orderBy: { createdAt: "asc" },
        include: { system: { select: { id: true, key: true, nameJa: true, nameEn: true, owner: true } } },
      },
      decisions: { orderBy: { createdAt: "asc" }, include: { grounds: { orderBy: { ground: "asc" } } } },
      notices: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          kind: true,
          locale: true,
          channel: true,
          subject: true,
          bodyText: true,
          fileId: true,
          postedOn: true,
          trackingNumber: true,
          createdAt: true,
          sentById: true,
        },
      },
      package: {
        include: {
          files: { orderBy: { createdAt: "asc" }, include: { file: fileMeta } },
          downloads: { orderBy: { at: "asc" } },
        },
      },
    },
  });
}

export type RequestDetail = NonNullable<Awaited<ReturnType<typeof loadDetail>>> & {
  deadline: { status: ReturnType<typeof deadlineStatus>["status"]; dueAt: Date; daysLeft: number; appiSuitDate: Date };
  feeSummary: {
    status: string;
    amount: number;
    taxAmount: number;
    paid: number;
    refunded: number;
    outstanding: number;
  };
  staffNames: Record<string, string>;
  timeline: TimelineEntry[];
};

/**
 * Everything the request page shows, in one read: details, document metadata, identity
 * checks, fee (read-only here), messages and internal notes, tasks, decisions with
 * grounds, notices, the package and the timeline from the audit log.
 */
export async function getRequestDetail(opts: {
  actor: Actor | null;
  input: RequestDetailInput;
  now?: Date;
}): Promise<RequestDetail> {
  assertPermission(opts.actor, "read:request");
  const { requestId } = parseInput(requestDetailSchema, opts.input, "request detail");
  const r = await loadDetail(requestId);
  if (!r) throw new AppError("NOT_FOUND", "request");
  const settings = await getSettings(prisma);
  const now = opts.now ?? new Date();
  const d = deadlineStatus({ ...r, open: isOpen(r.status) }, settings.deadlines.dueSoonDays, now);
  const paid = r.payments.reduce((s, p) => s + p.amount, 0);
  const refunded = r.refunds.reduce((s, p) => s + p.amount, 0);

  // Names for every staff id shown on the page (checks, decisions, approvals, tasks, notes).
  const ids = new Set<string>();
  for (const c of r.identityChecks) ids.add(c.staffId);
  for (const x of r.decisions) [x.decidedById, x.approvedById].forEach((i) => i && ids.add(i));
  for (const t of r.tasks) if (t.completedById) ids.add(t.completedById);
  for (const m of r.messages) if (m.staffId) ids.add(m.staffId);
  for (const n of r.notices) if (n.sentById) ids.add(n.sentById);
  if (r.package?.publishedById) ids.add(r.package.publishedById);
  const staff = ids.size
    ? await prisma.staffUser.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } })
    : [];

  return {
    ...r,
    deadline: { status: d.status, dueAt: d.dueAt, daysLeft: d.daysLeft, appiSuitDate: appiSuitDate(r.arrivedAt) },
    feeSummary: {
      status: r.fee,
      amount: r.feeAmount,
      taxAmount: r.feeTaxAmount,
      paid,
      refunded,
      outstanding: r.fee === "AWAITING_PAYMENT" ? Math.max(0, r.feeAmount - paid) : 0,
    },
    staffNames: Object.fromEntries(staff.map((s) => [s.id, s.name])),
    timeline: await buildRequestTimeline(prisma, r.id),
  };
}
