import nodemailer from "nodemailer";
import type { Transporter } from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import { env } from "@/lib/server/env";
import type { Db } from "@/lib/server/db";

export type OutgoingMail = { outboxId: string; to: string; subject: string; html: string; text: string };
export type MailSender = (mail: OutgoingMail, db: Db) => Promise<void>;

let transporter: Transporter | undefined;

/** SMTP_URL (smtp:// or smtps://, optional user:pass@) as pooled transport options with timeouts. */
export function smtpPoolOptions(url: string): SMTPPool.Options {
  const u = new URL(url);
  const secure = u.protocol === "smtps:";
  return {
    pool: true,
    maxConnections: 5,
    host: u.hostname,
    port: Number(u.port) || (secure ? 465 : 587),
    secure,
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  };
}
let transporterUrl: string | undefined;

/**
 * SMTP_URL sends to a real server; without it mail is captured in the database and read
 * in the console's development mail viewer. Either way it goes through the outbox.
 */
export function mailSender(): MailSender {
  const { SMTP_URL, MAIL_FROM } = env();
  if (!SMTP_URL) {
    return async (mail, db) => {
      await db.capturedMail.create({
        data: { outboxId: mail.outboxId, toAddress: mail.to, subject: mail.subject, html: mail.html, text: mail.text },
      });
    };
  }
  return smtpSender(SMTP_URL, MAIL_FROM);
}

/** Sends through one SMTP server; the transporter is reused while the URL stays the same. */
export function smtpSender(url: string, from: string): MailSender {
  if (!transporter || transporterUrl !== url) {
    transporter = nodemailer.createTransport(smtpPoolOptions(url));
    transporterUrl = url;
  }
  const t = transporter;
  return async (mail) => {
    await t.sendMail({
      from,
      to: mail.to,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      // The outbox id as Message-ID lets a receiving server drop a duplicate after a retry.
      messageId: `<${mail.outboxId}@madoguchi>`,
    });
  };
}
