import { test, expect } from "./fixtures";
import {
  DESKTOP,
  LANGS,
  PHONE,
  errorSummary,
  expectAccessible,
  fixture,
  msg,
  resetClientLimits,
  shoot,
  uniqueEmail,
  useLanguage,
  type Lang,
} from "./portal-helpers";
import { chooseRequester, next, reviewAndSubmit, stepUrl } from "./portal-steps";
import { signInWithNewStaff } from "./staff-session";
import { countryName } from "@/lib/requests/countries";
import { prisma } from "@/lib/server/db";

// [portal] Issue 20, points 2, 3, 5, 6 and 7: a person living abroad files a request from
// the landing card of its type (the card and the wizard cite the same articles), a file
// chosen but not uploaded is sent anyway, small layout and wording fixes hold at 390 px and
// on a desktop, and /en/… or ?lang= addresses open the portal in that language.

test.beforeEach(async () => {
  await resetClientLimits();
});

const other = (lang: Lang): Lang => (lang === "ja" ? "en" : "ja");
const ADDRESS = "ul. Piotrkowska 12 m. 4\n90-001 Łódź";

for (const lang of LANGS) {
  test(`[portal] ${lang}: a requester abroad starts from the landing card, gives a free address and a phone with country code, and a chosen file is uploaded without pressing the upload button`, async ({
    browser,
    mailbox,
  }) => {
    // A whole journey, a no-JavaScript look at one step and the console: more than one default timeout.
    test.setTimeout(4 * 60_000);
    const context = await browser.newContext({
      viewport: PHONE,
      locale: lang === "ja" ? "ja-JP" : "en-US",
      timezoneId: "Asia/Tokyo",
    });
    await useLanguage(context, lang);
    const page = await context.newPage();
    const email = uniqueEmail(`abroad-${lang}`);

    // Point 5: the card for stopping third-party provision starts that request and cites Arts 3 and 11 (Art 8 is suspension/erasure).
    await page.goto("/");
    const card = page.getByTestId("landing-card-THIRD_PARTY_STOP");
    await expect(card.locator('a[href="/policy#art-3"]')).toHaveText(msg(lang, "portal.landing.policyLink", { n: 3 }));
    await expect(card.locator('a[href="/policy#art-11"]')).toBeVisible();
    await expect(card.locator('a[href="/policy#art-8"]')).toHaveCount(0);
    for (const type of ["DISCLOSURE", "CORRECTION", "SUSPENSION", "THIRD_PARTY_STOP", "PURPOSE_NOTICE"]) {
      await expect(
        page.getByTestId(`landing-card-${type}`).locator(`a[href="/requests/new?type=${type}"]`),
      ).toHaveCount(1);
    }
    await card
      .getByRole("link", {
        name: msg(lang, "portal.landing.startType", { title: msg(lang, "portal.landing.thirdPartyTitle") }),
      })
      .click();
    await expect(page).toHaveURL(/\/requests\/new\?type=THIRD_PARTY_STOP$/);
    await expect(page.locator("#f-type-THIRD_PARTY_STOP")).toBeChecked();
    await expect(page.locator('main a[href="/policy#art-3"]')).toBeVisible();
    await next(page, lang);
    await chooseRequester(page, lang, "SELF");

    // Point 2, without JavaScript: choosing "outside Japan" swaps the address fields by CSS alone.
    const plainContext = await browser.newContext({
      javaScriptEnabled: false,
      viewport: PHONE,
      storageState: await context.storageState(),
    });
    const plain = await plainContext.newPage();
    await plain.goto("/requests/new/subject");
    await expect(plain.locator("#f-residence-JP")).toBeChecked();
    await expect(plain.locator("#f-postalCode")).toBeVisible();
    await expect(plain.locator("#f-country")).toBeHidden();
    await plain.locator("#f-residence-ABROAD").check();
    await expect(plain.locator("#f-postalCode")).toBeHidden();
    await expect(plain.locator("#f-country")).toBeVisible();
    await expect(plain.locator("#f-address")).toBeVisible();
    await plainContext.close();

    // Point 2, with JavaScript and the keyboard: the choice is a radio group reached by Tab and arrow keys.
    await page.locator("#f-residence-JP").focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.locator("#f-residence-ABROAD")).toBeChecked();
    await expect(page.locator("#f-postalCode")).toBeHidden();
    await page.locator("#f-name").fill("Anna Kowalska");
    await page.locator("#f-birthDate").fill("1988-02-03");
    await page.locator("#f-country").selectOption("PL");
    await page.locator("#f-address").fill(ADDRESS);
    await page.locator("#f-email").fill(email);
    // Without the country code: refused, with the reason, and nothing typed is lost.
    await page.locator("#f-phone").fill("42 123 45 67");
    await page.locator("#f-relationship-SERVICE_USER").check();
    await next(page, lang);
    const summary = errorSummary(page, lang);
    await expect(summary).toContainText(msg(lang, "requests.errors.phoneInternational"));
    await expect(summary).not.toContainText(msg(lang, "requests.errors.required"));
    await expect(page.locator("#f-address")).toHaveValue(ADDRESS);
    await expect(page.locator("#f-residence-ABROAD")).toBeChecked();
    await shoot(page, `abroad-subject-${lang}`);
    await expectAccessible(page);
    await page.locator("#f-phone").fill("+48 42 123 45 67");
    await next(page, lang);
    await expect(page).toHaveURL(stepUrl("details"));

    // Point 5: the details step cites the same articles as the card.
    await expect(page.locator('main a[href="/policy#art-3"]')).toBeVisible();
    await expect(page.locator('main a[href="/policy#art-11"]')).toBeVisible();
    await expect(page.locator('main a[href="/policy#art-8"]')).toHaveCount(0);
    await page.locator("#f-categories-1").check();
    await page.locator("#f-ground-THIRD_PARTY_WITHOUT_CONSENT").check();
    await next(page, lang);
    await expect(page).toHaveURL(stepUrl("documents"));
    // Point 2: a foreign passport is named among the documents; point 6: no untranslated 本籍 in English.
    await expect(page.locator("#f-upload-kind option[value=PASSPORT]")).toHaveText(
      msg(lang, "requests.documentKinds.PASSPORT"),
    );
    if (lang === "en") expect(await page.locator("main").innerText()).not.toContain("本籍");

    // Point 3: a file chosen before its kind: the kind is asked for, the file stays chosen and goes once the kind is chosen.
    const list = page.getByTestId("uploaded-files").locator("li");
    await page.locator("#f-upload-file").setInputFiles(fixture("passport.png"));
    await expect(errorSummary(page, lang, msg(lang, "portal.wizard.documents.uploadFailed"))).toContainText(
      msg(lang, "requests.errors.kindFirst"),
    );
    await expect(list).toHaveCount(0);
    await page.locator("#f-upload-kind").selectOption("PASSPORT");
    await expect(list).toHaveCount(1);
    await expect(page.getByRole("status").filter({ hasText: "passport.png" })).toBeVisible();

    // Point 3: a file whose upload did not go through is still in the picker; 次へ sends it, then goes on.
    await page.route("**/api/requests/uploads", (route) => route.abort());
    await page.locator("#f-upload-kind").selectOption("DRIVERS_LICENSE");
    await page.locator("#f-upload-file").setInputFiles(fixture("drivers-license.jpg"));
    await expect(errorSummary(page, lang, msg(lang, "portal.wizard.documents.uploadFailed"))).toBeVisible();
    await page.unroute("**/api/requests/uploads");
    await shoot(page, `abroad-documents-${lang}`);
    await next(page, lang);
    await expect(page).toHaveURL(stepUrl("review"));
    const review = page.locator("main");
    await expect(review).toContainText("drivers-license.jpg");
    await expect(review).toContainText("passport.png");
    await expect(review).toContainText("90-001 Łódź");
    await expect(review).toContainText(countryName("PL", lang));
    const reference = await reviewAndSubmit(page, lang, mailbox, email);
    await context.close();

    // Stored with the country; the Japanese address parts stay empty.
    const row = await prisma.request.findUniqueOrThrow({
      where: { reference },
      select: {
        id: true,
        country: true,
        postalCode: true,
        prefecture: true,
        addressLine: true,
        subjectNameKana: true,
        phone: true,
        _count: { select: { documents: true } },
      },
    });
    expect(row).toMatchObject({
      country: "PL",
      postalCode: null,
      prefecture: null,
      addressLine: ADDRESS,
      subjectNameKana: null,
      phone: "+48421234567",
    });
    expect(row._count.documents).toBe(2);

    // The console shows the address as written, with the country on the last line.
    const staff = await browser.newContext({ viewport: DESKTOP });
    const consolePage = await staff.newPage();
    await signInWithNewStaff(consolePage, "STAFF");
    await consolePage.goto(`/console/requests/${row.id}`);
    const address = consolePage.getByTestId("address-abroad");
    await expect(address).toContainText("ul. Piotrkowska 12 m. 4");
    await expect(address).toContainText(countryName("PL", "ja"));
    await staff.close();
  });

  test(`[portal] ${lang}: /${lang}/… and ?lang=${lang} open that language at a plain address; fees, header and footer fit a phone`, async ({
    browser,
  }) => {
    // Start in the other language, as a link from an English privacy policy would find a Japanese cookie.
    const context = await browser.newContext({ viewport: PHONE });
    await useLanguage(context, other(lang));
    const page = await context.newPage();

    await page.goto(`/${lang}/requests/new?type=PURPOSE_NOTICE`);
    await expect(page).toHaveURL(/\/requests\/new\?type=PURPOSE_NOTICE$/);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.locator("#f-type-PURPOSE_NOTICE")).toBeChecked();
    // The language sticks: the next plain address is in it too.
    await page.goto("/policy");
    await expect(page.locator("html")).toHaveAttribute("lang", lang);

    await useLanguage(context, other(lang));
    await page.goto(`/?lang=${lang}`);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);

    // Point 6: the fee with its thousands separator, as everywhere else.
    const fee = page.locator("#fee-title + p");
    await expect(fee).toContainText(lang === "ja" ? "5,500円" : "¥5,500");
    await expect(fee).not.toContainText("5500");

    // Point 6: at 390 px the header's policy link keeps its words on one line, and the footer has side margins.
    for (const size of [PHONE, DESKTOP]) {
      await page.setViewportSize(size);
      const link = page.getByRole("navigation").getByRole("link", { name: msg(lang, "common.privacyPolicy") });
      const box = await link.boundingBox();
      const lineHeight = await link.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      expect(box?.height ?? 0).toBeLessThan(lineHeight * 1.5);
      const footer = await page.locator("footer").evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const text = range.getBoundingClientRect();
        return { left: text.left, right: text.right, width: document.documentElement.clientWidth };
      });
      expect(footer.left).toBeGreaterThanOrEqual(12);
      expect(footer.right).toBeLessThanOrEqual(footer.width - 12);
    }
    await shoot(page, `landing-reach-${lang}`);
    await expectAccessible(page);
    await context.close();
  });
}
