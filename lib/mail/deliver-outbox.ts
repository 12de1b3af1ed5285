import type { PrismaClient } from "@/lib/generated/prisma/client";
import { mailSender, type MailSender } from "./transport";
import { mailForSending } from "./redact-mail";

type Claimed = {
  id: string;
  toAddress: string;
  subject: string;
  html: string;
  text: string;
  sealedBody: string | null;
  attempts: number;
};

const LEASE_SECONDS = 120;
const PARALLEL_SENDS = 5;
const MAX_BACKOFF_SECONDS = 3600;

/** 30 s, 1 min, 2 min … capped at an hour; a message is never given up on. */
export function backoffSeconds(attempts: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_SECONDS);
}

/** Error text without addresses: SMTP replies can echo the recipient. */
function safeError(e: unknown): string {
  const err = e as { code?: string; responseCode?: number; message?: string };
  const parts = [err.code, err.responseCode].filter(Boolean).join(" ");
  return (parts || err.message || "send failed").replace(/[^\s<>]+@[^\s<>]+/g, "<address>").slice(0, 200);
}

/**
 * Claims due messages with FOR UPDATE SKIP LOCKED under a short lease, so any number of
 * workers share the outbox without sending a message twice, and a crashed worker's
 * messages come back after the lease.
 */
export async function deliverOutbox(
  prisma: PrismaClient,
  opts: { batch?: number; send?: MailSender } = {},
): Promise<{ sent: number; failed: number }> {
  const send = opts.send ?? mailSender();
  const claimed = await prisma.$queryRaw<Claimed[]>`
    UPDATE "OutboxMessage" SET "lockedUntil" = now() + make_interval(secs => ${LEASE_SECONDS})
    WHERE id IN (
      SELECT id FROM "OutboxMessage"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= now() AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
      ORDER BY "createdAt" LIMIT ${opts.batch ?? 50}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, "toAddress", subject, html, text, "sealedBody", attempts`;
  let sent = 0;
  let failed = 0;
  const deliverOne = async (m: Claimed) => {
    try {
      const { subject, html, text } = mailForSending(m);
      await send({ outboxId: m.id, to: m.toAddress, subject, html, text }, prisma);
      // Sent: the sealed original (codes, links) is no longer needed by anyone.
      await prisma.outboxMessage.update({
        where: { id: m.id },
        data: {
          status: "SENT",
          sentAt: new Date(),
          attempts: m.attempts + 1,
          lockedUntil: null,
          lastError: null,
          sealedBody: null,
        },
      });
      sent++;
    } catch (e) {
      const attempts = m.attempts + 1;
      await prisma.outboxMessage.update({
        where: { id: m.id },
        data: {
          attempts,
          lockedUntil: null,
          lastError: safeError(e),
          nextAttemptAt: new Date(Date.now() + backoffSeconds(attempts) * 1000),
        },
      });
      failed++;
    }
  };
  // A few at a time over the pooled SMTP connections, so a backlog (a burst of
  // acknowledgements) drains quickly without opening a connection per message.
  for (let i = 0; i < claimed.length; i += PARALLEL_SENDS)
    await Promise.all(claimed.slice(i, i + PARALLEL_SENDS).map(deliverOne));
  return { sent, failed };
}
