import { expectAccessible } from "./portal-helpers";
import { test, expect } from "./fixtures";
import { signInWithNewStaff } from "./staff-session";
import fs from "node:fs";
import {
  auditChainOk,
  createOnlineRequest,
  disclosureCsv,
  requestRow,
  uniqueEmail,
  openPackageAsRequester,
  openSection,
} from "./console-data";

test("[console] an online disclosure: staff verify identity, an admin waives the fee, staff publish, the requester downloads, the request closes", async ({
  page,
  browser,
  mailbox,
}) => {
  const email = uniqueEmail("disclosure");
  const r = await createOnlineRequest(email, { withDocument: true });
  const staff = await signInWithNewStaff(page, "STAFF", "担当 太郎");

  // The queue finds it by reference (a reference may go in the URL) and shows its badges.
  await page.locator("#queue-search").fill(r.reference);
  await page.getByRole("button", { name: "検索", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`ref=${r.reference}`));
  const row = page.locator(`[data-testid=queue-row][data-reference="${r.reference}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId("deadline-badge")).toHaveAttribute("data-status", /on_track|due_soon/);
  await expectAccessible(page);
  await row.getByRole("link", { name: r.reference }).click();
  await expect(page.getByTestId("request-reference")).toHaveText(r.reference);
  await expectAccessible(page);

  // The identity document opens inside the page, from a route with no public URL; each view is audited.
  const docUrl = `/console/requests/${r.id}/documents/${r.documentId}`;
  const doc = page.getByTestId("document").first();
  await doc.getByRole("button", { name: /表示/ }).click();
  await expect(doc.getByTestId("document-image")).toBeVisible();
  await expect
    .poll(() => doc.getByTestId("document-image").evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBe(1);
  const res = await page.request.get(docUrl);
  expect(res.status()).toBe(200);
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["content-disposition"]).toMatch(/^inline;/);
  expect(res.headers()["content-security-policy"]).toContain("sandbox");
  expect(res.headers()["cache-control"]).toContain("no-store");
  expect(res.headers()["x-frame-options"]).toBe("SAMEORIGIN");
  const anon = await browser.newContext();
  expect((await anon.request.get(new URL(docUrl, page.url()).toString())).status()).toBe(401);
  await anon.close();

  // Identity verified against the held customer record.
  await page.getByRole("link", { name: "本人確認", exact: true }).click();
  await page.locator("#identity-result-VERIFIED").check();
  await page.locator("#identity-matchedRecord").fill("C-10023");
  await page.getByRole("button", { name: "本人確認の結果を記録" }).click();
  await expect(page.getByText("本人確認の結果を記録しました。")).toBeVisible();
  await expect(page.getByTestId("request-badges")).toContainText("本人確認済み");

  // Decide to disclose in full: no approval needed, the decision notice goes at once.
  const decision = page.getByTestId("decision-form");
  await decision.locator("#decision-outcome-FULFILLED").check();
  await decision.locator("#decision-explanation").fill("ご請求の保有個人データを開示します。");
  await decision.getByRole("button", { name: "決定を記録" }).click();
  await expect(page.getByText("決定を記録し、通知を送りました。")).toBeVisible();
  await mailbox.waitFor({ to: email, subject: /決定のお知らせ/ });
  // The decision notice is kept as a PDF with the request, drawn by the console's own viewer
  // (pdf.js, nothing in the file runs); the file route itself only hands out sandboxed bytes.
  // The notices section is not the next action any more: it opens with one click.
  await openSection(page, "notices");
  const pdfLink = page.locator('[data-testid=notice][data-kind="DECISION"]').getByRole("link");
  const viewerHref = (await pdfLink.getAttribute("href")) ?? "";
  const pdf = await page.request.get(new URL(viewerHref, page.url()).searchParams.get("src") ?? "");
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(pdf.headers()["content-security-policy"]).toContain("sandbox");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const viewer = await page.context().newPage();
  await viewer.goto(viewerHref);
  await expect(viewer.getByTestId("pdf-viewer")).toHaveAttribute("data-state", "ready");
  await expect(viewer.getByTestId("pdf-page-text").first()).toContainText(/\S/);
  await viewer.close();

  // Package: create, add a file; publishing is blocked until the fee is settled.
  await page.getByTestId("package-method-form").getByRole("button", { name: "開示パッケージを作成" }).click();
  await expect(page.getByTestId("package-file-form")).toBeVisible();
  await page.locator("#packagefile-file").setInputFiles(disclosureCsv);
  await page.getByRole("button", { name: "ファイルを追加" }).click();
  await expect(page.getByTestId("package-files")).toContainText("members.csv");
  await expect(page.getByTestId("publish-blocker")).toContainText("手数料");

  // An admin waives the fee from the request page.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInWithNewStaff(admin, "ADMIN", "管理 花子");
  await admin.goto(`/console/requests/${r.id}`);
  await admin.locator("#waive-reason").fill("システム障害で回答が遅れたため");
  await admin.getByRole("button", { name: "手数料を免除" }).click();
  await expect(admin.getByText("手数料を免除しました。")).toBeVisible();
  await adminContext.close();

  // Staff preview the publishing notice, then publish: the request closes.
  await page.reload();
  await expect(page.getByTestId("publish-blocker")).toHaveCount(0);
  await page.getByRole("button", { name: "公開時の通知をプレビュー" }).click();
  await expect(page.getByTestId("notice-preview")).toContainText("開示書類");
  await page.getByRole("button", { name: "公開して請求者に知らせる" }).click();
  await expect(page.getByText("公開しました。請求は完了しました。")).toBeVisible();
  await expect(page.getByTestId("request-badges")).toContainText("完了");
  await mailbox.waitFor({ to: email, subject: /開示書類のご用意/ });

  // The requester opens the status page (reference, email, emailed code), asks for a fresh
  // download code, and downloads the file.
  const { requesterContext, requester, pkg } = await openPackageAsRequester(browser, mailbox, r.reference, email);
  const downloading = requester.waitForEvent("download");
  await pkg.getByRole("link", { name: /members\.csv/ }).click();
  const file = await downloading;
  const content = fs.readFileSync((await file.path()) ?? "");
  expect(content.toString("utf8")).toBe(disclosureCsv.buffer.toString("utf8"));
  await requesterContext.close();

  const done = await requestRow(r.id);
  expect(done).toMatchObject({ status: "CLOSED", identity: "VERIFIED", fee: "WAIVED", outcome: "FULFILLED" });
  expect(done.package?.downloads).toHaveLength(1);

  // The timeline tells the story with who did what.
  await page.reload();
  const timeline = page.getByTestId("timeline");
  for (const action of [
    "document.viewed",
    "identity.checked",
    "request.decided",
    "package.file_added",
    "fee.waived",
    "package.published",
    "request.closed",
    "package.downloaded",
  ]) {
    await expect(timeline.locator(`li[data-action="${action}"]`).first()).toBeVisible();
  }
  await expect(timeline.locator('li[data-action="fee.waived"]')).toContainText("管理 花子");
  await expect(timeline.locator('li[data-action="identity.checked"]')).toContainText("担当 太郎");
  await expect(page.getByTestId("package-downloads")).toContainText("members.csv");
  expect(staff.id).toBeTruthy();
  expect(await auditChainOk()).toBe(true);
});
