import fs from "node:fs";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { prisma } from "@/lib/server/db";
import { createOrUpdatePackage } from "@/lib/packages/create-package";
import { addPackageFile } from "@/lib/packages/package-files";
import { publishPackage } from "@/lib/packages/publish-package";
import {
  LANGS,
  PHONE,
  codeSentTo,
  errorSummary,
  expectAccessible,
  fixture,
  msg,
  resetClientLimits,
  shoot,
  uniqueEmail,
  useLanguage,
} from "./portal-helpers";
import { fileRequestDirectly } from "./portal-steps";

// [portal] The status page, in Japanese and English: opened by reference + email + code or
// by the mail link; plain words, what is needed, messages with attachments, notices,
// withdrawal, and the disclosed files after a fresh code.

test.beforeEach(async ({ page }) => {
  await resetClientLimits();
  await page.setViewportSize(PHONE);
});

for (const lang of LANGS) {
  test(`[portal] ${lang}: opens the status page by reference, email and code; writes to staff with an attachment; withdraws`, async ({
    page,
    context,
    mailbox,
  }) => {
    await useLanguage(context, lang);
    const email = uniqueEmail(`status-${lang}`);
    const { reference, requestId } = await fileRequestDirectly(mailbox, { email, lang });

    await page.goto("/status");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(msg(lang, "portal.status.title"));
    await shoot(page, `status-access-${lang}`);
    await expectAccessible(page);

    // A wrong address gets the very answer a right one gets, and no mail is sent for it.
    const wrong = uniqueEmail("nobody");
    await page.locator("#f-reference").fill(reference.toLowerCase());
    await page.locator("#f-email").fill(wrong);
    await page.getByRole("button", { name: msg(lang, "portal.status.access.send"), exact: true }).click();
    await expect(page.getByRole("status")).toHaveText(msg(lang, "portal.status.access.sent"));
    await expect(page.locator("#f-code")).toBeVisible();
    await page.getByRole("button", { name: msg(lang, "portal.status.access.restart") }).click();

    const since = Date.now();
    await page.locator("#f-reference").fill(reference);
    await page.locator("#f-email").fill(email.toUpperCase());
    await page.getByRole("button", { name: msg(lang, "portal.status.access.send"), exact: true }).click();
    await expect(page.getByRole("status")).toHaveText(msg(lang, "portal.status.access.sent"));
    await expect(page.locator("#f-code")).toBeVisible();
    await shoot(page, `status-code-${lang}`);
    await expectAccessible(page);
    const code = await codeSentTo(mailbox, email, since);
    expect(mailbox.all().some((m) => m.to.includes(wrong))).toBe(false);
    await page.locator("#f-code").fill(code);
    await page.getByRole("button", { name: msg(lang, "portal.status.access.open"), exact: true }).click();

    // Plain words, the target date, what is needed, the fee.
    await expect(page.getByTestId("status-reference")).toHaveText(reference);
    await expect(page.getByTestId("status-summary")).toContainText(msg(lang, "requests.status.RECEIVED.description"));
    await expect(page.getByTestId("target-date")).toBeVisible();
    await expect(page.getByTestId("needs")).toContainText(msg(lang, "requests.needs.POST_DOCUMENTS"));
    await expect(page.getByTestId("needs")).toContainText(msg(lang, "requests.needs.PAYMENT"));
    await expect(page.getByTestId("fee-panel")).toBeVisible();

    // An attachment over 10 MB is refused before anything is sent.
    const big = test.info().outputPath("big-scan.pdf");
    fs.writeFileSync(big, Buffer.alloc(11 * 1024 * 1024, 1));
    await page.locator("#f-body").fill("大きすぎる添付");
    await page.locator("#f-attachments").setInputFiles(big);
    await page.getByRole("button", { name: msg(lang, "portal.status.messages.send"), exact: true }).click();
    await expect(errorSummary(page, lang)).toContainText(msg(lang, "requests.errors.fileTooLarge"));
    expect(await prisma.message.count({ where: { requestId } })).toBe(0);

    // A message with an attachment; it shows in the thread and downloads.
    await page.locator("#f-body").fill("本人確認書類の写しを添付します。");
    await page.locator("#f-attachments").setInputFiles(fixture("passport.png"));
    await page.getByRole("button", { name: msg(lang, "portal.status.messages.send"), exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: msg(lang, "portal.status.messages.sent") })).toBeVisible();
    const thread = page.getByTestId("messages");
    await expect(thread).toContainText("本人確認書類の写しを添付します。");
    const attachment = thread.getByRole("link", {
      name: msg(lang, "portal.status.messages.attachment", { name: "passport.png" }),
    });
    const download = page.waitForEvent("download");
    await attachment.click();
    expect(
      fs
        .readFileSync(await (await download).path())
        .subarray(1, 4)
        .toString(),
    ).toBe("PNG");

    // The acknowledgement notice as PDF (rendered by a job: it appears shortly).
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("notices").getByRole("link")).toHaveCount(1, { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    const pdf = await page.request.get(
      (await page.getByTestId("notices").getByRole("link").getAttribute("href")) ?? "",
    );
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    await shoot(page, `status-view-${lang}`);
    await expectAccessible(page);

    // Withdrawal, confirmed on its own page.
    await page.getByRole("link", { name: msg(lang, "portal.status.withdraw.start") }).click();
    await expect(page).toHaveURL(/\/status\/withdraw$/);
    await shoot(page, `status-withdraw-${lang}`);
    await expectAccessible(page);
    await page.locator("#f-reason").fill("自分で確認できたため。");
    const withdrawnAt = Date.now();
    await page.getByRole("button", { name: msg(lang, "portal.status.withdraw.confirm") }).click();
    await expect(page).toHaveURL(/\/status\?withdrawn=1$/);
    await expect(page.getByText(msg(lang, "portal.status.withdraw.done"))).toBeVisible();
    await expect(page.getByTestId("status-summary")).toContainText(msg(lang, "requests.status.WITHDRAWN.title"));
    await expect(page.getByRole("link", { name: msg(lang, "portal.status.withdraw.start") })).toHaveCount(0);
    expect(await prisma.request.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "WITHDRAWN" });
    await mailbox.waitFor({ to: email, since: withdrawnAt, subject: new RegExp(reference) });

    // Signing out ends the session everywhere.
    await page.getByRole("button", { name: msg(lang, "portal.status.signOut") }).click();
    await expect(page.getByText(msg(lang, "portal.status.access.signedOut"))).toBeVisible();
    await page.goto("/status");
    await expect(page.locator("#f-reference")).toBeVisible();
  });

  test(`[portal] ${lang}: downloads the published package after a fresh code; each download recorded; links expire`, async ({
    page,
    context,
    mailbox,
  }) => {
    await useLanguage(context, lang);
    const email = uniqueEmail(`package-${lang}`);
    const { requestId, statusLink } = await fileRequestDirectly(mailbox, { email, lang });

    // Staff verify, waive, decide and publish, through the console's own functions.
    const admin = await prisma.staffUser.findFirstOrThrow({ where: { role: "ADMIN" } });
    const actor = { type: "STAFF" as const, id: admin.id, role: admin.role };
    const r = await prisma.request.update({
      where: { id: requestId },
      data: { identity: "VERIFIED", fee: "WAIVED", status: "DECIDED", outcome: "FULFILLED" },
    });
    const p = await createOrUpdatePackage({ actor, input: { requestId, version: r.version } });
    const csv = Buffer.from("日付,項目\n2026-01-01,ログイン\n", "utf8");
    const f = await addPackageFile({
      actor,
      input: { requestId, version: p.version, file: { fileName: "login-history.csv", content: csv } },
    });
    await publishPackage({ actor, input: { requestId, version: f.version } });

    // The mail link signs in and leaves the address bar at once, sending no Referer.
    // An English mail links under /en/: that sets the language, then goes to the same path without it.
    let hop = await page.request.get(statusLink, { maxRedirects: 0 });
    if (lang === "en") {
      expect(hop.status()).toBe(307);
      expect(hop.headers()["referrer-policy"]).toBe("no-referrer");
      expect(hop.headers()["location"]).toMatch(/\/status\/t\/[A-Za-z0-9_-]+$/);
      hop = await page.request.get(new URL(hop.headers()["location"] ?? "", statusLink).toString(), {
        maxRedirects: 0,
      });
    }
    expect(hop.status()).toBe(303);
    expect(hop.headers()["referrer-policy"]).toBe("no-referrer");
    expect(hop.headers()["location"]).toMatch(/\/status$/);
    await page.goto(statusLink);
    await expect(page).toHaveURL(/\/status$/);

    const section = page.getByTestId("package");
    await expect(section.getByRole("heading")).toHaveText(msg(lang, "portal.status.package.title"));
    await expect(section.getByRole("link")).toHaveCount(0);
    // Signed in is not enough: a file asked for directly sends the person to enter a code.
    const fileId = f.fileId;
    await page.goto(`/api/status/package/${fileId}`);
    await expect(page).toHaveURL(/\/status\?download=verify$/);

    const since = Date.now();
    await section.getByRole("button", { name: msg(lang, "portal.status.package.sendCode") }).click();
    await expect(
      page.getByRole("status").filter({ hasText: msg(lang, "portal.status.package.codeSent") }),
    ).toBeVisible();
    const code = await codeSentTo(mailbox, email, since);
    await page.locator("#f-download-code").fill(code);
    await section.getByRole("button", { name: msg(lang, "portal.status.package.verify") }).click();
    const link = section.getByRole("link", {
      name: msg(lang, "portal.status.package.file", { name: "login-history.csv" }),
    });
    await expect(link).toBeVisible();
    await expect(section.getByText(msg(lang, "portal.status.package.verifyAgain"))).toHaveCount(0);
    await shoot(page, `status-package-${lang}`);
    await expectAccessible(page);

    const download = page.waitForEvent("download");
    await link.click();
    expect(fs.readFileSync(await (await download).path()).toString("utf8")).toBe(csv.toString("utf8"));
    const pkg = await prisma.disclosurePackage.findUniqueOrThrow({ where: { requestId } });
    await expect.poll(() => prisma.downloadRecord.count({ where: { packageId: pkg.id } })).toBe(1);

    // The fresh code lasts 15 minutes; after that, another one is needed.
    await prisma.requesterSession.updateMany({
      where: { requestId },
      data: { downloadVerifiedAt: new Date(Date.now() - 16 * 60_000) },
    });
    const stale = await page.request.get(`/api/status/package/${fileId}`, { maxRedirects: 0 });
    expect(stale.status()).toBe(303);
    expect(stale.headers()["location"]).toMatch(/\/status\?download=verify$/);

    // And the link itself expires with the package.
    await prisma.disclosurePackage.update({ where: { id: pkg.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await prisma.requesterSession.updateMany({ where: { requestId }, data: { downloadVerifiedAt: new Date() } });
    const expired = await page.request.get(`/api/status/package/${fileId}`, { maxRedirects: 0 });
    expect(expired.headers()["location"]).toMatch(/\/status\?download=expired$/);
    await page.goto("/status");
    await expect(section).toContainText(msg(lang, "portal.status.package.expired"));
    expect(await prisma.downloadRecord.count({ where: { packageId: pkg.id } })).toBe(1);
  });
}

for (const lang of LANGS) {
  test(`[portal] ${lang}: the status form sent empty names each missing field in its error summary, also without JavaScript`, async ({
    page,
    context,
    browser,
  }) => {
    // WCAG 3.3.1: two empty required fields must not read as the same message twice.
    const item = (field: string) =>
      msg(lang, "common.errorSummaryItem", {
        label: msg(lang, `portal.status.access.${field}`),
        message: msg(lang, "requests.errors.required"),
      });
    const expectNamed = async (p: Page) => {
      await p.getByRole("button", { name: msg(lang, "portal.status.access.send"), exact: true }).click();
      const links = errorSummary(p, lang).getByRole("link");
      await expect(links).toHaveText([item("reference"), item("email")]);
      await expect(links.first()).toHaveAttribute("href", "#f-reference");
      await expect(links.last()).toHaveAttribute("href", "#f-email");
    };
    await useLanguage(context, lang);
    await page.goto("/status");
    await expectNamed(page);
    await expect(errorSummary(page, lang)).toBeFocused();
    await expectAccessible(page);

    // The labels are in the server's HTML: a browser without JavaScript shows the same summary.
    const plainContext = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE });
    await useLanguage(plainContext, lang);
    const plain = await plainContext.newPage();
    await plain.goto("/status");
    await expectNamed(plain);
    await plainContext.close();
  });
}

