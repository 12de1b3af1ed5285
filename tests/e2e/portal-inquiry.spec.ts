import { test, expect } from "./fixtures";
import { prisma } from "@/lib/server/db";
import {
  LANGS,
  PHONE,
  codeSentTo,
  errorSummary,
  expectAccessible,
  msg,
  requestRows,
  resetClientLimits,
  shoot,
  uniqueEmail,
  useLanguage,
} from "./portal-helpers";

// [portal] Inquiries and complaints (Art 11, 12): topic, message, contact, the emailed
// code, and an acknowledgement with a reference; they reach the console as their own type.

test.beforeEach(async ({ page }) => {
  await resetClientLimits();
  await page.setViewportSize(PHONE);
});

for (const lang of LANGS) {
  const kind = lang === "ja" ? "INQUIRY" : "COMPLAINT";
  test(`[portal] ${lang}: ${kind === "INQUIRY" ? "an inquiry" : "a complaint"} is acknowledged with a reference`, async ({
    page,
    context,
    mailbox,
  }) => {
    await useLanguage(context, lang);
    const email = uniqueEmail(`inquiry-${lang}`);
    await page.goto("/inquiry");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(msg(lang, "portal.inquiry.title"));
    await shoot(page, `inquiry-${lang}`);
    await expectAccessible(page);

    // Nothing filled in: every missing field listed at the top and beside itself; nothing saved.
    const before = await requestRows();
    await page.getByRole("button", { name: msg(lang, "portal.inquiry.send"), exact: true }).click();
    const summary = errorSummary(page, lang);
    await expect(summary).toBeFocused();
    await expect(summary.getByRole("link")).toHaveCount(4);
    await expect(page.locator("#f-message-error")).toHaveText(msg(lang, "requests.errors.required"));
    await expect(page.locator("#f-topic-error")).toHaveText(msg(lang, "requests.errors.required"));
    await shoot(page, `inquiry-errors-${lang}`);
    await expectAccessible(page);
    // Each link names its field (WCAG 3.3.1) and takes the person there.
    const required = (field: string) =>
      msg(lang, "common.errorSummaryItem", {
        label: msg(lang, `portal.inquiry.${field}`),
        message: msg(lang, "requests.errors.required"),
      });
    await expect(summary.getByRole("link")).toHaveText(["topic", "message", "name", "email"].map(required));
    await summary.getByRole("link", { name: required("message"), exact: true }).click();
    await expect(page).toHaveURL(/#f-message$/);

    await page.locator(`#f-kind-${kind}`).check();
    await page.locator("#f-topic").selectOption("MARKETING");
    await page.locator("#f-message").fill("配信停止を申し込んだ広告メールがまだ届きます。");
    await page.locator("#f-name").fill("山田 花子");
    await page.locator("#f-email").fill(email);
    const since = Date.now();
    await page.getByRole("button", { name: msg(lang, "portal.inquiry.send"), exact: true }).click();
    await expect(page.getByText(msg(lang, "portal.inquiry.codeFor", { email }))).toBeVisible();
    await page.locator("#f-code").fill(await codeSentTo(mailbox, email, since));
    await page.getByRole("button", { name: msg(lang, "portal.inquiry.submit"), exact: true }).click();

    await expect(page.getByRole("heading", { name: msg(lang, "portal.inquiry.doneTitle") })).toBeVisible();
    const reference = (await page.getByTestId("reference").textContent())?.trim() ?? "";
    expect(reference).toMatch(/^DSR-\d{4}-\d{6}$/);
    await expectAccessible(page);
    const r = await prisma.request.findUniqueOrThrow({ where: { reference } });
    expect(r).toMatchObject({ type: kind, email, identity: "NOT_REQUIRED", fee: "NOT_REQUIRED", locale: lang });
    expect(r.details).toMatchObject({ topic: "MARKETING", message: "配信停止を申し込んだ広告メールがまだ届きます。" });
    expect((await requestRows()).requests).toBe(before.requests + 1);
    await mailbox.waitFor({ to: email, subject: new RegExp(reference) });
  });
}
