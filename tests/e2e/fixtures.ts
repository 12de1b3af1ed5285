import fs from "node:fs";
import { test as base, expect } from "@playwright/test";
import { E2E_MAIL_FILE } from "./e2e-env";

export type ReceivedMail = { to: string; subject: string; text: string; html: string; at: number };

export type Mailbox = {
  all(): ReceivedMail[];
  /** Waits for a message to the address (and optionally matching the subject) that arrived after `since`. */
  waitFor(opts: { to: string; subject?: RegExp; since?: number; timeoutMs?: number }): Promise<ReceivedMail>;
};

function readMail(): ReceivedMail[] {
  if (!fs.existsSync(E2E_MAIL_FILE)) return [];
  return fs
    .readFileSync(E2E_MAIL_FILE, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as ReceivedMail);
}

const mailbox: Mailbox = {
  all: readMail,
  async waitFor({ to, subject, since = 0, timeoutMs = 60_000 }) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = readMail()
        .filter((m) => m.at >= since && m.to.toLowerCase().includes(to.toLowerCase()) && (!subject || subject.test(m.subject)))
        .at(-1);
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no mail to ${to}${subject ? ` matching ${subject}` : ""} within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  },
};

/** Extracts the first 6-digit code from a mail body. */
export function codeFrom(mail: ReceivedMail): string {
  const m = /\b(\d{6})\b/.exec(mail.text);
  if (!m?.[1]) throw new Error("no 6-digit code in mail");
  return m[1];
}

export const test = base.extend<{ mailbox: Mailbox }>({
  mailbox: async ({}, use) => {
    await use(mailbox);
  },
});

export { expect };
