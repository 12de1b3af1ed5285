import { Channel, FeeStatus, IdentityStatus, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import type { ListQueueInput } from "@/lib/console/queue-schema";

// The queue's filters live in the URL (shareable, bookmarkable) — but only enum values,
// ids, flags and a reference number: never a name or an email address.

export const QUEUE_SEARCH_COOKIE = "madoguchi_queue_search";

/** What the queue shows when no filter was chosen: requests still being worked. */
export const DEFAULT_STATUSES: RequestStatus[] = ["RECEIVED", "IN_PROGRESS", "WAITING_FOR_REQUESTER", "DECIDED"];

export type SearchParams = Record<string, string | string[] | undefined>;

const all = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const one = (v: string | string[] | undefined): string | undefined => all(v)[0];

function pick<T extends string>(values: Record<string, T>, v: string | string[] | undefined): T[] {
  const allowed = new Set<string>(Object.values(values));
  return [...new Set(all(v).filter((x): x is T => allowed.has(x)))];
}

export type QueueParams = {
  type: RequestType[];
  status: RequestStatus[];
  identity: IdentityStatus[];
  fee: FeeStatus[];
  channel: Channel[];
  assignee: string | undefined;
  dueSoon: boolean;
  overdue: boolean;
  ref: string | undefined;
  sort: "dueAt" | "arrivedAt" | "reference";
  direction: "asc" | "desc";
  page: number;
  /** The filter form was submitted (so "no status ticked" means every status). */
  filtered: boolean;
};

export function readQueueParams(sp: SearchParams): QueueParams {
  const sort = one(sp.sort);
  const page = Number.parseInt(one(sp.page) ?? "1", 10);
  const assignee = one(sp.assignee);
  const filtered = one(sp.f) === "1";
  const status = pick(RequestStatus, sp.status);
  const ref = one(sp.ref)?.slice(0, 40) || undefined;
  return {
    type: pick(RequestType, sp.type),
    // The open-only default is for browsing: a reference search looks at every request,
    // closed ones included (issue 17, bug 2). A status the person ticked still applies.
    status: !filtered && status.length === 0 && !ref ? DEFAULT_STATUSES : status,
    identity: pick(IdentityStatus, sp.identity),
    fee: pick(FeeStatus, sp.fee),
    channel: pick(Channel, sp.channel),
    assignee: assignee && /^[A-Za-z0-9_-]{1,64}$/.test(assignee) ? assignee : undefined,
    dueSoon: all(sp.deadline).includes("dueSoon"),
    overdue: all(sp.deadline).includes("overdue"),
    ref,
    sort: sort === "arrivedAt" || sort === "reference" ? sort : "dueAt",
    direction: one(sp.dir) === "desc" ? "desc" : "asc",
    page: Number.isFinite(page) && page >= 1 && page <= 4000 ? page : 1,
    filtered,
  };
}

export function queueInput(p: QueueParams, search: string | undefined): ListQueueInput {
  return {
    page: p.page,
    type: p.type.length ? p.type : undefined,
    status: p.status.length ? p.status : undefined,
    identity: p.identity.length ? p.identity : undefined,
    fee: p.fee.length ? p.fee : undefined,
    channel: p.channel.length ? p.channel : undefined,
    assignee: p.assignee,
    dueSoon: p.dueSoon || undefined,
    overdue: p.overdue || undefined,
    search: p.ref ?? search,
    sort: p.sort,
    direction: p.direction,
  };
}

/** The URL of the queue with these params (and changes), as a query string without "?". */
export function queueQuery(p: QueueParams, change: Partial<QueueParams> = {}): string {
  const q = { ...p, ...change };
  const out = new URLSearchParams();
  out.set("f", "1");
  for (const k of ["type", "status", "identity", "fee", "channel"] as const) for (const v of q[k]) out.append(k, v);
  if (q.assignee) out.set("assignee", q.assignee);
  if (q.dueSoon) out.append("deadline", "dueSoon");
  if (q.overdue) out.append("deadline", "overdue");
  if (q.ref) out.set("ref", q.ref);
  if (q.sort !== "dueAt") out.set("sort", q.sort);
  if (q.direction !== "asc") out.set("dir", q.direction);
  if (q.page > 1) out.set("page", String(q.page));
  return out.toString();
}

/** A return path from a form: only a query string made of the queue's own parameters. */
export function queueReturnPath(raw: FormDataEntryValue | null): string {
  if (typeof raw !== "string") return "";
  const allowed = new Set([
    "f",
    "type",
    "status",
    "identity",
    "fee",
    "channel",
    "assignee",
    "deadline",
    "sort",
    "dir",
    "page",
    "ref",
  ]);
  const src = new URLSearchParams(raw.replace(/^\?/, ""));
  const out = new URLSearchParams();
  for (const [k, v] of src) if (allowed.has(k) && v.length <= 64) out.append(k, v);
  return out.toString();
}
