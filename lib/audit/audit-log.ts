import { DATE_ONLY, jstDayEnd, jstMidnight } from "@/lib/dates";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ActorType } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "./write-audit-event";
import { verifyAuditChain, type AuditChainReport } from "./verify-audit-chain";
import type { Actor } from "./actor";

// The audit log as admins read it (/console/audit): every entry, with or without a
// request — settings changes, exports, sign-ins, file views — filtered by action, actor,
// day (JST) and request reference, newest first. Entries carry no personal data by
// construction (write-audit-event), so showing their data is safe.

export const AUDIT_PAGE_SIZE = 50;
const day = z.string().regex(DATE_ONLY, "console.errors.date");

export const auditFilterSchema = z.object({
  action: z
    .string()
    .trim()
    .max(80)
    .regex(/^[a-z_.-]*$/, "console.errors.invalid")
    .optional(),
  /** A staff member's id, or an actor type (SYSTEM, REQUESTER, API_TOKEN) for the others. */
  actor: z.union([z.enum(ActorType), z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)]).optional(),
  from: day.optional(),
  to: day.optional(),
  reference: z.string().trim().max(40).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type AuditFilter = z.input<typeof auditFilterSchema>;

export type AuditRow = {
  seq: string;
  at: Date;
  actorType: ActorType;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  requestId: string | null;
  reference: string | null;
  data: Prisma.JsonValue;
};

export async function listAuditEvents(opts: { actor: Actor | null; input: AuditFilter }): Promise<{
  rows: AuditRow[];
  page: number;
  hasNextPage: boolean;
  actions: string[];
  staff: { id: string; name: string }[];
}> {
  assertPermission(opts.actor, "read:audit");
  const q = parseInput(auditFilterSchema, opts.input, "audit filters");
  const and: Prisma.AuditEventWhereInput[] = [];
  if (q.action) and.push(q.action.endsWith(".") ? { action: { startsWith: q.action } } : { action: q.action });
  if (q.actor)
    and.push(
      (Object.values(ActorType) as string[]).includes(q.actor)
        ? { actorType: q.actor as ActorType }
        : { actorType: "STAFF", actorId: q.actor },
    );
  if (q.from) and.push({ at: { gte: jstMidnight(q.from) } });
  if (q.to) and.push({ at: { lt: jstDayEnd(q.to) } });
  if (q.reference) {
    const r = await prisma.request.findUnique({
      where: { reference: q.reference.normalize("NFKC").toUpperCase() },
      select: { id: true },
    });
    and.push({ requestId: r?.id ?? "-none-" });
  }
  const found = await prisma.auditEvent.findMany({
    where: and.length ? { AND: and } : {},
    orderBy: { seq: "desc" },
    skip: (q.page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE + 1,
  });
  const page = found.slice(0, AUDIT_PAGE_SIZE);
  const staffIds = [
    ...new Set(page.filter((e) => e.actorType === "STAFF" && e.actorId).map((e) => e.actorId as string)),
  ];
  const requestIds = [...new Set(page.map((e) => e.requestId).filter((x): x is string => Boolean(x)))];
  const [names, refs, actions, staff] = await Promise.all([
    staffIds.length
      ? prisma.staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } })
      : [],
    requestIds.length
      ? prisma.request.findMany({ where: { id: { in: requestIds } }, select: { id: true, reference: true } })
      : [],
    prisma.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
    prisma.staffUser.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const refOf = new Map(refs.map((r) => [r.id, r.reference]));
  return {
    rows: page.map((e) => ({
      seq: e.seq.toString(),
      at: e.at,
      actorType: e.actorType,
      actorId: e.actorId,
      actorName: e.actorType === "STAFF" && e.actorId ? (nameOf.get(e.actorId) ?? null) : null,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      requestId: e.requestId,
      reference: e.requestId ? (refOf.get(e.requestId) ?? null) : null,
      data: e.data,
    })),
    page: q.page,
    hasNextPage: found.length > AUDIT_PAGE_SIZE,
    actions: actions.map((a) => a.action),
    staff,
  };
}

/**
 * The same walk as `npm run audit:verify`, started from the console. The check itself is
 * recorded (after it ran, so it never checks its own entry).
 */
export async function verifyAuditChainAsAdmin(opts: { actor: Actor | null }): Promise<AuditChainReport> {
  const { actor } = opts;
  assertPermission(actor, "read:audit");
  const report = await verifyAuditChain(prisma);
  await prisma.$transaction((tx) =>
    writeAuditEvent(tx, {
      actor,
      action: "audit.chain_verified",
      entity: "AuditEvent",
      data: report.ok
        ? { ok: true, checked: report.checked }
        : { ok: false, checked: report.checked, brokenSeq: report.brokenSeq.toString(), reason: report.reason },
    }),
  );
  return report;
}
