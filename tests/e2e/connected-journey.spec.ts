import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";
import { signInWithNewStaff } from "./staff-session";
import { auditChainOk, createOnlineRequest, requestRow, uniqueEmail, openPackageAsRequester } from "./console-data";
import { E2E_ADMIN_DATABASE_URL, E2E_DB_NAME } from "./e2e-env";
import { prisma } from "@/lib/server/db";
import { seedConnectedDemo } from "@/lib/seed/connected-demo";
import { closeConnectedResources } from "@/lib/connected/engine";

// [connected] The whole journey against a real PostgreSQL target database (the engine's demo
// service): a disclosure collected from the connected system with one field withheld on
// ground (2) and approved by the officer, published as PDF + JSON + CSV and downloaded by the
// requester; then a deletion request for the same person, dry run, approval, and the rows
// masked in the target (checked with SQL).

const TARGET_DB = `conn_app_${E2E_DB_NAME}_target`.slice(0, 60);
const targetUrl = () => {
  const u = new URL(E2E_ADMIN_DATABASE_URL);
  u.pathname = `/${TARGET_DB}`;
  return u.toString();
};

async function sql(text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const c = new pg.Client({ connectionString: targetUrl() });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as Record<string, unknown>[];
  } finally {
    await c.end();
  }
}

/** Reloads until the connected system's collection has finished (the worker runs it inline). */
async function waitForCollection(page: Page, status = "DONE"): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByTestId("connected-system").first().getAttribute("data-status");
      },
      { timeout: 60_000, intervals: [500, 1000, 2000] },
    )
    .toBe(status);
}

