import { test, expect } from "./fixtures";
import { signInWithNewStaff } from "./staff-session";
import { createOnlineRequest, requestRow, uniqueEmail } from "./console-data";

const harm = "通話記録に第三者の個人情報が含まれるため、その部分を開示しません。";
const impediment = "不正利用調査の検知条件が明らかになるため、その部分を開示しません。";

test("[console] a partial withholding on grounds (2) and (3) waits for the officer, is approved, and the requester's notice names both grounds", async ({
  page,
  browser,
  mailbox,
}) => {
  const email = uniqueEmail("withholding");
  const r = await createOnlineRequest(email, { identity: "VERIFIED", status: "IN_PROGRESS" });
  await signInWithNewStaff(page, "STAFF", "担当 次郎");
  await page.goto(`/console/requests/${r.id}`);

  const form = page.getByTestId("decision-form");
  await form.locator("#decision-outcome-PARTIALLY_FULFILLED").check();
  // Grounds are required for a partial withholding: the form says so and names the field by its legend.
  await form.getByRole("button", { name: "決定を記録" }).click();
  await expect(
    form.getByRole("alert").getByRole("link", { name: /^不開示・不対応の理由：理由を1つ以上選び/ }),
  ).toHaveAttribute("href", "#decision-grounds");
  await form.getByLabel(/第6条第1項第2号/).check();
  await form.getByLabel(/第6条第1項第3号/).check();
  await form.locator("#decision-groundExplanation-HARM_TO_LIFE_OR_RIGHTS").fill(harm);
  await form.locator("#decision-groundExplanation-BUSINESS_IMPEDIMENT").fill(impediment);
  await form.locator("#decision-withheldItems").fill("通話記録の一部、不正検知ログ");
  await form.locator("#decision-explanation").fill("下記の部分を除き開示します。");

  // The preview shows the notice with both grounds; nothing is sent.
  await form.getByRole("button", { name: "通知をプレビュー" }).click();
  const preview = page.getByTestId("notice-preview");
  await expect(preview).toContainText("第6条第1項第2号");
  await expect(preview).toContainText("第6条第1項第3号");
  await expect(preview).toContainText(impediment);
  expect((await requestRow(r.id)).notices).toHaveLength(0);

  await form.getByRole("button", { name: "決定を記録" }).click();
  await expect(page.getByText("決定を記録しました。責任者の承認を待っています。")).toBeVisible();
  const box = page.getByTestId("approval-box");
  await expect(box).toContainText("責任者の承認を待っています");
  await expect(box.getByTestId("approval-form")).toHaveCount(0); // staff cannot approve
  expect((await requestRow(r.id)).notices.filter((n) => n.kind === "DECISION")).toHaveLength(0);

  // The privacy officer approves in their own session; the notice then goes.
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await signInWithNewStaff(officer, "OFFICER", "責任 一郎");
  await officer.goto(`/console/requests/${r.id}`);
  const approval = officer.getByTestId("approval-form");
  await approval.locator("#approval-comment").fill("理由の説明を確認しました。");
  const since = Date.now();
  await approval.getByRole("button", { name: "承認して通知する" }).click();
  await expect(officer.getByText("承認しました。通知を送りました。")).toBeVisible();
  await expect(officer.locator('[data-testid=decision][data-approval="APPROVED"]')).toContainText(
    "理由の説明を確認しました。",
  );
  await officerContext.close();

  // The requester receives the decision notice by real mail, with both grounds and their explanations.
  const mail = await mailbox.waitFor({ to: email, subject: /決定のお知らせ/, since });
  expect(mail.text).toContain("第6条第1項第2号");
  expect(mail.text).toContain("第6条第1項第3号");
  expect(mail.text).toContain(harm);
  expect(mail.text).toContain(impediment);

  const row = await requestRow(r.id);
  expect(row).toMatchObject({ status: "DECIDED", outcome: "PARTIALLY_FULFILLED" });
  await page.reload();
  const timeline = page.getByTestId("timeline");
  await expect(timeline.locator('li[data-action="decision.submitted_for_approval"]')).toContainText("担当 次郎");
  await expect(timeline.locator('li[data-action="decision.approved"]')).toContainText("責任 一郎");
});

test("[console] the officer sends a refusal back with a comment; staff decide again", async ({ page, browser }) => {
  const r = await createOnlineRequest(uniqueEmail("sendback"), { identity: "VERIFIED", status: "IN_PROGRESS" });
  await signInWithNewStaff(page, "STAFF");
  await page.goto(`/console/requests/${r.id}`);
  const form = page.getByTestId("decision-form");
  await form.locator("#decision-outcome-NOT_FULFILLED").check();
  await form.getByLabel(/第6条第1項第4号/).check();
  await form.locator("#decision-groundExplanation-LEGAL_VIOLATION").fill("他の法令により開示できないためです。");
  await form.getByRole("button", { name: "決定を記録" }).click();
  await expect(page.getByTestId("approval-box")).toBeVisible();

  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await signInWithNewStaff(officer, "OFFICER");
  await officer.goto(`/console/requests/${r.id}`);
  const approval = officer.getByTestId("approval-form");
  // Sending back needs a comment.
  await approval.getByRole("button", { name: "差し戻す" }).click();
  await expect(approval.getByRole("alert").getByRole("link", { name: /^コメント：/ })).toHaveAttribute(
    "href",
    "#approval-comment",
  );
  await approval.locator("#approval-comment").fill("根拠となる法令名を説明に書いてください。");
  await approval.getByRole("button", { name: "差し戻す" }).click();
  await expect(officer.getByText("差し戻しました。")).toBeVisible();
  await officerContext.close();

  await page.reload();
  await expect(page.getByTestId("approval-box")).toHaveCount(0);
  await expect(page.locator('[data-testid=decision][data-approval="SENT_BACK"]')).toContainText(
    "根拠となる法令名を説明に書いてください。",
  );
  await expect(page.getByTestId("decision-form")).toBeVisible();
  expect((await requestRow(r.id)).notices.filter((n) => n.kind === "DECISION")).toHaveLength(0);
});
