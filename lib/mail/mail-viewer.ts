import { prisma } from "@/lib/server/db";
import { AppError } from "@/lib/errors";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";

// The development mail viewer reads the outbox (with the captured copy when no SMTP
// server is configured). Admins only: mail holds requesters' personal data.
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
  const row = await prisma.outboxMessage.findUnique({ where: { id: opts.id } });
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}
