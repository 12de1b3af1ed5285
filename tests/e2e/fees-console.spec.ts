import { expectAccessible } from "./portal-helpers";
import { prisma } from "@/lib/server/db";
import { recordPayment } from "@/lib/fees/record-payment";
import { test, expect } from "./fixtures";
import { signInWithNewStaff } from "./staff-session";
import { createDisclosureRequest } from "./fee-data";

// [fees] An admin reconciles a bank statement: one deposit matches exactly and is applied,
// one has the wrong amount and one an unknown reference — both are listed, nothing guessed.

const newDisclosureRequest = () => createDisclosureRequest(null);

test("[fees] an admin imports a statement: one applied, a wrong amount and an unknown reference listed", async ({
  page,
}) => {
  const exact = await newDisclosureRequest();
  const short = await newDisclosureRequest();
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date());
  // Payer names as Japanese banks print them: the reference, then the name in half-width kana.
  const unknownPayer = `D2099${String(Date.now()).slice(-6)} ｽｽﾞｷ ｲﾁﾛｳ`;
  const csv = [
    "取引日,金額,振込依頼人名",
    `${today},5500,${exact.transferReference} ﾔﾏﾀﾞ ﾊﾅｺ`,
    `${today},"5,000",${short.transferReference} ｻﾄｳ ｹﾝ`,
    `${today},5500,${unknownPayer}`,
  ].join("\r\n");

  await signInWithNewStaff(page, "ADMIN");
  await page.getByRole("link", { name: "手数料", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("手数料");
  await expectAccessible(page);

  // Import: the summary says one applied, two listed.
  await page
    .getByLabel("入金明細 CSV ファイル")
    .setInputFiles({ name: "statement.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "取り込む" }).click();
  const summary = page.getByTestId("import-summary");
  await expect(summary).toContainText("入金明細を取り込みました。");
  await expect(summary).toContainText("自動で消込：1件");
  await expect(summary).toContainText("確認が必要：2件");
  await expect(summary).toContainText("金額不一致 1件、照合番号不明 1件");

  const lines = page.getByTestId("bank-line");
  const shortLine = lines.filter({ hasText: `${short.transferReference} ｻﾄｳ ｹﾝ` });
  const unknownLine = lines.filter({ hasText: unknownPayer });
  await expect(shortLine).toContainText("金額不一致");
  await expect(unknownLine).toContainText("照合番号不明");
  await expect(lines.filter({ hasText: exact.transferReference })).toHaveCount(0);
  await expectAccessible(page);
  expect(await prisma.request.findUniqueOrThrow({ where: { id: exact.id }, select: { fee: true } })).toEqual({
    fee: "PAID",
  });
  expect(await prisma.request.findUniqueOrThrow({ where: { id: short.id }, select: { fee: true } })).toEqual({
    fee: "AWAITING_PAYMENT",
  });

  // The same file again changes nothing and says so.
  await page
    .getByLabel("入金明細 CSV ファイル")
    .setInputFiles({ name: "statement.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "取り込む" }).click();
  await expect(summary).toContainText("このファイルは取込済みです");
  expect(await prisma.payment.count({ where: { requestId: { in: [exact.id, short.id] } } })).toBe(1);

  // Applying a listed line needs the tick; without it the error summary says so and nothing changes.
  await shortLine.getByRole("button", { name: "この請求に消し込む" }).click();
  await expect(shortLine.getByRole("alert")).toContainText("内容を確認のうえ、チェックを入れてください。");
  await expect(shortLine.getByRole("alert")).toBeFocused();
  await shortLine.getByRole("checkbox").check();
  await shortLine.getByRole("button", { name: "この請求に消し込む" }).click();
  await expect(page.getByTestId("bank-lines").getByRole("status")).toHaveText("入金を請求に消し込みました。");
  await expect(shortLine).toHaveCount(0);
  // ¥5,000 of ¥5,500 arrived: recorded, still awaiting the rest.
  expect(
    await prisma.payment.findFirstOrThrow({ where: { requestId: short.id }, select: { amount: true, method: true } }),
  ).toEqual({ amount: 5000, method: "BANK_TRANSFER" });

  // The unknown one is dismissed with a note.
  await unknownLine.getByLabel("対象外とする理由").fill("振込人へ返金済み");
  await unknownLine.getByRole("button", { name: "対象外にする" }).click();
  await expect(page.getByTestId("bank-lines").getByRole("status")).toHaveText("入金明細を対象外にしました。");
  await expect(unknownLine).toHaveCount(0);

  // The rest of the fee by hand, keyboard only, on the request's own page.
  await page.goto(`/console/fees/${short.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${short.reference} の手数料`);
  const record = page.getByRole("region", { name: "入金を記録" });
  await expect(record.getByLabel("金額（円）")).toHaveValue("500");
  await record.getByLabel("金額（円）").fill("５００");
  await record.getByLabel("振込依頼人名・支払者名").fill("サトウケン");
  await record.getByLabel("支払方法").selectOption("CASH");
  await record.getByLabel("振込依頼人名・支払者名").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "入金を記録しました" })).toContainText(
    "手数料は支払済みになり",
  );
  await expect(page.getByTestId("fee-facts")).toContainText("お支払い済み");
  await expect(page.getByTestId("receipts").getByRole("link")).toHaveCount(1);
  await expectAccessible(page);

  // The list filtered to paid requests of this month, and its CSV carries the same filter.
  await page.goto("/console/fees");
  await page.getByLabel("手数料の状態").selectOption("PAID");
  await page.getByLabel("受付月").fill(today.slice(0, 7));
  await page.getByRole("button", { name: "絞り込む" }).click();
  await expect(page).toHaveURL(/status=PAID/);
  const list = page.getByTestId("fee-list");
  await expect(list.getByRole("link", { name: exact.reference })).toBeVisible();
  await expect(list.getByRole("link", { name: short.reference })).toBeVisible();
  const href = (await page.getByTestId("fee-csv").getAttribute("href")) ?? "";
  expect(href).toContain("status=PAID");
  const csvOut = await page.request.get(href);
  expect(csvOut.status()).toBe(200);
  const body = await csvOut.body();
  expect(body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const rows = body.toString("utf8").trim().split("\r\n");
  const shown = Number(/(\d+)件中/.exec((await page.getByTestId("fee-list-count").textContent()) ?? "")?.[1]);
  expect(rows.length - 1).toBe(shown);
  expect(rows.some((r) => r.startsWith(exact.reference))).toBe(true);
});

test("[fees] the fee dashboard works on a 390-px phone, in English, for admins only", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.context().addCookies([{ name: "madoguchi_locale", value: "en", domain: "localhost", path: "/" }]);
  await signInWithNewStaff(page, "ADMIN");
  await page.goto("/console/fees");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fees");
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  // An empty import names the field by its label in the error summary, which takes focus and links to it.
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Please check your answers" });
  await expect(alert).toBeFocused();
  await expect(alert.getByRole("link")).toHaveText(["Bank statement CSV file: The statement has no lines."]);
  await expect(alert.getByRole("link")).toHaveAttribute("href", "#import-content");
});

test("[fees] officers and staff do not reach the fee dashboard or its CSV", async ({ page }) => {
  await signInWithNewStaff(page, "OFFICER");
  await expect(page.getByRole("link", { name: "手数料", exact: true })).toHaveCount(0);
  const res = await page.goto("/console/fees");
  expect(res?.status()).toBe(403);
  expect((await page.request.get("/console/fees/export")).status()).toBe(403);
});

test("[fees] an admin refunds part of a payment, re-issues the receipt and waives another fee", async ({ page }) => {
  const paid = await newDisclosureRequest();
  const waived = await newDisclosureRequest();
  const me = await signInWithNewStaff(page, "ADMIN");
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date());
  await recordPayment({
    actor: { type: "STAFF", id: me.id, role: "ADMIN" },
    input: { requestId: paid.id, method: "POSTAL_MONEY_ORDER", paidOn: today, amount: 5500, payerName: "ヤマダハナコ" },
  });

  await page.goto(`/console/fees/${paid.id}`);
  const refund = page.getByRole("region", { name: "返金" });
  await refund.getByLabel("返金額（円）").fill("6000");
  await refund.getByLabel("返金の理由").fill("過入金");
  await refund.getByRole("button", { name: "返金する" }).click();
  // Not confirmed, then more than was paid: each refused, nothing refunded.
  const alert = refund.getByRole("alert");
  await expect(alert).toContainText("内容を確認のうえ、チェックを入れてください。");
  await refund.getByRole("checkbox").check();
  await refund.getByRole("button", { name: "返金する" }).click();
  await expect(alert).toContainText("返金額が、この支払いの返金可能額を超えています。");
  expect(await prisma.refund.count({ where: { requestId: paid.id } })).toBe(0);
  await refund.getByLabel("返金額（円）").fill("500");
  await refund.getByRole("checkbox").check();
  await refund.getByRole("button", { name: "返金する" }).click();
  await expect(page.getByRole("status").filter({ hasText: "返金を記録しました。" })).toBeVisible();
  await expect(page.getByTestId("payments")).toContainText("5,000円");
  expect(await prisma.request.findUniqueOrThrow({ where: { id: paid.id }, select: { fee: true } })).toEqual({
    fee: "PAID",
  });

  // Re-issue: a second receipt marked as such; both download for staff.
  await page.getByRole("button", { name: /を再発行$/ }).click();
  await expect(page.getByTestId("receipts").getByRole("link")).toHaveCount(2);
  await expect(page.getByTestId("receipts")).toContainText("再発行");
  const pdf = await page.request.get(
    (await page.getByTestId("receipts").getByRole("link").last().getAttribute("href")) ?? "",
  );
  expect(pdf.headers()["content-type"]).toBe("application/pdf");

  // Waiving needs a reason: the summary names the field by its label and links to it.
  await page.goto(`/console/fees/${waived.id}`);
  const waive = page.getByRole("region", { name: "手数料を免除" });
  await waive.getByRole("button", { name: "手数料を免除する" }).click();
  await expect(waive.getByRole("alert").getByRole("link")).toHaveText(["免除の理由：理由を入力してください。"]);
  await expect(waive.getByRole("alert").getByRole("link")).toHaveAttribute("href", "#waive-reason");
  await waive.getByLabel("免除の理由").fill("生活保護受給のため");
  await waive.getByRole("button", { name: "手数料を免除する" }).click();
  await expect(page.getByRole("status").filter({ hasText: "手数料を免除しました。" })).toBeVisible();
  await expect(page.getByTestId("fee-facts")).toContainText("免除");
  await expect(page.getByTestId("fee-facts")).toContainText("生活保護受給のため");
});
