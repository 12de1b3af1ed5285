import type { Browser } from "@playwright/test";
import { test, expect } from "../e2e/fixtures";
import { prisma } from "@/lib/server/db";
import { LOCALE_COOKIE } from "@/i18n/config";
import { newStaffMember } from "../e2e/staff-session";
import { staffSessionToken } from "../helpers/staff-session-cookie";

// Issue 15 item 9: a staff session had only an idle timeout, so a session kept busy (or a
// stolen cookie kept refreshed) lived for ever. Now it ends a set number of hours after
// sign-in (settings → security), however active.

/** A session cookie as next-auth issues it, signed in `hoursAgo` and refreshed just now. */
async function sessionCookie(email: string, hoursAgo: number): Promise<string> {
  const staff = await prisma.staffUser.findUniqueOrThrow({ where: { email } });
  return staffSessionToken(staff, { signedInAt: new Date(Date.now() - hoursAgo * 3600_000), maxAgeSeconds: 8 * 3600 });
}

async function consoleWith(browser: Browser, baseURL: string | undefined, cookie: string, lang: "ja" | "en" = "ja") {
  const context = await browser.newContext({ baseURL });
  await context.addCookies([
    { name: "next-auth.session-token", value: cookie, domain: "localhost", path: "/", httpOnly: true },
    { name: LOCALE_COOKIE, value: lang, domain: "localhost", path: "/" },
  ]);
  return context.newPage();
}

test("[security] a staff session ends the set hours after sign-in however busy; admins set the hours in ja and en", async ({
  browser,
  baseURL,
}) => {
  const admin = await newStaffMember("ADMIN");
  try {
    // Two hours into a session: fine under the default twelve.
    const page = await consoleWith(browser, baseURL, await sessionCookie(admin, 2));
    await page.goto("/console/settings");
    const security = page.locator("#group-security");
    await expect(security.getByRole("heading", { level: 2 })).toHaveText("セキュリティ");
    const hours = security.getByLabel("スタッフのセッションの最長時間（サインインからの時間）");
    await expect(hours).toHaveValue("12");
    await expect(security.getByLabel("状況確認リンクの有効日数（受付から）")).toHaveValue("30");

    // Thirteen hours after sign-in the same kind of cookie opens nothing.
    const stale = await consoleWith(browser, baseURL, await sessionCookie(admin, 13));
    await stale.goto("/console");
    await expect(stale).toHaveURL(/\/console\/sign-in/);

    // The admin shortens it to one hour: their own two-hour-old session ends at once.
    await hours.fill("1");
    await security.locator("button[type=submit]").click();
    await expect
      .poll(
        async () =>
          (
            (await prisma.setting.findUnique({ where: { key: "security" } }))?.value as
              { staffSessionHours?: number } | undefined
          )?.staffSessionHours,
      )
      .toBe(1);
    await page.goto("/console");
    await expect(page).toHaveURL(/\/console\/sign-in/);

    const en = await consoleWith(browser, baseURL, await sessionCookie(admin, 0.5), "en");
    await en.goto("/console/settings");
    await expect(en.locator("#group-security").getByRole("heading", { level: 2 })).toHaveText("Security");
    await expect(en.locator("#group-security").getByLabel("Longest staff session (hours from sign-in)")).toHaveValue(
      "1",
    );
    await expect(en.locator("#group-security").getByLabel("Days the status link works (from filing)")).toHaveValue(
      "30",
    );
  } finally {
    await prisma.setting.deleteMany({ where: { key: "security" } });
  }
});
