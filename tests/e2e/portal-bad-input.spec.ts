import fs from "node:fs";
import { test, expect } from "./fixtures";
import { prisma } from "@/lib/server/db";
import { emailHashOf } from "@/lib/codes/one-time-code";
import {
  LANGS,
  PHONE,
  codeSentTo,
  errorSummary,
  expectAccessible,
  fixture,
  msg,
  requestRows,
  resetClientLimits,
  shoot,
  uniqueEmail,
  useLanguage,
} from "./portal-helpers";
import { chooseRequester, chooseType, fillSubject, hanako, next, stepUrl, upload } from "./portal-steps";

// [portal] Bad input is refused with a clear message in the person's language — at the
// top (focused, linked to the field) and beside the field — and nothing is saved.

test.beforeEach(async ({ page }) => {
  await resetClientLimits();
  await page.setViewportSize(PHONE);
});

for (const lang of LANGS) {
  test(`[portal] ${lang}: empty and over-long fields, invalid dates and postal codes are refused`, async ({
    page,
    context,
  }) => {
    await useLanguage(context, lang);
    const before = await requestRows();
    const e = (key: string) => msg(lang, `requests.errors.${key}`);

    // No type chosen.
    await page.goto("/requests/new");
    await next(page, lang);
    await expect(errorSummary(page, lang)).toBeFocused();
    await expect(page.locator("#f-type-error")).toHaveText(e("required"));
    await page.locator("#f-type-DISCLOSURE").check();
    await next(page, lang);

    // An agent without their details.
    await page.locator("#f-requesterKind-APPOINTED_AGENT").check();
    await next(page, lang);
    await expect(page.locator("#f-agent-name-error")).toHaveText(e("required"));
    await expect(page.locator("#f-agent-email-error")).toHaveText(e("required"));
    await page.locator("#f-requesterKind-SELF").check();
    await next(page, lang);
    await expect(page).toHaveURL(stepUrl("subject"));

    // Everything empty: each required field named at the top and beside itself.
    await next(page, lang);
    const summary = errorSummary(page, lang);
    await expect(summary).toBeFocused();
    for (const id of ["name", "nameKana", "birthDate", "postalCode", "city", "addressLine", "email", "phone"]) {
      await expect(page.locator(`#f-${id}-error`), id).toHaveText(e("required"));
      await expect(page.locator(`#f-${id}`)).toHaveAttribute("aria-invalid", "true");
    }
    await expect(page.locator("#f-relationship-error")).toHaveText(e("required"));
    await shoot(page, `errors-subject-${lang}`);
    await expectAccessible(page);

    // Wrong and over-long values.
    await page.locator("#f-name").fill("山".repeat(101));
    await page.locator("#f-nameKana").fill("Yamada");
    await page.locator("#f-birthDate").fill("1990-02-30");
    await page.locator("#f-postalCode").fill("12345");
    await page.locator("#f-email").fill("hanako@");
    await page.locator("#f-phone").fill("12-34");
    await page.locator("#f-customerId").fill("x".repeat(65));
    await next(page, lang);
    await expect(page.locator("#f-name-error")).toHaveText(e("tooLong"));
    await expect(page.locator("#f-nameKana-error")).toHaveText(e("kana"));
    await expect(page.locator("#f-birthDate-error")).toHaveText(e("date"));
    await expect(page.locator("#f-postalCode-error")).toHaveText(e("postalCode"));
    await expect(page.locator("#f-email-error")).toHaveText(e("email"));
    await expect(page.locator("#f-phone-error")).toHaveText(e("phone"));
    await expect(page.locator("#f-customerId-error")).toHaveText(e("tooLong"));
    // What was typed is kept for correcting.
    await expect(page.locator("#f-nameKana")).toHaveValue("Yamada");

    // A date in the future; a postal code that does not exist.
    await page.locator("#f-birthDate").fill("2099-01-01");
    await page.locator("#f-postalCode").fill("000-0000");
    await page.getByRole("button", { name: msg(lang, "portal.wizard.subject.lookup") }).click();
    await expect(page.locator("#f-postalCode-error")).toHaveText(e("postalCodeUnknown"));
    await next(page, lang);
    await expect(page.locator("#f-birthDate-error")).toHaveText(e("birthDateInFuture"));
    await expect(page).toHaveURL(stepUrl("subject"));

    // A later step cannot be reached by typing its address.
    await page.goto("/requests/new/review");
    await expect(page).toHaveURL(stepUrl("subject"));
    expect(await requestRows()).toEqual(before);
  });
}

