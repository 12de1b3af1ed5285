import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { prisma } from "@/lib/server/db";
import { signInWithNewStaff } from "./staff-session";
import { quickAxe } from "./portal-helpers";

// axe on every page a requester or staff member can reach, in Japanese and in English.
// Journeys check the pages deeper in a flow (wizard steps, status after sign-in); this
// sweep makes sure no page is left out.
const LOCALE_COOKIE = "madoguchi_locale";

async function useLocale(page: Page, locale: "ja" | "en"): Promise<void> {
  const url = new URL(page.url().startsWith("http") ? page.url() : "http://localhost");
  await page.context().addCookies([
    {
      name: LOCALE_COOKIE,
      value: locale,
      domain: url.hostname === "localhost" ? "localhost" : url.hostname,
      path: "/",
    },
  ]);
}

async function expectNoViolations(page: Page, path: string, exclude?: string): Promise<void> {
  const res = await page.goto(path);
  expect(res?.status(), path).toBeLessThan(400);
  // Next streams a dynamic page's metadata after its body: check the page once its title is in.
  await expect(page).toHaveTitle(/\S/);
  const axe = quickAxe(page);
  // The mail viewer shows a sent mail's own HTML in a sandboxed frame (no scripts, so axe
  // cannot run inside it); the page around it is checked.
  if (exclude) axe.exclude(exclude);
  const { violations } = await axe.analyze();
  expect(violations.map((v) => `${path}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
}

const portalPages = ["/", "/policy", "/postal", "/inquiry", "/requests/new", "/status"];

for (const locale of ["ja", "en"] as const) {
  test(`[a11y] portal pages have no axe violations (${locale})`, async ({ page }) => {
    await page.goto("/");
    await useLocale(page, locale);
    for (const p of portalPages) await expectNoViolations(page, p);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
  });

  test(`[a11y] console pages have no axe violations (${locale})`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto("/console/sign-in");
    await useLocale(page, locale);
    await expectNoViolations(page, "/console/sign-in");
    await signInWithNewStaff(page, "ADMIN");
    const request = await prisma.request.findFirstOrThrow({ where: { type: "DISCLOSURE" }, select: { id: true } });
    const system = await prisma.systemOfRecord.findFirstOrThrow({ select: { id: true } });
    const mail = await prisma.outboxMessage.findFirstOrThrow({ select: { id: true } });
    for (const p of [
      "/console",
      `/console/requests/${request.id}`,
      "/console/requests/new",
      "/console/provisions",
      "/console/reports",
      "/console/fees",
      `/console/fees/${request.id}`,
      "/console/data-map",
      `/console/data-map/${system.id}`,
      "/console/staff",
      "/console/settings",
      "/console/mail",
      "/console/preferences",
      "/console/exports",
    ]) {
      await expectNoViolations(page, p);
    }
    await expectNoViolations(page, `/console/mail/${mail.id}`, "iframe");
  });
}

// The sweep above passes only if the checker can fail: quickAxe's settings (legacy mode,
// violations only) must still report what axe's defaults report on the page itself.
test("[a11y] the checker reports a field without a label and text without contrast", async ({ page }) => {
  await page.setContent(
    `<!doctype html><html lang="ja"><head><title>t</title></head><body><main><h1>申請</h1>` +
      `<input id="nameless"><p id="faint" style="color:#bbb;background:#fff">薄い文字</p></main></body></html>`,
  );
  const { violations } = await quickAxe(page).analyze();
  expect(violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(",")}`).sort()).toEqual([
    "color-contrast #faint",
    "label #nameless",
  ]);
});
