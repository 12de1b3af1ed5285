import { prisma } from "@/lib/server/db";
import { AppError } from "@/lib/errors";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";

// The mail viewer reads the outbox's redacted copies (no codes, status or invitation
// links: lib/mail/redact-mail.ts), never the sealed original. Admins only: mail still
// holds requesters' names and details.
const PAGE = 50;

/** The sealed cookie holding the viewer's address filter (path /console/mail). */
export const MAIL_FILTER_COOKIE = "madoguchi_mail_filter";

/**
 * Counting stops this many messages past the page shown: an exact count of the whole outbox
 * read every row (hundreds of thousands at 100,000 requests; ADR 0019). The count reads every
 * message up to the cap, so the cap is the page's cost: at 200 pages (10,001 rows) it still
 * grew until the outbox held 10,000 messages (3,000 rows read at 1,000 requests, ADR 0024).
 * The viewer pages one step at a time, so 20 pages ahead is all it can use. Past the cap the
 * page says "of 20+".
 */
export const COUNT_AHEAD_PAGES = 20;
const COUNT_AHEAD = COUNT_AHEAD_PAGES * PAGE;

/**
 * One page of the outbox, newest first, optionally only mail to addresses containing
 * `to` (case-insensitive). The address arrives from a sealed cookie, never the URL.
 */
export async function listOutbox(opts: { actor: Actor | null; page: number; to?: string }) {
  assertPermission(opts.actor, "read:mail-viewer");
  const page = Math.min(100_000, Math.max(1, Math.floor(opts.page) || 1));
  const to = opts.to?.trim().slice(0, 254);
  const where = to ? { toAddress: { contains: to, mode: "insensitive" as const } } : {};
  const skip = (page - 1) * PAGE;
  const [rows, ahead] = await Promise.all([
    prisma.outboxMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip,
      take: PAGE,
      select: { id: true, toAddress: true, subject: true, status: true, createdAt: true, sentAt: true, attempts: true },
    }),
    // Messages from this page on, up to the cap (one more tells that there are more).
    prisma.outboxMessage.count({ where, skip, take: COUNT_AHEAD + 1 }),
  ]);
  // A page past the end counts nothing ahead; the earlier pages still exist when any mail does.
  const before = ahead > 0 ? skip : skip > 0 ? await prisma.outboxMessage.count({ where, take: skip }) : 0;
  const more = ahead > COUNT_AHEAD;
  const total = before + Math.min(ahead, COUNT_AHEAD);
  return { rows, page, pages: Math.max(1, Math.ceil(total / PAGE)), total, more };
}

export async function readOutboxMessage(opts: { actor: Actor | null; id: string }) {
  assertPermission(opts.actor, "read:mail-viewer");
  const row = await prisma.outboxMessage.findUnique({
    where: { id: opts.id },
    select: {
      id: true,
      toAddress: true,
      subject: true,
      html: true,
      text: true,
      kind: true,
      status: true,
      createdAt: true,
      sentAt: true,
      bodyPurgedAt: true,
    },
  });
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}
