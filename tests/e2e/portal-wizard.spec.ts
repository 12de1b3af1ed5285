import { test, expect } from "./fixtures";
import { prisma } from "@/lib/server/db";
import {
  LANGS,
  PHONE,
  codeSentTo,
  errorSummary,
  expectAccessible,
  msg,
  resetClientLimits,
  shoot,
  uniqueEmail,
  useLanguage,
} from "./portal-helpers";
import {
  agentTakahashi,
  chooseRequester,
  chooseType,
  fillSubject,
  hanako,
  next,
  reviewAndSubmit,
  stepUrl,
  upload,
} from "./portal-steps";

// [portal] The request wizard, in Japanese and English, on a 390-px phone: one step per
// screen, screenshots of each step (phone and desktop) checked for overlap, axe on each.

// Whole filings with uploads, axe and screenshots at every step: on a loaded two-core machine
// one took just over a minute, so the journeys get two.
test.describe.configure({ timeout: 120_000 });

test.beforeEach(async ({ page }) => {
  await resetClientLimits();
  await page.setViewportSize(PHONE);
});

for (const lang of LANGS) {
  test(`[portal] ${lang}: the person files a disclosure with an ID upload and reaches the status page`, async ({
    page,
    context,
    mailbox,
  }) => {
    await useLanguage(context, lang);
    const email = uniqueEmail(`disclosure-${lang}`);
    const shots = { name: `wizard-${lang}` };
    await chooseType(page, lang, "DISCLOSURE", shots);
    await chooseRequester(page, lang, "SELF", undefined, shots);
    await fillSubject(page, lang, hanako(email), shots);

    // Details: the relationship narrowed the categories (service user: items 1–6, not 7–11).
    await expect(page.locator("#f-categories-1")).toBeVisible();
    await expect(page.locator("#f-categories-7")).toHaveCount(0);
    await shoot(page, `${shots.name}-4-details`);
    await expectAccessible(page);
    await page.locator("#f-categories-1").check();
    await page.locator("#f-categories-2").check();
    await page.locator("#f-period-from").fill("2024-01-01");
    await page.locator("#f-deliveryMethod-ELECTRONIC").check();
    await page.locator("#f-includeProvisionRecords").check();
    await next(page, lang);
    await expect(page).toHaveURL(stepUrl("documents"));

    // Documents: masking guidance, an upload with progress and a preview, then removal and again.
    await expect(page.getByRole("heading", { name: msg(lang, "portal.wizard.documents.maskTitle") })).toBeVisible();
    await shoot(page, `${shots.name}-5-documents`);
    await expectAccessible(page);
    await upload(page, lang, "DRIVERS_LICENSE", "drivers-license.jpg");
    const preview = page.getByRole("img", {
      name: msg(lang, "portal.wizard.documents.previewAlt", {
        kind: msg(lang, "requests.documentKinds.DRIVERS_LICENSE"),
      }),
    });
    await expect(preview).toBeVisible();
    // Visible is not loaded: the preview is fetched from the server after it appears.
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await shoot(page, `${shots.name}-5-documents-uploaded`);
    await expectAccessible(page);

    // Back to the details and forward again: the answers are still there.
    await page.getByRole("button", { name: msg(lang, "portal.wizard.back"), exact: true }).click();
    await expect(page).toHaveURL(stepUrl("details"));
    await expect(page.locator("#f-categories-2")).toBeChecked();
    await expect(page.locator("#f-period-from")).toHaveValue("2024-01-01");
    await next(page, lang);
    await expect(page).toHaveURL(stepUrl("documents"));
    await expect(page.getByTestId("uploaded-files").locator("li")).toHaveCount(1);
    await next(page, lang);

    // Review: everything, the fee (tax included, paid after submission), the pre-filled postal form.
    await expect(
      page.getByText(msg(lang, "portal.wizard.review.withKana", { name: "山田 花子", kana: "ヤマダ ハナコ" })),
    ).toBeVisible();
    await expect(page.getByText("〒104-0061 東京都中央区銀座1-2-3")).toBeVisible();
    const pdf = await page.request.get("/postal/form?filled=1");
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect(pdf.headers()["cache-control"]).toContain("no-store");
    const reference = await reviewAndSubmit(page, lang, mailbox, email, shots, true);

    const r = await prisma.request.findUniqueOrThrow({ where: { reference }, include: { documents: true } });
    expect(r).toMatchObject({
      type: "DISCLOSURE",
      requesterKind: "SELF",
      subjectName: "山田 花子",
      email,
      locale: lang,
      fee: "AWAITING_PAYMENT",
      status: "RECEIVED",
    });
    expect(r.documents.map((d) => [d.kind, d.holder])).toEqual([["DRIVERS_LICENSE", "SUBJECT"]]);
    await mailbox.waitFor({ to: email, subject: new RegExp(reference) });

    // Straight on to the status page (signed in by the submission).
    await page.getByRole("link", { name: msg(lang, "portal.done.toStatus") }).click();
    await expect(page).toHaveURL(/\/status$/);
    await expect(page.getByTestId("status-reference")).toHaveText(reference);
    await expect(page.getByTestId("status-summary")).toContainText(msg(lang, "requests.status.RECEIVED.title"));
    await expect(page.getByTestId("needs")).toContainText(msg(lang, "requests.needs.PAYMENT"));
    await expect(page.getByTestId("fee-panel")).toBeVisible();
    await shoot(page, `status-${lang}`);
    await expectAccessible(page);
  });

  test(`[portal] ${lang}: an appointed agent files a correction with a power of attorney and seal certificate`, async ({
    page,
    context,
    mailbox,
  }) => {
    await useLanguage(context, lang);
    const agentEmail = uniqueEmail(`agent-${lang}`);
    const subjectEmail = uniqueEmail(`principal-${lang}`);
    await chooseType(page, lang, "CORRECTION");
    await chooseRequester(page, lang, "APPOINTED_AGENT", agentTakahashi(agentEmail));
    await fillSubject(page, lang, hanako(subjectEmail));

    await page.locator("#f-action-CORRECT").check();
    await page.locator("#f-items-0-category").selectOption("1");
    await page.locator("#f-items-0-current").fill("東京都中央区銀座9-9-9");
    await page.locator("#f-items-0-corrected").fill("東京都中央区銀座1-2-3");
    await page.getByRole("button", { name: msg(lang, "portal.wizard.details.addItem") }).click();
    await expect(page.locator("#f-items-1-category")).toBeVisible();
    await expect(page.locator("#f-items-0-current")).toHaveValue("東京都中央区銀座9-9-9");
    await page.locator("#f-items-1-category").selectOption("1");
    await page.locator("#f-items-1-current").fill("03-0000-0000");
    await page.locator("#f-items-1-corrected").fill("03-1234-5678");
    await next(page, lang);
    await expect(page).toHaveURL(stepUrl("documents"));

    // Missing the agent's authority: refused with what is missing.
    await upload(page, lang, "PASSPORT", "passport.png");
    await next(page, lang);
    const summary = errorSummary(page, lang);
    await expect(summary).toBeFocused();
    await expect(summary).toContainText(msg(lang, "requests.errors.powerOfAttorneyMissing"));
    await expect(summary).toContainText(msg(lang, "requests.errors.sealCertificateMissing"));
    await upload(page, lang, "POWER_OF_ATTORNEY", "power-of-attorney.pdf");
    await upload(page, lang, "SEAL_CERTIFICATE", "seal-certificate.pdf", "2026-11-01");
    await next(page, lang);

    await expect(page.getByText(agentEmail).first()).toBeVisible();
    const reference = await reviewAndSubmit(page, lang, mailbox, agentEmail);
    const r = await prisma.request.findUniqueOrThrow({
      where: { reference },
      include: { documents: { orderBy: { createdAt: "asc" } } },
    });
    expect(r).toMatchObject({
      type: "CORRECTION",
      requesterKind: "APPOINTED_AGENT",
      agentEmail,
      email: subjectEmail,
      fee: "NOT_REQUIRED",
    });
    expect(r.details).toMatchObject({
      action: "CORRECT",
      items: [
        { category: 1, current: "東京都中央区銀座9-9-9", corrected: "東京都中央区銀座1-2-3" },
        { category: 1, corrected: "03-1234-5678" },
      ],
    });
    expect(r.documents.map((d) => [d.kind, d.holder])).toEqual([
      ["PASSPORT", "AGENT"],
      ["POWER_OF_ATTORNEY", "AGENT"],
      ["SEAL_CERTIFICATE", "SUBJECT"],
    ]);
    expect(r.documents[2]?.issuedOn?.toISOString().slice(0, 10)).toBe("2026-11-01");
  });

  test(`[portal] ${lang}: a suspension citing a purpose from Art 2.2, documents by post, submitted once though pressed twice`, async ({
    page,
    context,
    mailbox,
  }) => {
    await useLanguage(context, lang);
    const email = uniqueEmail(`suspension-${lang}`);
    await chooseType(page, lang, "SUSPENSION");
    await chooseRequester(page, lang, "SELF");
    await fillSubject(page, lang, hanako(email));

    await page.locator("#f-categories-1").check();
    await page.locator("#f-ground-BEYOND_PURPOSE").check();
    // The likely purposes for a service user come first; the policy's list is one link away.
    await expect(page.getByRole("link", { name: msg(lang, "portal.wizard.details.purposesLink") })).toHaveAttribute(
      "href",
      "/policy#art-2",
    );
    await page.locator("#f-purpose").selectOption("5");
    await page.locator("#f-wanted-SUSPEND_USE").check();
    await page.locator("#f-explanation").fill("広告メールの停止を依頼したのに届き続けています。");
    await next(page, lang);
    await page.locator("#f-sendByPost").check();
    await next(page, lang);
    await expect(page.getByText(`(5) ${msg(lang, "requests.purposes.5")}`)).toBeVisible();

    await page.locator("#f-declarationAccepted").check();
    const since = Date.now();
    await next(page, lang, msg(lang, "portal.wizard.review.sendCode"));
    await expect(page).toHaveURL(stepUrl("confirm"));
    await page.locator("#f-code").fill(await codeSentTo(mailbox, email, since));
    // A double press (or a double-clicking person) files one request.
    await page.getByRole("button", { name: msg(lang, "portal.wizard.confirm.submit"), exact: true }).dblclick();
    await expect(page).toHaveURL(/\/requests\/new\/done$/);
    const reference = (await page.getByTestId("reference").textContent())?.trim();
    const rows = await prisma.request.findMany({ where: { email } });
    expect(rows.map((r) => r.reference)).toEqual([reference]);
    expect(rows[0]?.details).toMatchObject({
      ground: "BEYOND_PURPOSE",
      purpose: 5,
      wanted: "SUSPEND_USE",
      categories: [1],
      documentsByPost: true,
    });
    // Next steps say to post the copies, marked with the reference.
    await expect(page.getByRole("listitem").filter({ hasText: reference ?? "" })).toContainText("〒");
  });
}