test("[portal] another request's files are not found, and a forged status link opens nothing", async ({
  page,
  mailbox,
}) => {
  const a = await fileRequestDirectly(mailbox, { email: uniqueEmail("own"), lang: "ja" });
  const b = await fileRequestDirectly(mailbox, { email: uniqueEmail("other"), lang: "ja" });
  await page.goto(a.statusLink);
  await expect(page).toHaveURL(/\/status$/);
  // B's acknowledgement as PDF (made by a job) is a real file of another request.
  await expect
    .poll(async () => (await prisma.notice.findFirst({ where: { requestId: b.requestId } }))?.fileId ?? null, {
      timeout: 20_000,
    })
    .not.toBeNull();
  const notice = await prisma.notice.findFirstOrThrow({ where: { requestId: b.requestId } });
  const otherFile = notice.fileId ?? "";
  for (const path of [
    `/api/status/notices/${notice.id}`,
    `/api/status/attachments/${otherFile}`,
    `/api/status/package/${otherFile}`,
  ]) {
    expect((await page.request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
  }
  await expect(page.getByTestId("status-reference")).toHaveText(a.reference);

  // A made-up (or altered) link: the same message as an expired one, and no session.
  const sessions = await prisma.requesterSession.count();
  const forged = b.statusLink.replace(/.{4}$/, "AAAA");
  await page.context().clearCookies();
  await page.goto(forged);
  await expect(page).toHaveURL(/\/status\?link=invalid$/);
  await expect(page.getByText(msg("ja", "portal.status.access.linkInvalid"))).toBeVisible();
  expect(await prisma.requesterSession.count()).toBe(sessions);
});

test("[portal] a wrong code six times is refused even when the sixth is right (spent after the fifth); an expired or used code is refused", async ({
  page,
  mailbox,
}) => {
  const email = uniqueEmail("codes");
  const { reference, requestId } = await fileRequestDirectly(mailbox, { email, lang: "ja" });
  await page.goto("/status");
  const since = Date.now();
  await page.locator("#f-reference").fill(reference);
  await page.locator("#f-email").fill(email);
  await page.getByRole("button", { name: msg("ja", "portal.status.access.send"), exact: true }).click();
  const code = await codeSentTo(mailbox, email, since);
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
  for (let i = 0; i < 5; i++) {
    await page.locator("#f-code").fill(wrong);
    await page.getByRole("button", { name: msg("ja", "portal.status.access.open"), exact: true }).click();
    // The fifth wrong try spends the code (issue 20 point 4).
    await expect(page.locator("#f-code-error")).toHaveText(
      msg("ja", i < 4 ? "requests.errors.codeInvalid" : "requests.errors.codeSpent"),
    );
    await expect(errorSummary(page, "ja")).toBeFocused();
  }
  await page.locator("#f-code").fill(code);
  await page.getByRole("button", { name: msg("ja", "portal.status.access.open"), exact: true }).click();
  await expect(page.locator("#f-code-error")).toHaveText(msg("ja", "requests.errors.codeSpent"));
  expect(await prisma.requesterSession.count({ where: { requestId } })).toBe(0);

  // A fresh code (a minute later) that has expired by the time it is typed.
  await prisma.rateLimit.deleteMany({ where: { key: { startsWith: "code-send:STATUS_ACCESS" } } });
  await prisma.oneTimeCode.updateMany({
    where: { requestId, purpose: "STATUS_ACCESS" },
    data: { createdAt: new Date(Date.now() - 61_000) },
  });
  const since2 = Date.now();
  await page.getByRole("button", { name: msg("ja", "portal.status.access.resend") }).click();
  const code2 = await codeSentTo(mailbox, email, since2);
  await prisma.oneTimeCode.updateMany({
    where: { requestId, purpose: "STATUS_ACCESS", consumedAt: null },
    data: { expiresAt: new Date(Date.now() - 1000) },
  });
  await page.locator("#f-code").fill(code2);
  await page.getByRole("button", { name: msg("ja", "portal.status.access.open"), exact: true }).click();
  // Expired answers like any wrong code (issue 15 item 4).
  await expect(page.locator("#f-code-error")).toHaveText(msg("ja", "requests.errors.codeInvalid"));

  // A good code opens the page once; the same code again opens nothing.
  await prisma.rateLimit.deleteMany({ where: { key: { startsWith: "code-send:STATUS_ACCESS" } } });
  await prisma.oneTimeCode.updateMany({
    where: { requestId, purpose: "STATUS_ACCESS" },
    data: { createdAt: new Date(Date.now() - 61_000) },
  });
  const since3 = Date.now();
  await page.getByRole("button", { name: msg("ja", "portal.status.access.resend") }).click();
  const code3 = await codeSentTo(mailbox, email, since3);
  await page.locator("#f-code").fill(code3);
  await page.getByRole("button", { name: msg("ja", "portal.status.access.open"), exact: true }).click();
  await expect(page.getByTestId("status-reference")).toHaveText(reference);
  await page.getByRole("button", { name: msg("ja", "portal.status.signOut") }).click();
  await page.locator("#f-reference").fill(reference);
  await page.locator("#f-email").fill(email);
  await page.getByRole("button", { name: msg("ja", "portal.status.access.send"), exact: true }).click();
  await page.locator("#f-code").fill(code3);
  await page.getByRole("button", { name: msg("ja", "portal.status.access.open"), exact: true }).click();
  await expect(page.locator("#f-code-error")).toHaveText(msg("ja", "requests.errors.codeInvalid"));
  expect(await prisma.requesterSession.count({ where: { requestId, expiresAt: { gt: new Date() } } })).toBe(0);
});