function pdfToText(file: string): string {
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

test.beforeAll(async () => {
  const admin = new pg.Client({ connectionString: E2E_ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${TARGET_DB}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${TARGET_DB}"`);
  await admin.end();
  // The demo service's schema and people, wired as the connected system "service-db".
  await seedConnectedDemo(prisma, { targetUrl: targetUrl() });
  await closeConnectedResources();
});

// The suite shares one database: later journeys count one task per active system, so the
// demo system leaves the data map again once this journey is done.
test.afterAll(async () => {
  await prisma.systemOfRecord.updateMany({ where: { key: "service-db" }, data: { active: false } });
});

test("[connected] disclosure from a connected database with a field withheld, then erasure in the target", async ({
  page,
  browser,
  mailbox,
}) => {
  test.setTimeout(300_000);
  const email = uniqueEmail("connected");
  // The person in the target is Hanako (member 9000001); give her this journey's address and
  // the birth date and member number the request states (createOnlineRequest), or those
  // identities would contradict the email and the engine would rightly match nobody.
  await sql("UPDATE members SET email = $1, birth_date = '1985-04-12', member_no = 'C-10023' WHERE id = 9000001", [
    email.toUpperCase(),
  ]);
  const r = await createOnlineRequest(email, { withDocument: true });
  await signInWithNewStaff(page, "STAFF", "担当 太郎");
  await page.goto(`/console/requests/${r.id}`);

  // Collection waits for identity.
  const section = page.getByTestId("section-connected");
  await expect(section).toContainText("本人確認が済むと収集できます。");
  await expect(section.getByTestId("collect-form")).toHaveCount(0);
  await page.locator("#identity-result-VERIFIED").check();
  await page.locator("#identity-matchedRecord").fill("M-900001");
  await page.getByRole("button", { name: "本人確認の結果を記録" }).click();
  await expect(page.getByTestId("request-badges")).toContainText("本人確認済み");

  await section.getByRole("button", { name: "接続したシステムから収集する" }).click();
  await waitForCollection(page);
  const system = page.locator('[data-testid=connected-system][data-system="service-db"]');
  await expect(system.getByTestId("collection-summary")).toContainText("メールアドレス");
  const members = system.locator('[data-testid=collected-table][data-table="members"]');
  await expect(members.getByTestId("collected-row")).toHaveCount(1);
  await expect(members).toContainText("大阪府大阪市北区梅田1-1-1");
  await expect(system.locator('[data-testid=collected-table][data-table="refunds"]')).toContainText("二重請求"); // three hops away

  // Withhold the phone number on ground (2).
  const exclusion = members.getByTestId("exclusion-form").first();
  await exclusion.getByLabel("不開示にする範囲").selectOption({ label: "電話番号" });
  await exclusion.getByLabel("根拠").selectOption("HARM_TO_LIFE_OR_RIGHTS");
  await exclusion.getByRole("button", { name: "不開示にする" }).click();
  await expect(members.locator('[data-testid=collected-field][data-column="phone"]')).toContainText("不開示");

  const decide = page.getByTestId("decide-from-collection-form");
  await expect(decide.getByTestId("proposed-outcome")).toHaveText("一部対応（一部不開示）");
  await decide.getByLabel(/第6条第1項第2号.*の理由/).fill("第三者の安全に関わる情報を含むため。");
  await decide.getByLabel("請求者への説明").fill("ご請求の保有個人データを、一部を除き開示します。");
  await decide.getByRole("button", { name: "決定を記録する" }).click();
  await expect(page.getByText("個人情報保護管理者の承認を待ちます。")).toBeVisible();

  // The officer approves the partial disclosure; an admin settles the fee (waiver).
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await signInWithNewStaff(officer, "OFFICER", "責任 一郎");
  await officer.goto(`/console/requests/${r.id}`);
  await officer.getByTestId("approval-form").getByRole("button", { name: "承認して通知する" }).click();
  await expect(officer.getByText("承認しました。通知を送りました。")).toBeVisible();
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInWithNewStaff(admin, "ADMIN", "管理 花子");
  await admin.goto(`/console/requests/${r.id}`);
  await admin.locator("#waive-reason").fill("接続デモのため");
  await admin.getByRole("button", { name: "手数料を免除" }).click();
  await expect(admin.getByText("手数料を免除しました。")).toBeVisible();
  await adminContext.close();

  // Staff build the files from the collection and publish them.
  await page.reload();
  await page.getByTestId("build-package-form").getByRole("button", { name: "開示ファイルを作成する" }).click();
  await expect(page.getByTestId("package-files")).toContainText(".pdf");
  await expect(page.getByTestId("package-files")).toContainText(".json");
  await expect(page.getByTestId("package-files")).toContainText(".csv");
  await page.getByRole("button", { name: "公開して請求者に知らせる" }).click();
  await expect(page.getByText("公開しました。請求は完了しました。")).toBeVisible();

  // The requester downloads the PDF from the status page.
  const { requesterContext, requester, pkg } = await openPackageAsRequester(browser, mailbox, r.reference, email);
  const downloading = requester.waitForEvent("download");
  await pkg.getByRole("link", { name: /\.pdf/ }).click();
  const file = await downloading;
  const local = path.join(os.tmpdir(), `conn-app-e2e-${process.pid}.pdf`);
  fs.copyFileSync((await file.path()) ?? "", local);
  const text = pdfToText(local);
  fs.rmSync(local, { force: true });
  expect(text).toContain("住所");
  expect(text).toContain("大阪府大阪市北区梅田1-1-1");
  expect(text).toContain("メールアドレス");
  expect(text).not.toContain("１２３４－５６７８"); // the withheld phone
  await requesterContext.close();
  expect((await requestRow(r.id)).status).toBe("CLOSED");

  // Then a deletion request from the same person.
  const del = await createOnlineRequest(email, {
    type: "SUSPENSION",
    identity: "VERIFIED",
    status: "IN_PROGRESS",
    details: { categories: [1, 2], ground: "NO_LONGER_NEEDED", wanted: "DELETE" },
  });
  await page.goto(`/console/requests/${del.id}`);
  const decision = page.getByTestId("decision-form");
  await decision.locator("#decision-outcome-FULFILLED").check();
  await decision.locator("#decision-explanation").fill("ご請求のとおり削除します。");
  await decision.getByRole("button", { name: "決定を記録", exact: true }).click();
  await expect(page.getByText("決定を記録し、通知を送りました。")).toBeVisible();
  await page.getByTestId("section-connected").getByRole("button", { name: "接続したシステムから収集する" }).click();
  await waitForCollection(page);
  await page.getByTestId("erasure-plan-form").getByRole("button", { name: "事前確認（ドライラン）" }).click();
  const plan = page.getByTestId("change-plan").first();
  await expect(plan).toHaveAttribute("data-state", "PENDING_APPROVAL");
  await expect(plan.getByTestId("plan-counts")).toContainText("members");
  // The dry run changed nothing.
  expect((await sql("SELECT address FROM members WHERE id = 9000001"))[0]?.address).toBe("大阪府大阪市北区梅田1-1-1");

  await officer.goto(`/console/requests/${del.id}`);
  await officer.getByTestId("plan-approve-form").getByRole("button", { name: "承認する" }).click();
  await expect(officer.getByText("承認しました。", { exact: true })).toBeVisible();
  await officerContext.close();

  await page.reload();
  await page.getByTestId("plan-execute-form").getByRole("button", { name: "実行する" }).click();
  await expect(page.getByText("実行し、結果を確認しました。")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("change-plan").first()).toHaveAttribute("data-state", "EXECUTED");

  const [row] = await sql("SELECT name, email, phone, address FROM members WHERE id = 9000001");
  expect(row?.name).toBe("削除済み");
  expect(row?.address).toBeNull();
  expect(row?.phone).toBeNull();
  expect(String(row?.email)).toMatch(/^[0-9a-f]{64}$/);
  expect(await sql("SELECT id FROM login_history WHERE member_id = 9000001")).toHaveLength(0);
  // The look-alike sharing Hanako's phone number is untouched.
  expect((await sql("SELECT phone FROM members WHERE id = 9000005"))[0]?.phone).toBe("090-1234-5678");
  const task = (await requestRow(del.id)).tasks.find((t) => t.system.key === "service-db");
  expect(task?.status).toBe("DONE");
  expect(await auditChainOk()).toBe(true);
});
