import { expectAccessible } from "./portal-helpers";
import { test, expect } from "./fixtures";
import { signInWithNewStaff } from "./staff-session";
import { createOnlineRequest, requestRow, uniqueEmail } from "./console-data";

test("[console] third-party provision records: recorded, found by the person's name (never in the URL), and attached to a disclosure that asks for them", async ({
  page,
}) => {
  // A name no other record has (the e2e database starts empty of provision records each run).
  const surname = `提供${Date.now() % 100000}`;
  const kana = "テイキョウ";
  await signInWithNewStaff(page, "STAFF");
  await page.getByRole("link", { name: "第三者提供記録" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("第三者提供記録");
  await expectAccessible(page);

  const form = page.getByTestId("provision-form");
  await form.locator("#provision-recipientName").fill("株式会社サンプル物流");
  await form.locator("#provision-providedOn").fill("2026-06-01");
  await form.locator("#provision-subjectName").fill(`${surname} 花子`);
  await form.locator("#provision-subjectNameKana").fill(`${kana} ハナコ`);
  await form.locator("#provision-categories-1").check();
  await form.locator("#provision-items").fill("氏名、住所、電話番号");
  // Consent is the default basis: its date is required.
  await form.getByRole("button", { name: "記録を追加" }).click();
  await expect(form.getByRole("alert")).toContainText("同意日");
  await form.locator("#provision-consentDate").fill("2026-05-20");
  await form.getByRole("button", { name: "記録を追加" }).click();
  await expect(page.getByText("記録を追加しました。")).toBeVisible();

  const search = page.getByTestId("provision-search");
  await search.getByLabel("本人の氏名").fill("ていきょう はなこ");
  await search.getByRole("button", { name: "検索" }).click();
  const results = page.getByTestId("provision-results");
  await expect(results.getByTestId("provision-row")).toHaveCount(1);
  await expect(results).toContainText("株式会社サンプル物流");
  expect(decodeURIComponent(page.url())).not.toContain("ていきょう");

  // A disclosure asking for provision records gets them attached to its package as a PDF.
  const r = await createOnlineRequest(uniqueEmail("provisions"), {
    identity: "VERIFIED",
    status: "IN_PROGRESS",
    subjectName: `${surname} 花子`,
    subjectNameKana: `${kana} ハナコ`,
    customerId: `C-${surname}`,
    details: { categories: [1], deliveryMethod: "ELECTRONIC", includeProvisionRecords: true },
  });
  await page.goto(`/console/requests/${r.id}`);
  const decision = page.getByTestId("decision-form");
  await decision.locator("#decision-outcome-FULFILLED").check();
  await decision.getByRole("button", { name: "決定を記録" }).click();
  await expect(page.getByText("決定を記録し、通知を送りました。")).toBeVisible();
  await page.getByRole("button", { name: "開示パッケージを作成" }).click();
  await expect(page.getByText("請求者は第三者提供記録の開示も求めています。")).toBeVisible();
  await page.getByRole("button", { name: "第三者提供記録を検索して添付" }).click();
  await expect(page.getByText("第三者提供記録（1件）を添付しました。")).toBeVisible();
  await expect(page.getByTestId("package-files")).toContainText(".pdf");
  expect((await requestRow(r.id)).package?.files).toHaveLength(1);
});
