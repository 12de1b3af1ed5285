import fs from "node:fs/promises";
import path from "node:path";
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
 * SMTP_URL sends to a real server. Without it (trying Madoguchi on one machine) each
 * message is written whole to MAIL_CAPTURE_DIR, readable only by whoever runs the server,
 * and the console's mail viewer shows the redacted copy: codes and links never go into the
 * database in the clear. Either way it goes through the outbox.
 */
export function mailSender(): MailSender {
  const { SMTP_URL, MAIL_FROM, MAIL_CAPTURE_DIR } = env();
  if (!SMTP_URL) return captureSender(MAIL_CAPTURE_DIR);
  return smtpSender(SMTP_URL, MAIL_FROM);
}

/** One text file per message, named by outbox id (which the mail viewer shows). */
export function captureSender(dir: string): MailSender {
  return async (mail) => {
    const folder = path.resolve(dir);
    await fs.mkdir(folder, { recursive: true, mode: 0o700 });
    const body = [
      `To: ${mail.to}`,
      `Subject: ${mail.subject}`,
      `Message-ID: <${mail.outboxId}@madoguchi>`,
      "",
      mail.text,
      "",
    ].join("\n");
    await fs.writeFile(path.join(folder, `${mail.outboxId}.txt`), body, { mode: 0o600 });
  };
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
