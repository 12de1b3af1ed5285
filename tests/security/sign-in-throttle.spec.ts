import { authenticator } from "otplib";
import { test, expect } from "../e2e/fixtures";
import { DEMO_PASSWORD, newStaffMember, resetClientSignInThrottle, secretOf, signInAs } from "../e2e/staff-session";
import { prisma } from "@/lib/server/db";
import { THROTTLE_RULES } from "@/lib/staff/sign-in-throttle";
import { acceptTotp } from "@/lib/staff/totp";
import { captureSignInPost, replaySignIn, type SignInOutcome } from "./attack-helpers";

// Issue 15 item 1: anyone could lock a staff account (five wrong passwords) and so end its
// sessions, and every attempt cost an argon2 hash. Now attempts are throttled per account,
// client and pair in the database (ADR 0015), and nothing ends a session.
// Issue 15 item 2: a TOTP code signed in twice.

test.describe.configure({ timeout: 180_000 });

test("[security] 200 parallel wrong passwords from 20 addresses: bounded hashing, the member still signs in within a minute, the earlier session lives", async ({
  browser,
  baseURL,
}) => {
  const email = await newStaffMember("OFFICER");
  // The member's session from before the attack.
  const earlier = await browser.newContext({ baseURL });
  const earlierPage = await earlier.newPage();
  await signInAs(earlierPage, email);

  const post = await captureSignInPost(browser, baseURL ?? "", email, "wrong-password-attack", "203.0.113.250");
  const started = Date.now();
  const outcomes: SignInOutcome[] = await Promise.all(
    Array.from({ length: 200 }, (_, i) => replaySignIn(post, `198.51.100.${1 + (i % 20)}`)),
  );
  const attackMs = Date.now() - started;
  const count = (o: SignInOutcome) => outcomes.filter((x) => x === o).length;
  test.info().annotations.push({
    type: "attack",
    description: `200 attempts in ${attackMs} ms: ${count("refused")} hashed and refused, ${count("throttled")} throttled`,
  });
  // Every attempt got an answer, none an error.
  expect(count("refused") + count("throttled")).toBe(200);
  // Only the account's free tries (and the few its growing wait let through) were hashed.
  expect(count("refused")).toBeLessThanOrEqual(THROTTLE_RULES.account.free + 8);
  expect(count("throttled")).toBeGreaterThanOrEqual(180);
  // Nothing was locked and no session version moved.
  const member = await prisma.staffUser.findUniqueOrThrow({ where: { email } });
  expect(member).toMatchObject({ lockedUntil: null, sessionVersion: 0 });

  // The real member, from their own address, with the right password and code, within a minute.
  const attackOver = Date.now();
  const page = await (await browser.newContext({ baseURL })).newPage();
  await signInAs(page, email);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("請求一覧");
  expect(Date.now() - attackOver).toBeLessThan(60_000);

  // The session from before the attack still works.
  await earlierPage.goto("/console");
  await expect(earlierPage).toHaveURL(/\/console$/);
  await expect(earlierPage.getByRole("heading", { level: 1 })).toHaveText("請求一覧");
  await earlier.close();
});

test("[security] locked-out, unknown and wrong-password answers are alike", async ({ browser, baseURL }) => {
  const email = await newStaffMember();
  const known = await captureSignInPost(browser, baseURL ?? "", email, "wrong-password", "203.0.113.10");
  const unknown = await captureSignInPost(
    browser,
    baseURL ?? "",
    `nobody-${Date.now()}@madoguchi.example`,
    "wrong-password",
    "203.0.113.11",
  );
  expect(await replaySignIn(known, "203.0.113.20")).toBe("refused");
  expect(await replaySignIn(unknown, "203.0.113.20")).toBe("refused");
  // Past the pair's free tries both are throttled the same way, known account or not.
  const tail = async (post: typeof known, address: string) => {
    const seen: SignInOutcome[] = [];
    for (let i = 0; i < 6; i++) seen.push(await replaySignIn(post, address));
    return seen;
  };
  const knownTail = await tail(known, "203.0.113.21");
  expect(knownTail).toEqual(["refused", "refused", "refused", "refused", "throttled", "throttled"]);
  expect(await tail(unknown, "203.0.113.22")).toEqual(knownTail);
});

test("[security] a TOTP code signs in once: the same code 3 s later is refused", async ({ browser, baseURL }) => {
  const email = await newStaffMember();
  const secret = secretOf(email);
  // The server accepts one step either side (lib/staff/totp.ts): a code made now is valid for
  // at least 30 s, so there is no need to wait for the start of a step before the replay.
  const code = authenticator.generate(secret);

  const signIn = async () => {
    const page = await (await browser.newContext({ baseURL })).newPage();
    await page.goto("/console/sign-in");
    await page.locator("#email").fill(email);
    await page.locator("#password").fill(DEMO_PASSWORD);
    await page.locator("main form button[type=submit]").click();
    await expect(page.locator("#code")).toBeVisible();
    await page.locator("#code").fill(code);
    await page.locator("main form button[type=submit]").first().click();
    return page;
  };
  const first = await signIn();
  await first.waitForURL((url) => url.pathname === "/console");
  await new Promise((r) => setTimeout(r, 3000));
  // Still a valid code by the clock: the refusal below is for its reuse, not its age.
  expect(acceptTotp(code, secret)).not.toBeNull();
  const second = await signIn();
  await expect(second.locator("main [role=alert]")).toContainText("確認コードが正しくありません。");
  await expect(second).toHaveURL(/\/console\/sign-in/);
  await second.goto("/console");
  await expect(second).toHaveURL(/\/console\/sign-in/);
  // The member is not locked out by the refused replay.
  const third = await (await browser.newContext({ baseURL })).newPage();
  await signInAs(third, email);
  await expect(third.getByRole("heading", { level: 1 })).toHaveText("請求一覧");
  await resetClientSignInThrottle();
});