test("[portal] a .exe renamed .pdf and a 50 MB file are refused and nothing is stored", async ({ page }, testInfo) => {
  await chooseType(page, "ja", "DISCLOSURE");
  await chooseRequester(page, "ja", "SELF");
  await fillSubject(page, "ja", hanako(uniqueEmail("uploads")));
  await page.locator("#f-categories-1").check();
  await page.locator("#f-deliveryMethod-ELECTRONIC").check();
  await next(page, "ja");
  await expect(page).toHaveURL(stepUrl("documents"));
  const before = await requestRows();

  // Without documents and without "by post": what is missing.
  await next(page, "ja");
  await expect(errorSummary(page, "ja")).toContainText(msg("ja", "requests.errors.subjectIdMissing"));

  // A program renamed .pdf: judged by its content.
  await page.locator("#f-upload-kind").selectOption("PASSPORT");
  await page.locator("#f-upload-file").setInputFiles(fixture("renamed-program.pdf"));
  await page.getByRole("button", { name: msg("ja", "portal.wizard.documents.upload"), exact: true }).click();
  const uploadErrors = errorSummary(page, "ja", msg("ja", "portal.wizard.documents.uploadFailed"));
  await expect(uploadErrors).toContainText(msg("ja", "requests.errors.fileType"));
  await expect(uploadErrors).toBeFocused();
  await expect(page.locator("#upload-file-error")).toHaveText(msg("ja", "requests.errors.fileType"));

  // 50 MB: refused in the browser before sending, and by the server if sent anyway.
  const big = testInfo.outputPath("scan.pdf");
  fs.writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 1));
  await page.locator("#f-upload-file").setInputFiles(big);
  await page.getByRole("button", { name: msg("ja", "portal.wizard.documents.upload"), exact: true }).click();
  await expect(page.locator("#upload-file-error")).toHaveText(msg("ja", "requests.errors.fileTooLarge"));
  const direct = await page.request.post("/api/requests/uploads", {
    headers: { accept: "application/json" },
    multipart: { kind: "PASSPORT", file: fs.createReadStream(big) },
  });
  // 413 while it streams in (issue 15 item 3), with the same message for the field.
  expect(direct.status()).toBe(413);
  expect(await direct.json()).toEqual({ error: "PAYLOAD_TOO_LARGE", fieldErrors: { file: ["errors.fileTooLarge"] } });
  await expect(page.getByTestId("uploaded-files").locator("li")).toHaveCount(0);
  expect(await requestRows()).toEqual(before);
  await shoot(page, "errors-upload-ja");
  await expectAccessible(page);
});

test("[portal] en: a wrong code six times in the wizard files nothing; resending is limited", async ({
  page,
  context,
  mailbox,
}) => {
  await useLanguage(context, "en");
  const email = uniqueEmail("wizard-codes");
  await chooseType(page, "en", "PURPOSE_NOTICE");
  await chooseRequester(page, "en", "SELF");
  await fillSubject(page, "en", hanako(email));
  await next(page, "en");
  await upload(page, "en", "PASSPORT", "passport.png");
  await next(page, "en");
  await page.locator("#f-declarationAccepted").check();
  const since = Date.now();
  await next(page, "en", msg("en", "portal.wizard.review.sendCode"));
  const code = await codeSentTo(mailbox, email, since);
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
  const before = await requestRows();
  const submit = page.getByRole("button", { name: msg("en", "portal.wizard.confirm.submit"), exact: true });

  await page.locator("#f-code").fill("12ab");
  await submit.click();
  await expect(page.locator("#f-code-error")).toHaveText(msg("en", "requests.errors.code"));
  for (let i = 0; i < 5; i++) {
    await page.locator("#f-code").fill(wrong);
    await submit.click();
    // The fifth wrong try spends the code, and a new one is offered with the wait (issue 20 point 4).
    await expect(page.locator("#f-code-error")).toHaveText(
      msg("en", i < 4 ? "requests.errors.codeInvalid" : "requests.errors.codeSpent"),
    );
  }
  await expect(page.getByTestId("resend-countdown")).toContainText(/You can send a new code (in \d+ seconds|now)/);
  await page.locator("#f-code").fill(code);
  await submit.click();
  await expect(page.locator("#f-code-error")).toHaveText(msg("en", "requests.errors.codeSpent"));
  expect(await requestRows()).toEqual(before);
  expect(await prisma.request.count({ where: { email } })).toBe(0);

  // A new code at once is refused (one a minute), with a message.
  await page.getByRole("button", { name: msg("en", "portal.wizard.confirm.resend") }).click();
  await expect(errorSummary(page, "en")).toContainText(msg("en", "requests.errors.rateLimited"));
  // A minute later it comes, and works.
  await prisma.rateLimit.deleteMany({ where: { key: { startsWith: "code-send:EMAIL_CONFIRMATION" } } });
  await prisma.oneTimeCode.updateMany({
    where: { emailHash: emailHashOf(email) },
    data: { createdAt: new Date(Date.now() - 61_000) },
  });
  const since2 = Date.now();
  await page.getByRole("button", { name: msg("en", "portal.wizard.confirm.resend") }).click();
  await expect(page.getByRole("status").filter({ hasText: msg("en", "portal.wizard.confirm.resent") })).toBeVisible();
  await page.locator("#f-code").fill(await codeSentTo(mailbox, email, since2));
  await submit.click();
  await expect(page).toHaveURL(/\/requests\/new\/done$/);
  expect(await prisma.request.count({ where: { email } })).toBe(1);
});
