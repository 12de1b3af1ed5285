import type { Tx } from "@/lib/server/db";
import { redactMailText, sealMailContent } from "./redact-mail";

export type MailToSend = {
  to: string;
  subject: string;
  html: string;
  text: string;
  kind: string;
  /** Credentials in the body (codes, links): in the sent mail only, never in a readable copy. */
  secrets?: string[];
  /** The request the mail is about: anonymising that request removes it. */
  requestId?: string | null;
};

/**
 * Puts a message in the outbox inside the caller's transaction: it is sent if and only
 * if the change that caused it commits, and a failed send is retried by the worker.
 * The readable columns hold the redacted copy from the start; the original is sealed
 * until it is sent (lib/mail/redact-mail.ts).
 */
export async function enqueueMail(tx: Tx, mail: MailToSend): Promise<string> {
  const row = await tx.outboxMessage.create({ data: outboxColumns(mail), select: { id: true } });
  return row.id;
}

/** The outbox row for a message: redacted readable copy, sealed original (also written by the filing's SQL). */
export function outboxColumns(mail: MailToSend) {
  const secrets = mail.secrets ?? [];
  return {
    toAddress: mail.to,
    subject: redactMailText(mail.subject, secrets),
    html: redactMailText(mail.html, secrets),
    text: redactMailText(mail.text, secrets),
    sealedBody: sealMailContent({ subject: mail.subject, html: mail.html, text: mail.text }),
    kind: mail.kind,
    requestId: mail.requestId ?? null,
  };
}
