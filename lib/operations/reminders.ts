import { DAY_MS } from "@/lib/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { systemActor } from "@/lib/audit/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { getSettings } from "@/lib/settings/get-settings";
import { resumeClock } from "@/lib/deadlines/deadline-clock";
import { registerJob } from "@/lib/jobs/registry";
import { requesterAbandonedMail, requesterWaitingMail, staffDigestMail, type DigestLine } from "./reminder-mail";

const openStatuses = ["RECEIVED", "IN_PROGRESS", "WAITING_FOR_REQUESTER", "DECIDED"] as const;
/** The warning goes this many days before a waiting request is closed. */
const WARN_DAYS_BEFORE = 7;

/** A digest lists this many requests at most; the rest are counted ("and N more in the console"). */
export const DIGEST_LINES = 50;

/**
 * One digest per staff member with due-soon or overdue requests assigned to them (when
 * they want digests); overdue requests nobody is assigned to go to every officer.
 * Paused requests are not due: their clock is stopped. Counts come from the database and
 * each mail lists only the most urgent requests, so a backlog of thousands stays a short
 * mail and a small query (an uncapped list once took 1.5 GB at 100,000 requests).
 */
export async function sendStaffDigests(db: PrismaClient = prisma, now = new Date()): Promise<number> {
  const { deadlines, operator } = await getSettings(db);
  const soon = new Date(now.getTime() + deadlines.dueSoonDays * DAY_MS);
  const due = { status: { in: [...openStatuses] }, pausedAt: null, dueAt: { lte: soon } };
  const [assigned, overdueByAssignee, unassignedOverdueCount] = await Promise.all([
    db.request.groupBy({ by: ["assigneeId"], where: { ...due, assigneeId: { not: null } }, _count: { _all: true } }),
    db.request.groupBy({
      by: ["assigneeId"],
      where: { ...due, assigneeId: { not: null }, dueAt: { lt: now } },
      _count: { _all: true },
    }),
    db.request.count({ where: { ...due, assigneeId: null, dueAt: { lt: now } } }),
  ]);
  const counts = new Map(assigned.map((g) => [g.assigneeId ?? "", { total: g._count._all, overdue: 0 }]));
  for (const g of overdueByAssignee) {
    const c = counts.get(g.assigneeId ?? "");
    if (c) c.overdue = g._count._all;
  }
  const staff = await db.staffUser.findMany({
    where: {
      active: true,
      digestEnabled: true,
      OR: [{ id: { in: [...counts.keys()] } }, ...(unassignedOverdueCount ? [{ role: "OFFICER" as const }] : [])],
    },
    select: { id: true, email: true, name: true, locale: true, role: true },
  });
  const linesOf = async (where: {
    assigneeId: string | null;
    dueAt: { lte: Date } | { lt: Date };
  }): Promise<DigestLine[]> =>
    (
      await db.request.findMany({
        where: { ...due, ...where },
        select: { reference: true, type: true, dueAt: true, assigneeId: true },
        orderBy: [{ dueAt: "asc" }, { reference: "asc" }],
        take: DIGEST_LINES,
      })
    ).map((r) => ({
      reference: r.reference,
      type: r.type,
      dueAt: r.dueAt,
      overdue: Boolean(r.dueAt && r.dueAt < now),
      assigned: Boolean(r.assigneeId),
    }));
  const unassignedOverdue =
    unassignedOverdueCount && staff.some((s) => s.role === "OFFICER")
      ? await linesOf({ assigneeId: null, dueAt: { lt: now } })
      : [];
  // Read first, then write in one transaction (PGlite has a single connection: a read
  // outside the transaction while it is open would wait for it forever).
  const digests: { to: string; total: number; mail: ReturnType<typeof staffDigestMail> }[] = [];
  for (const s of staff) {
    const own = counts.get(s.id);
    const officer = s.role === "OFFICER" && unassignedOverdueCount > 0;
    const total = (own?.total ?? 0) + (officer ? unassignedOverdueCount : 0);
    if (!total) continue;
    const mine = own ? await linesOf({ assigneeId: s.id, dueAt: { lte: soon } }) : [];
    const overdue = (own?.overdue ?? 0) + (officer ? unassignedOverdueCount : 0);
    const lines = [...mine, ...(officer ? unassignedOverdue : [])].slice(0, DIGEST_LINES);
    digests.push({
      to: s.email,
      total,
      mail: staffDigestMail({
        locale: s.locale,
        name: s.name,
        lines,
        total,
        overdue,
        consoleUrl: `${env().APP_URL}/console`,
        operator,
      }),
    });
  }
  const sent = digests.length;
  await db.$transaction(async (tx) => {
    for (const d of digests) await enqueueMail(tx, { to: d.to, kind: "staff.digest", ...d.mail });
    if (sent)
      await writeAuditEvent(tx, {
        actor: systemActor("reminders.digest"),
        action: "digest.sent",
        entity: "StaffUser",
        data: { recipients: sent, requests: digests.reduce((n, d) => n + d.total, 0) },
      });
  });
  return sent;
}

