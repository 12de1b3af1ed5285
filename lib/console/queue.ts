import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  Channel,
  FeeStatus,
  IdentityStatus,
  Outcome,
  RequestStatus,
  RequestType,
} from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { parseInput } from "@/lib/validation";
import { getSettings } from "@/lib/settings/get-settings";
import { DAY_MS, jstMidnight, jstDate } from "@/lib/dates";
import { appiSuitDate, deadlineStatus, type DeadlineStatus } from "@/lib/deadlines/deadline-clock";
import { isOpen } from "@/lib/requests/request-states";
import { likeEscape, parseSearch, type SearchTerm } from "./search-terms";
import { listQueueSchema, QUEUE_PAGE_SIZE, type ListQueueInput } from "./queue-schema";

export { listQueueSchema, QUEUE_PAGE_SIZE, type ListQueueInput };

export type QueueRow = {
  id: string;
  reference: string;
  type: RequestType;
  status: RequestStatus;
  identity: IdentityStatus;
  fee: FeeStatus;
  outcome: Outcome | null;
  channel: Channel;
  subjectName: string;
  subjectNameKana: string | null;
  assignee: { id: string; name: string } | null;
  arrivedAt: Date;
  dueAt: Date;
  daysLeft: number;
  deadlineStatus: DeadlineStatus;
  /** APPI Art 39: from this day the requester may sue. */
  appiSuitDate: Date;
  version: number;
};

export type QueuePage = {
  rows: QueueRow[];
  page: number;
  pageSize: number;
  hasNextPage: boolean;
  /** Matching requests, counted up to COUNT_CAP so a page never scans the whole table. */
  total: number;
  totalIsCapped: boolean;
  /**
   * With a search and nothing on this page: how many requests the search matches once the
   * filters are set aside (0 when none), so the page can say a filter hid them.
   */
  hiddenByFilters: number;
};

const COUNT_CAP = 1000;
/** Name search is the one unanchored match; it looks at this many candidates at most. */
const NAME_MATCH_LIMIT = 500;
const clockRunning: RequestStatus[] = ["RECEIVED", "IN_PROGRESS"];

/**
 * Name search strips spaces on both sides, which no b-tree index serves: it is the one
 * leading-wildcard match in the queue (documented in docs/ and the brief). Everything
 * else is equality or a range on indexed columns: reference (unique), emailNormalized,
 * status/type/assignee with dueAt.
 */
