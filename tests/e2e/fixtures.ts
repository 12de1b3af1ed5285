import fs from "node:fs";
import { test as base, expect, type BrowserContext } from "@playwright/test";
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
        .filter(
          (m) =>
            m.at >= since && m.to.toLowerCase().includes(to.toLowerCase()) && (!subject || subject.test(m.subject)),
        )
        .at(-1);
      if (hit) return hit;
      if (Date.now() > deadline)
        throw new Error(`no mail to ${to}${subject ? ` matching ${subject}` : ""} within ${timeoutMs} ms`);
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

/**
 * Every page of every test, in the test's own context and any it opens, reports Content
 * Security Policy violations (the event, and the console error Chromium logs for a refused
 * script or eval); a test with any fails, so all journeys run under the nonce CSP.
 */
async function watchCsp(context: BrowserContext, violations: string[]): Promise<void> {
  context.on("console", (msg) => {
    if (msg.type() === "error" && /Content Security Policy/i.test(msg.text()))
      violations.push(`console: ${msg.text()}`);
  });
  await context.exposeBinding("__reportCspViolation", (_source, report: string) => {
    violations.push(report);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __reportCspViolation?: (r: string) => void }).__reportCspViolation;
      report?.(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} on ${location.pathname}`);
    });
  });
}

export const test = base.extend<{ mailbox: Mailbox; cspViolations: string[] }>({
  mailbox: async ({}, use) => {
    await use(mailbox);
  },
  cspViolations: [
    async ({ browser, context }, use) => {
      const violations: string[] = [];
      await watchCsp(context, violations);
      // Contexts a test opens itself (a second person, a phone) are watched too.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args: Parameters<typeof browser.newContext>) => {
        const opened = await newContext(...args);
        await watchCsp(opened, violations);
        return opened;
      };
      await use(violations);
      browser.newContext = newContext;
      expect(violations, "Content Security Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
