import { prisma } from "@/lib/server/db";
import { AppError } from "@/lib/errors";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";

// The mail viewer reads the outbox's redacted copies (no codes, status or invitation
// links: lib/mail/redact-mail.ts), never the sealed original. Admins only: mail still
// holds requesters' names and details.
const PAGE = 50;

export async function listOutbox(opts: { actor: Actor | null; page: number }) {
  assertPermission(opts.actor, "read:mail-viewer");
  const page = Math.max(1, Math.floor(opts.page) || 1);
  const [rows, total] = await Promise.all([
    prisma.outboxMessage.findMany({
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * PAGE,
      take: PAGE,
      select: { id: true, toAddress: true, subject: true, status: true, createdAt: true, sentAt: true, attempts: true },
    }),
    prisma.outboxMessage.count(),
  ]);
  return { rows, page, pages: Math.max(1, Math.ceil(total / PAGE)) };
}

export async function readOutboxMessage(opts: { actor: Actor | null; id: string }) {
  assertPermission(opts.actor, "read:mail-viewer");
  const row = await prisma.outboxMessage.findUnique({
    where: { id: opts.id },
    select: { id: true, toAddress: true, subject: true, html: true, text: true, kind: true, status: true, createdAt: true, sentAt: true, bodyPurgedAt: true },
  });
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}
