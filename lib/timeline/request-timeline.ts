import { z } from "zod";
import type { ActorType } from "@/lib/generated/prisma/enums";
import { prisma, type Db } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { parseInput } from "@/lib/validation";
import { idSchema } from "@/lib/requests/shared-schemas";
import { timelineMessageKey } from "./timeline-actions";

export type TimelineEntry = {
  seq: string;
  at: Date;
  action: string;
  /** next-intl key, e.g. console.timeline.decision.approved; values come from `data`. */
  messageKey: string;
  actor: { type: ActorType; id: string | null; name: string | null };
  /** The audit entry's data: ids, states and field names only, never personal data. */
  data: Record<string, unknown>;
};

/**
 * The story of one request, read from the audit log in chain order, with the staff
 * member's name for each step (the audit row keeps only the id).
 */
export async function buildRequestTimeline(db: Db, requestId: string): Promise<TimelineEntry[]> {
  const events = await db.auditEvent.findMany({ where: { requestId }, orderBy: { seq: "asc" } });
  const staffIds = [
    ...new Set(events.filter((e) => e.actorType === "STAFF" && e.actorId).map((e) => e.actorId as string)),
  ];
  const staff = staffIds.length
    ? await db.staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(staff.map((s) => [s.id, s.name]));
  return events.map((e) => ({
    seq: e.seq.toString(),
    at: e.at,
    action: e.action,
    messageKey: timelineMessageKey(e.action),
    actor: {
      type: e.actorType,
      id: e.actorId,
      name: e.actorType === "STAFF" && e.actorId ? (names.get(e.actorId) ?? null) : null,
    },
    data: e.data && typeof e.data === "object" && !Array.isArray(e.data) ? (e.data as Record<string, unknown>) : {},
  }));
}

export const requestTimelineSchema = z.object({ requestId: idSchema });

export async function requestTimeline(opts: {
  actor: Actor | null;
  input: z.input<typeof requestTimelineSchema>;
}): Promise<TimelineEntry[]> {
  assertPermission(opts.actor, "read:request");
  const { requestId } = parseInput(requestTimelineSchema, opts.input, "timeline");
  return buildRequestTimeline(prisma, requestId);
}
