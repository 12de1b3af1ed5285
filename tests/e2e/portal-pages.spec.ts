import { test, expect } from "./fixtures";
import { LANGS, PHONE, expectAccessible, fixture, msg, resetClientLimits, shoot, useLanguage } from "./portal-helpers";

// [portal] Every public page in both languages: readable at 390 px and on a desktop with
// nothing sticking out, and no axe violations. The postal route serves its form, and the
// wizard works without JavaScript.

test.beforeEach(async ({ page }) => {
  await resetClientLimits();
  await page.setViewportSize(PHONE);
});

const pages = [
  { path: "/", name: "landing" },
  { path: "/policy", name: "policy" },
  { path: "/postal", name: "postal" },
  { path: "/inquiry", name: "inquiry" },
  { path: "/status", name: "status-signin" },
  { path: "/requests/new", name: "wizard-start" },
];

for (const lang of LANGS) {
  test(`[portal] ${lang}: every public page passes axe and fits a phone`, async ({ page, context }) => {
    await useLanguage(context, lang);
    for (const p of pages) {
      await page.goto(p.path);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await shoot(page, `page-${p.name}-${lang}`);
      await expectAccessible(page);
    }
  });

  test(`[portal] ${lang}: the postal page gives the address and the printable request form`, async ({
    page,
    context,
  }) => {
    await useLanguage(context, lang);
    await page.goto("/postal");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(msg(lang, "portal.postal.title"));
    await expect(page.getByTestId("postal-address")).toContainText("542-0081");
    const href = (await page.getByTestId("postal-form-blank").getAttribute("href")) ?? "";
    const pdf = await page.request.get(href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  });
}

test("[portal] the wizard works without JavaScript: errors, the postal-code lookup, going back", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE, locale: "ja-JP" });
  const page = await context.newPage();
  const nextButton = page.getByRole("button", { name: msg("ja", "portal.wizard.next"), exact: true });
  await page.goto("/requests/new");
  await nextButton.click();
  await expect(page.locator("#f-type-error")).toHaveText(msg("ja", "requests.errors.required"));
  await page.locator("#f-type-CORRECTION").check();
  await nextButton.click();
  await expect(page).toHaveURL(/\/requests\/new\/requester$/);
  await page.locator("#f-requesterKind-SELF").check();
  await nextButton.click();
  await expect(page).toHaveURL(/\/requests\/new\/subject$/);
  await page.locator("#f-name").fill("山田 花子");
  await page.locator("#f-postalCode").fill("５４２００８１");
  await page.getByRole("button", { name: msg("ja", "portal.wizard.subject.lookup") }).click();
  await expect(page.locator("#f-prefecture")).toHaveValue("大阪府");
  await expect(page.locator("#f-city")).toHaveValue("大阪市中央区");
  await expect(page.locator("#f-name")).toHaveValue("山田 花子");
  await page.getByRole("button", { name: msg("ja", "portal.wizard.back"), exact: true }).click();
  await expect(page).toHaveURL(/\/requests\/new\/requester$/);
  await expect(page.locator("#f-requesterKind-SELF")).toBeChecked();
  await nextButton.click();
  await expect(page.locator("#f-postalCode")).toHaveValue("542-0081");

  // On to the documents: the upload form posts and comes back, as does removal.
  await page.locator("#f-nameKana").fill("ヤマダ ハナコ");
  await page.locator("#f-birthDate").fill("1990-04-01");
  await page.locator("#f-addressLine").fill("南船場1-2-3");
  await page.locator("#f-email").fill("nojs@example.com");
  await page.locator("#f-phone").fill("06-1234-5678");
  await page.locator("#f-relationship-SERVICE_USER").check();
  await nextButton.click();
  await expect(page).toHaveURL(/\/requests\/new\/details$/);
  await page.locator("#f-action-DELETE").check();
  await page.getByRole("button", { name: msg("ja", "portal.wizard.details.addItem") }).click();
  await expect(page.locator("#f-items-1-category")).toBeVisible();
  await page.locator("#f-items-0-category").selectOption("5");
  await page.locator("#f-items-0-current").fill("メールマガジンの購読履歴");
  await page.getByRole("button", { name: msg("ja", "portal.wizard.details.removeItem", { n: 2 }) }).click();
  await expect(page.locator("#f-items-1-category")).toHaveCount(0);
  await nextButton.click();
  await expect(page).toHaveURL(/\/requests\/new\/documents$/);
  await page.locator("#f-upload-kind").selectOption("PASSPORT");
  await page.locator("#f-upload-file").setInputFiles(fixture("renamed-program.pdf"));
  await page.getByRole("button", { name: msg("ja", "portal.wizard.documents.upload"), exact: true }).click();
  await expect(page.locator("#upload-file-error")).toHaveText(msg("ja", "requests.errors.fileType"));
  await page.locator("#f-upload-kind").selectOption("PASSPORT");
  await page.locator("#f-upload-file").setInputFiles(fixture("passport.png"));
  await page.getByRole("button", { name: msg("ja", "portal.wizard.documents.upload"), exact: true }).click();
  await expect(page.getByText(msg("ja", "portal.wizard.documents.uploadedNoJs"))).toBeVisible();
  await expect(page.getByTestId("uploaded-files").locator("li")).toHaveCount(1);
  await page.getByRole("button", { name: new RegExp(msg("ja", "portal.wizard.documents.remove")) }).click();
  await expect(page.getByText(msg("ja", "portal.wizard.documents.removed"))).toBeVisible();
  await expect(page.getByTestId("uploaded-files").locator("li")).toHaveCount(0);
  await context.close();
});

test("[portal] the wizard can be used with the keyboard alone", async ({ page }) => {
  /** Presses Tab until the element with this id has focus. */
  const tabTo = async (id: string) => {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
    }
    throw new Error(`could not reach #${id} with Tab`);
  };
  await page.goto("/requests/new");
  await tabTo("f-type-DISCLOSURE");
  await page.keyboard.press("ArrowDown");
  await expect(page.locator("#f-type-CORRECTION")).toBeChecked();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/requests\/new\/requester$/);
  await tabTo("f-requesterKind-SELF");
  await page.keyboard.press("Space");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/requests\/new\/subject$/);

  // Enter in a field submits "next" (not the address lookup); the errors take focus, and
  // each one's link leads to its field.
  await tabTo("f-name");
  await page.keyboard.type("山田 花子");
  await page.keyboard.press("Enter");
  const summary = page.getByRole("alert", { name: msg("ja", "common.errorSummaryTitle") });
  await expect(summary).toBeFocused();
  await expect(page).toHaveURL(/\/requests\/new\/subject$/);
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveAttribute("href", "#f-nameKana");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#f-nameKana$/);
  await page.locator("#f-postalCode").focus();
  await page.keyboard.type("1040061");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.locator("#f-prefecture")).toHaveValue("東京都");
  await expect(page.locator("#f-addressLine")).toBeFocused();
});
