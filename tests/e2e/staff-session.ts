import fs from "node:fs";
import path from "node:path";
import { authenticator } from "otplib";
import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";
// Static imports: Playwright transpiles these to require(); a dynamic import() of a .ts
// file would be loaded as ESM and fail in this CommonJS package.
import { prisma } from "@/lib/server/db";
import { hashPassword } from "@/lib/server/password";
import { sealString } from "@/lib/server/crypto";
import { staffSessionToken } from "@/tests/helpers/staff-session-cookie";

// Demo accounts enrol TOTP at their first sign-in; the secret is kept here so later
// tests (and retries in a new worker) can sign in again with a fresh code.
const SECRETS_FILE = path.resolve("test-results", `${process.env.E2E_DB_NAME || "madoguchi_e2e"}-totp.json`);
export const DEMO_PASSWORD = "madoguchi-demo-2026";

function secrets(): Record<string, string> {
  return fs.existsSync(SECRETS_FILE)
    ? (JSON.parse(fs.readFileSync(SECRETS_FILE, "utf8")) as Record<string, string>)
    : {};
}

export function rememberSecret(email: string, secret: string): void {
  fs.mkdirSync(path.dirname(SECRETS_FILE), { recursive: true });
  fs.writeFileSync(SECRETS_FILE, JSON.stringify({ ...secrets(), [email]: secret }));
}

export function forgetSecrets(): void {
  fs.rmSync(SECRETS_FILE, { force: true });
}

/**
 * A code the server will take: each 30-second step signs a member in once (issue 15), so
 * when this member already used the current step (an earlier sign-in moments ago) this
 * waits for the next step to begin.
 */
export async function freshTotp(email: string, secret: string): Promise<string> {
  const user = await prisma.staffUser.findUnique({ where: { email }, select: { totpLastStep: true } });
  const last = user?.totpLastStep;
  const stepMs = authenticator.options.step ? authenticator.options.step * 1000 : 30_000;
  if (last !== null && last !== undefined && Math.floor(Date.now() / stepMs) <= last) {
    await new Promise((r) => setTimeout(r, (last + 1) * stepMs - Date.now() + 250));
  }
  return authenticator.generate(secret);
}

/**
 * Signs a staff member in by writing the session cookie the sign-in would issue, then opens
 * the console. For specs that are not about signing in: the real form (password, TOTP,
 * throttling) is tested by the sign-in specs, and a spec that clicked through it each time
 * waited for fresh TOTP steps and shared the suite's sign-in throttle.
 */
export async function signInAs(page: Page, email: string): Promise<void> {
  const staff = await prisma.staffUser.findUniqueOrThrow({
    where: { email },
    select: { id: true, sessionVersion: true },
  });
  await page.context().addCookies([
    {
      name: "next-auth.session-token",
      value: await staffSessionToken(staff),
      domain: "localhost",
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
    },
  ]);
  await page.goto("/console");
  await page.waitForURL((url) => url.pathname === "/console");
}

/** Signs in through the real form (password, then TOTP), enrolling when asked: for the sign-in specs. */
export async function signInThroughForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/console/sign-in");
  const code = page.locator("#code");
  const wait = page.locator("main [role=alert]").filter({ hasText: /(\d+)\s*(秒後|seconds)/ });
  // Sign-in is throttled after failed tries (ADR 0015): wait as told and try again.
  for (let tries = 0; ; tries++) {
    // A try that went through after all shows the code step (its answer rendered late).
    if (tries > 0 && (await code.isVisible())) break;
    await page.locator("#email").fill(email);
    await page.locator("#password").fill(password);
    // Wait for this submission's answer: the alert of the previous throttled try is still on
    // the page until it arrives, and reading it would miss a sign-in that went through.
    const answered = page.waitForResponse(
      (r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/console/sign-in",
    );
    await page.locator("main form button[type=submit]").click();
    await answered;
    await expect(code.or(wait)).toBeVisible();
    if (await code.isVisible()) break;
    const seconds = Number(/(\d+)\s*(?:秒後|seconds)/.exec((await wait.textContent()) ?? "")?.[1] ?? 1);
    if (tries > 5) throw new Error(`sign-in for ${email} still throttled`);
    await page.waitForTimeout(seconds * 1000 + 300);
  }
  const enrol = page.getByTestId("totp-secret");
  let secret = secrets()[email];
  if (await enrol.isVisible()) {
    secret = (await enrol.textContent())?.trim() ?? "";
    rememberSecret(email, secret);
  }
  if (!secret) throw new Error(`no TOTP secret known for ${email}`);
  await code.fill(await freshTotp(email, secret));
  await page.locator("main form button[type=submit]").first().click();
  await page.waitForURL((url) => url.pathname === "/console");
}

/**
 * A fresh staff member of the given role with a known password and TOTP secret, written
 * straight to the e2e database, so a spec does not depend on which demo accounts other
 * specs have enrolled or locked. Returns the email after signing in.
 */
/**
 * The whole suite signs in from one address; a spec that fails sign-ins on purpose clears
 * that address's sign-in throttle afterwards, so later specs start afresh.
 */
export async function resetClientSignInThrottle(): Promise<void> {
  await prisma.signInThrottle.deleteMany({ where: { key: { startsWith: "client:" } } });
}

/** A fresh, enrolled staff member in the database, not signed in; returns the email. */
export async function newStaffMember(
  role: "STAFF" | "OFFICER" | "ADMIN" = "STAFF",
  opts: { locale?: "ja" | "en" } = {},
): Promise<string> {
  const secret = authenticator.generateSecret(20);
  const email = `e2e-${role.toLowerCase()}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@madoguchi.example`;
  await prisma.staffUser.create({
    data: {
      email,
      name: `E2E ${role}`,
      role,
      locale: opts.locale ?? "ja",
      passwordHash: await hashPassword(DEMO_PASSWORD),
      totpSecret: sealString(secret),
      totpEnrolledAt: new Date(),
    },
  });
  rememberSecret(email, secret);
  return email;
}

/** The TOTP secret the suite knows for a member. */
export function secretOf(email: string): string {
  const secret = secrets()[email];
  if (!secret) throw new Error(`no TOTP secret known for ${email}`);
  return secret;
}

export async function signInWithNewStaff(
  page: Page,
  role: "STAFF" | "OFFICER" | "ADMIN",
  name = `E2E ${role}`,
  opts: { throughForm?: boolean } = {},
): Promise<{ email: string; id: string }> {
  const secret = authenticator.generateSecret(20);
  const email = `e2e-${role.toLowerCase()}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@madoguchi.example`;
  const user = await prisma.staffUser.create({
    data: {
      email,
      name,
      role,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      totpSecret: sealString(secret),
      totpEnrolledAt: new Date(),
    },
  });
  rememberSecret(email, secret);
  await (opts.throughForm ? signInThroughForm(page, email) : signInAs(page, email));
  return { email, id: user.id };
}
