import { expectAccessible } from "./portal-helpers";
import fs from "node:fs";
import { prisma } from "@/lib/server/db";
import { test, expect } from "./fixtures";
import { createDisclosureRequest, pdfText, requesterSessionFor } from "./fee-data";

// [fees] A requester pays the disclosure fee by Stripe Checkout — against the local fake
// Stripe the e2e server runs (fake-stripe-server.ts) — and gets the receipt on the status page.

test("[fees] a requester pays by Stripe Checkout and downloads the receipt", async ({ page, mailbox }) => {
  const email = `payer-${Date.now()}@example.com`;
  const r = await createDisclosureRequest(email);
  // Signed in as the requester by writing the session, as the code or mail link would.
  const session = await requesterSessionFor(r.id);
  await page.context().addCookies([{ ...session, domain: "localhost", path: "/", httpOnly: true, sameSite: "Lax" }]);

  await page.goto("/status");
  const panel = page.getByTestId("fee-panel");
  await expect(panel).toContainText("5,500円（税込、うち消費税500円）");
  await expect(panel.getByTestId("transfer-reference")).toHaveText(r.transferReference);
  await expect(panel.getByTestId("bank-account")).toContainText("普通 1234567");
  await expectAccessible(page, { include: "[data-testid=fee-panel]" });
  const since = Date.now();

  await panel.getByRole("button", { name: "今すぐ支払う（5,500円）" }).click();
  // Stripe's stand-in: its Checkout page shows what the app asked for, in JPY.
  await expect(page).toHaveURL(/\/checkout\/cs_test_fake_/);
  await expect(page.getByTestId("amount")).toHaveText("5500 JPY");
  await page.getByRole("button", { name: "Pay" }).click();

  // Back on the status page: paid, with the receipt.
  await expect(page).toHaveURL(/\/status\?payment=done/);
  await expect(panel.getByRole("status")).toHaveText("お支払いを確認しました。領収書をダウンロードできます。");
  await expect(panel.getByRole("heading", { name: /手数料/ })).toContainText("お支払い済み");
  await expect(panel.getByRole("button", { name: /今すぐ支払う/ })).toHaveCount(0);
  const receiptLink = panel.getByTestId("receipts").getByRole("link");
  await expect(receiptLink).toHaveCount(1);

  const download = page.waitForEvent("download");
  await receiptLink.click();
  const file = await (await download).path();
  const pdf = fs.readFileSync(file);
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  const text = pdfText(pdf);
  expect(text).toContain("T1234567890123");
  expect(text).toContain("10%");
  expect(text).toContain("500");

  const payment = await prisma.payment.findFirstOrThrow({ where: { requestId: r.id } });
  expect(payment).toMatchObject({ method: "STRIPE", amount: 5500 });
  expect(payment.stripeCheckoutId).toMatch(/^cs_test_fake_/);
  await mailbox.waitFor({ to: email, subject: /お支払いを確認しました/, since });

  // Someone else's session gets "not found" for this receipt.
  const other = await requesterSessionFor((await createDisclosureRequest(null)).id);
  const href = (await receiptLink.getAttribute("href")) ?? "";
  const res = await fetch(new URL(href, page.url()), { headers: { cookie: `${other.name}=${other.value}` } });
  expect(res.status).toBe(404);
});

test("[fees] on a 390-px phone in English, a requester who cancels at Checkout is told nothing was paid", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const r = await createDisclosureRequest(`cancel-${Date.now()}@example.com`);
  const session = await requesterSessionFor(r.id);
  await page.context().addCookies([
    { ...session, domain: "localhost", path: "/", httpOnly: true, sameSite: "Lax" },
    { name: "madoguchi_locale", value: "en", domain: "localhost", path: "/" },
  ]);
  await page.goto("/status");
  const panel = page.getByTestId("fee-panel");
  await expect(panel).toContainText("¥5,500 (tax included; consumption tax ¥500)");
  await expect(panel).toContainText(`Put the transfer reference "${r.transferReference}" before your name`);
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  await expectAccessible(page, { include: "[data-testid=fee-panel]" });

  // Keyboard: focus the button and press Enter.
  await panel.getByRole("button", { name: "Pay now (¥5,500)" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/checkout\/cs_test_fake_/);
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/status\?payment=cancelled/);
  await expect(panel.getByRole("status")).toHaveText(
    "The payment was not completed. You can try again or pay by bank transfer.",
  );
  await expect(panel.getByRole("button", { name: "Pay now (¥5,500)" })).toBeVisible();
  expect(await prisma.payment.count({ where: { requestId: r.id } })).toBe(0);
});
