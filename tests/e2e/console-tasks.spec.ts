import { test, expect } from "./fixtures";
import { signInWithNewStaff } from "./staff-session";
import { createOnlineRequest, requestRow, uniqueEmail } from "./console-data";

test("[console] a correction becomes one task per system holding the item and closes when they are done", async ({
  page,
  mailbox,
}) => {
  const email = uniqueEmail("correction");
  // Item (1) — name, address, email, phone — is held by the member, billing and mail systems.
  const r = await createOnlineRequest(email, { type: "CORRECTION", identity: "VERIFIED", status: "IN_PROGRESS" });
  await signInWithNewStaff(page, "STAFF");
  await page.goto(`/console/requests/${r.id}`);
  const form = page.getByTestId("decision-form");
  await form.locator("#decision-outcome-FULFILLED").check();
  await form.getByRole("button", { name: "決定を記録" }).click();
  await expect(page.getByText("決定を記録し、通知を送りました。")).toBeVisible();

  const tasks = page.getByTestId("task");
  await expect(tasks).toHaveCount(3);
  const systems = await tasks.evaluateAll((els) => els.map((e) => e.getAttribute("data-system")).sort());
  expect(systems).toEqual(["billing", "marketing", "members"]);

  for (const system of systems) {
    const task = page.locator(`[data-testid=task][data-system="${system}"]`);
    await task.getByLabel("実施した内容・説明").fill(`${system} の住所を訂正しました`);
    await task.getByRole("button", { name: "作業の結果を記録" }).click();
    await expect(page.locator(`[data-testid=task][data-system="${system}"]`)).toHaveAttribute("data-status", "DONE");
  }
  await expect(page.getByTestId("request-badges")).toContainText("完了");
  const row = await requestRow(r.id);
  expect(row.status).toBe("CLOSED");
  expect(row.tasks.map((t) => t.status)).toEqual(["DONE", "DONE", "DONE"]);
  await mailbox.waitFor({ to: email, subject: /対応完了のお知らせ/ });
});

test("[console] an Art 8 request ends in alternative measures, approved by the officer, with the measure carried out", async ({
  page,
  browser,
  mailbox,
}) => {
  const email = uniqueEmail("art8");
  const r = await createOnlineRequest(email, { type: "SUSPENSION", identity: "VERIFIED", status: "IN_PROGRESS" });
  await signInWithNewStaff(page, "STAFF");
  await page.goto(`/console/requests/${r.id}`);
  const form = page.getByTestId("decision-form");
  await form.locator("#decision-outcome-ALTERNATIVE_MEASURE").check();
  await form.locator("#decision-investigation").fill("アクセスログは不正利用の調査のため法定期間の保存が必要です。");
  await form
    .locator("#decision-alternativeMeasure")
    .fill("アクセスログを広告配信の分析対象から除外し、保存期間の満了後に消去します。");
  await form.locator("#decision-explanation").fill("消去に代えて、次の措置を講じます。");
  await form.getByRole("button", { name: "決定を記録" }).click();
  await expect(page.getByText("責任者の承認を待っています。", { exact: false }).first()).toBeVisible();

  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await signInWithNewStaff(officer, "OFFICER");
  await officer.goto(`/console/requests/${r.id}`);
  await officer.getByTestId("approval-form").getByRole("button", { name: "承認して通知する" }).click();
  await expect(officer.getByText("承認しました。通知を送りました。")).toBeVisible();
  await officerContext.close();
  const notice = await mailbox.waitFor({ to: email, subject: /代替措置のお知らせ/ });
  expect(notice.text).toContain("アクセスログを広告配信の分析対象から除外し");

  await page.reload();
  const task = page.locator("[data-testid=task][data-system=access-logs]");
  await expect(task).toContainText("代替措置");
  await task.getByLabel("実施した内容・説明").fill("広告分析の対象から除外する設定を行いました。");
  await task.getByRole("button", { name: "作業の結果を記録" }).click();
  await expect(page.getByTestId("request-badges")).toContainText("完了");
  const row = await requestRow(r.id);
  expect(row).toMatchObject({ status: "CLOSED", outcome: "ALTERNATIVE_MEASURE" });
});
