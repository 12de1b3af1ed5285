import type { Tx } from "@/lib/server/db";

export type MailToSend = { to: string; subject: string; html: string; text: string; kind: string };

/**
 * Puts a message in the outbox inside the caller's transaction: it is sent if and only
 * if the change that caused it commits, and a failed send is retried by the worker.
 */
export async function enqueueMail(tx: Tx, mail: MailToSend): Promise<string> {
  const row = await tx.outboxMessage.create({
    data: { toAddress: mail.to, subject: mail.subject, html: mail.html, text: mail.text, kind: mail.kind },
    select: { id: true },
  });
  return row.id;
}