async function nameMatches(term: Extract<SearchTerm, { kind: "name" }>): Promise<string[]> {
  const kanji = `%${likeEscape(term.name)}%`;
  const kana = `%${likeEscape(term.kana)}%`;
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Request"
    WHERE translate("subjectName", E' \u3000', '') ILIKE ${kanji}
       OR translate(coalesce("subjectNameKana", ''), E' \u3000', '') ILIKE ${kana}
    ORDER BY "dueAt" ASC NULLS LAST
    LIMIT ${NAME_MATCH_LIMIT}`;
  return rows.map((r) => r.id);
}

async function searchWhere(raw: string | undefined): Promise<Prisma.RequestWhereInput | null> {
  const term = raw ? parseSearch(raw) : null;
  if (!term) return null;
  switch (term.kind) {
    case "reference":
      return { OR: [...(term.exact ? [{ reference: term.exact }] : []), { reference: { startsWith: term.prefix } }] };
    case "email":
      return { emailNormalized: term.email };
    case "name":
      return { id: { in: await nameMatches(term) } };
  }
}

/**
 * The staff queue: one page of 25 (offset pagination), by due date unless asked
 * otherwise, with the deadline as the desk sees it (days left in JST, paused clocks).
 */
export async function listQueue(opts: { actor: Actor | null; input: ListQueueInput; now?: Date }): Promise<QueuePage> {
  const { actor } = opts;
  assertPermission(actor, "read:request");
  const q = parseInput(listQueueSchema, opts.input, "queue filters");
  const now = opts.now ?? new Date();
  const settings = await getSettings(prisma);
  const dueSoonDays = settings.deadlines.dueSoonDays;

  const and: Prisma.RequestWhereInput[] = [];
  if (q.type?.length) and.push({ type: { in: q.type } });
  if (q.status?.length) and.push({ status: { in: q.status } });
  if (q.identity?.length) and.push({ identity: { in: q.identity } });
  if (q.fee?.length) and.push({ fee: { in: q.fee } });
  if (q.channel?.length) and.push({ channel: { in: q.channel } });
  if (q.assignee === "me") and.push({ assigneeId: actor.id });
  else if (q.assignee === "unassigned") and.push({ assigneeId: null });
  else if (q.assignee) and.push({ assigneeId: q.assignee });
  if (q.overdue || q.dueSoon) {
    // A paused clock is neither due soon nor overdue; a decided request has stopped it.
    const windowEnd = new Date(jstMidnight(jstDate(now)).getTime() + (dueSoonDays + 1) * DAY_MS);
    const ranges: Prisma.RequestWhereInput[] = [];
    if (q.overdue) ranges.push({ dueAt: { lt: now } });
    if (q.dueSoon) ranges.push({ dueAt: { gte: now, lt: windowEnd } });
    and.push({ status: { in: clockRunning }, pausedAt: null, OR: ranges });
  }
  const search = await searchWhere(q.search);
  const filtersSet = and.length > 0;
  if (search) and.push(search);
  const where: Prisma.RequestWhereInput = and.length ? { AND: and } : {};

  const orderBy: Prisma.RequestOrderByWithRelationInput[] =
    q.sort === "dueAt"
      ? [{ dueAt: { sort: q.direction, nulls: "last" } }, { reference: q.direction }]
      : q.sort === "arrivedAt"
        ? [{ arrivedAt: q.direction }, { reference: q.direction }]
        : [{ reference: q.direction }];
  const skip = (q.page - 1) * QUEUE_PAGE_SIZE;

  const [found, counted] = await Promise.all([
    prisma.request.findMany({
      where,
      orderBy,
      skip,
      take: QUEUE_PAGE_SIZE + 1,
      select: {
        id: true,
        reference: true,
        type: true,
        status: true,
        identity: true,
        fee: true,
        outcome: true,
        channel: true,
        subjectName: true,
        subjectNameKana: true,
        arrivedAt: true,
        targetDays: true,
        pausedAt: true,
        pausedMs: true,
        dueAt: true,
        version: true,
        assigneeId: true,
      },
    }),
    // COUNT(*) over at most COUNT_CAP + 1 rows, computed in the database.
    prisma.request.count({ where, take: COUNT_CAP + 1 }),
  ]);

  // Names of the page's assignees in one small query: a joined relation made the
  // planner work on the whole table before the LIMIT (measured by npm run bench).
  const page = found.slice(0, QUEUE_PAGE_SIZE);
  const assigneeIds = [...new Set(page.map((r) => r.assigneeId).filter((id): id is string => Boolean(id)))];
  const assignees = assigneeIds.length
    ? await prisma.staffUser.findMany({ where: { id: { in: assigneeIds } }, select: { id: true, name: true } })
    : [];
  const assigneeById = new Map(assignees.map((a) => [a.id, a]));
  const rows = page.map((r): QueueRow => {
    const d = deadlineStatus(
      {
        arrivedAt: r.arrivedAt,
        targetDays: r.targetDays,
        pausedMs: r.pausedMs,
        pausedAt: r.pausedAt,
        open: isOpen(r.status),
      },
      dueSoonDays,
      now,
    );
    return {
      id: r.id,
      reference: r.reference,
      type: r.type,
      status: r.status,
      identity: r.identity,
      fee: r.fee,
      outcome: r.outcome,
      channel: r.channel,
      subjectName: r.subjectName,
      subjectNameKana: r.subjectNameKana,
      assignee: r.assigneeId ? (assigneeById.get(r.assigneeId) ?? null) : null,
      arrivedAt: r.arrivedAt,
      dueAt: d.dueAt,
      daysLeft: d.daysLeft,
      deadlineStatus: d.status,
      appiSuitDate: appiSuitDate(r.arrivedAt),
      version: r.version,
    };
  });
  // A search that the filters emptied: count its matches without them (the closed
  // request a reference names must not look as if it did not exist; issue 17, bug 2).
  const hiddenByFilters =
    search && filtersSet && counted === 0 ? await prisma.request.count({ where: search, take: COUNT_CAP }) : 0;
  return {
    rows,
    hiddenByFilters,
    page: q.page,
    pageSize: QUEUE_PAGE_SIZE,
    hasNextPage: found.length > QUEUE_PAGE_SIZE,
    total: Math.min(counted, COUNT_CAP),
    totalIsCapped: counted > COUNT_CAP,
  };
}