/**
 * Requests waiting for the requester: a warning a week before the waiting period ends
 * (once per pause), then abandonment with a notice when it has ended.
 */
export async function remindWaitingRequesters(
  db: PrismaClient = prisma,
  now = new Date(),
): Promise<{ warned: number; abandoned: number }> {
  const { deadlines, operator } = await getSettings(db);
  const waitMs = deadlines.waitForRequesterDays * DAY_MS;
  const warnAfter = new Date(now.getTime() - Math.max(0, waitMs - WARN_DAYS_BEFORE * DAY_MS));
  const candidates = await db.request.findMany({
    where: { status: "WAITING_FOR_REQUESTER", pausedAt: { lte: warnAfter } },
    select: { id: true },
    take: 200,
  });
  let warned = 0;
  let abandoned = 0;
  const statusUrl = `${env().APP_URL}/status`;
  for (const { id } of candidates) {
    const outcome = await db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Request" WHERE id = ${id} FOR UPDATE`;
      if (!locked.length) return null;
      const r = await tx.request.findUniqueOrThrow({ where: { id } });
      if (r.status !== "WAITING_FOR_REQUESTER" || !r.pausedAt) return null;
      const to = r.requesterKind === "SELF" ? r.email : (r.agentEmail ?? r.email);
      const name = r.requesterKind === "SELF" ? r.subjectName : (r.agentName ?? r.subjectName);
      const abandonOn = new Date(r.pausedAt.getTime() + waitMs);
      if (abandonOn <= now) {
        const clock = resumeClock(r, now);
        await tx.request.update({
          where: { id },
          data: {
            status: "ABANDONED",
            abandonedAt: now,
            pausedAt: null,
            pausedMs: BigInt(clock.pausedMs),
            version: { increment: 1 },
          },
        });
        const mail = requesterAbandonedMail({
          locale: r.locale,
          name,
          reference: r.reference,
          days: deadlines.waitForRequesterDays,
          statusUrl,
          operator,
        });
        const outboxId = to ? await enqueueMail(tx, { to, kind: "requester.abandoned", ...mail, requestId: id }) : null;
        await tx.notice.create({
          data: {
            requestId: id,
            kind: "ABANDONMENT",
            locale: r.locale,
            channel: to ? "EMAIL" : "POST",
            subject: mail.subject,
            bodyText: mail.text,
            outboxId,
          },
        });
        await writeAuditEvent(tx, {
          actor: systemActor("reminders.waiting"),
          action: "request.abandoned",
          entity: "Request",
          entityId: id,
          requestId: id,
          data: { reason: "no-answer", afterDays: deadlines.waitForRequesterDays },
        });
        return "abandoned" as const;
      }
      const already = await tx.notice.count({
        where: { requestId: id, kind: "ABANDONMENT_WARNING", createdAt: { gte: r.pausedAt } },
      });
      if (already) return null;
      const lastAsk = await tx.message.findFirst({
        where: { requestId: id, author: "STAFF", internal: false },
        orderBy: { createdAt: "desc" },
        select: { body: true },
      });
      const mail = requesterWaitingMail({
        locale: r.locale,
        name,
        reference: r.reference,
        needed: lastAsk?.body.slice(0, 400) ?? null,
        abandonOn,
        statusUrl,
        operator,
      });
      const outboxId = to
        ? await enqueueMail(tx, { to, kind: "requester.waiting-reminder", ...mail, requestId: id })
        : null;
      await tx.notice.create({
        data: {
          requestId: id,
          kind: "ABANDONMENT_WARNING",
          locale: r.locale,
          channel: to ? "EMAIL" : "POST",
          subject: mail.subject,
          bodyText: mail.text,
          outboxId,
        },
      });
      await writeAuditEvent(tx, {
        actor: systemActor("reminders.waiting"),
        action: "requester.reminded",
        entity: "Request",
        entityId: id,
        requestId: id,
        data: { abandonOn: abandonOn.toISOString() },
      });
      return "warned" as const;
    });
    if (outcome === "warned") warned++;
    if (outcome === "abandoned") abandoned++;
  }
  return { warned, abandoned };
}

// The digest runs once a day (slot at 00:00 UTC = 09:00 in Japan); waiting requesters hourly.
registerJob("reminders.digest", async (_p, ctx) => void (await sendStaffDigests(ctx.prisma)), {
  everyMinutes: 24 * 60,
});
registerJob("reminders.waiting", async (_p, ctx) => void (await remindWaitingRequesters(ctx.prisma)), {
  everyMinutes: 60,
});