test("[portal] ja: a legal representative asks to stop third-party provision with a family register", async ({
  page,
  mailbox,
}) => {
  const repEmail = uniqueEmail("guardian");
  await chooseType(page, "ja", "THIRD_PARTY_STOP");
  await chooseRequester(page, "ja", "LEGAL_REPRESENTATIVE", agentTakahashi(repEmail));
  await fillSubject(page, "ja", { ...hanako(uniqueEmail("minor")), birthDate: "2012-05-05" });
  await expectAccessible(page);
  await page.locator("#f-categories-1").check();
  await page.locator("#f-recipient").fill("提携先の広告会社");
  await page.locator("#f-ground-THIRD_PARTY_WITHOUT_CONSENT").check();
  await next(page, "ja");
  await expect(page).toHaveURL(stepUrl("documents"));
  await expect(page.getByText(msg("ja", "portal.wizard.documents.need.LEGAL_REPRESENTATIVE"))).toBeVisible();
  await upload(page, "ja", "DRIVERS_LICENSE", "drivers-license.jpg");
  await next(page, "ja");
  await expect(errorSummary(page, "ja")).toContainText(msg("ja", "requests.errors.authorityDocumentMissing"));
  await upload(page, "ja", "FAMILY_REGISTER", "seal-certificate.pdf", "2026-11-20");
  await next(page, "ja");
  await expect(page.getByText(msg("ja", "requests.suspensionGrounds.THIRD_PARTY_WITHOUT_CONSENT"))).toBeVisible();
  const reference = await reviewAndSubmit(page, "ja", mailbox, repEmail);
  const r = await prisma.request.findUniqueOrThrow({
    where: { reference },
    include: { documents: { orderBy: { createdAt: "asc" } } },
  });
  expect(r).toMatchObject({ type: "THIRD_PARTY_STOP", requesterKind: "LEGAL_REPRESENTATIVE", agentEmail: repEmail });
  expect(r.details).toMatchObject({
    categories: [1],
    recipient: "提携先の広告会社",
    ground: "THIRD_PARTY_WITHOUT_CONSENT",
  });
  expect(r.documents.map((d) => [d.kind, d.holder])).toEqual([
    ["DRIVERS_LICENSE", "AGENT"],
    ["FAMILY_REGISTER", "SUBJECT"],
  ]);
});
