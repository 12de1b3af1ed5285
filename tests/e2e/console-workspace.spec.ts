import { test, expect } from "./fixtures";
import { signInWithNewStaff } from "./staff-session";
import { createOnlineRequest, requestRow, uniqueEmail } from "./console-data";
import { prisma } from "@/lib/server/db";
import { createOfflineRequest } from "@/lib/console/create-offline-request";
import { decideRequest } from "@/lib/decisions/decide-request";
import { getSetting } from "@/lib/settings/get-settings";
import { transferReferenceFor } from "@/lib/fees/transfer-reference";

// Issue 17: the bugs found working the console as a new staff member and an admin, and
// the workspace points (audit log, phone queue, reports, mail viewer).

test("[console] the same person saving twice in quick succession: both saves succeed (the page uses the version the first returned)", async ({
  page,
}) => {
  const r = await createOnlineRequest(uniqueEmail("quick"));
  await signInWithNewStaff(page, "STAFF");
  await page.goto(`/console/requests/${r.id}`);
  const before = (await requestRow(r.id)).version;
  await page.getByTestId("assign-form").getByRole("button", { name: "自分が担当する" }).click();
  await expect(page.getByText("担当者を変更しました。")).toBeVisible();
  // Straight away, without waiting for the page to refresh its fields.
  await page.locator("#identity-result-VERIFIED").check();
  await page.locator("#identity-matchedRecord").fill("C-10023");
  await page.getByRole("button", { name: "本人確認の結果を記録" }).click();
  await expect(page.getByText("本人確認の結果を記録しました。")).toBeVisible();
  await expect(page.getByTestId("conflict")).toHaveCount(0);
  const row = await requestRow(r.id);
  expect(row.identity).toBe("VERIFIED");
  expect(row.version).toBeGreaterThanOrEqual(before + 2);
});

test("[console] two people: the second, on the old version, still gets the conflict", async ({ page, browser }) => {
  const r = await createOnlineRequest(uniqueEmail("two"));
  await signInWithNewStaff(page, "STAFF", "一人目");
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signInWithNewStaff(other, "STAFF", "二人目");
  await page.goto(`/console/requests/${r.id}`);
  await other.goto(`/console/requests/${r.id}`);
  await page.getByTestId("assign-form").getByRole("button", { name: "自分が担当する" }).click();
  await expect(page.getByText("担当者を変更しました。")).toBeVisible();
  await other.locator("#identity-result-VERIFIED").check();
  await other.locator("#identity-matchedRecord").fill("C-10023");
  await other.getByRole("button", { name: "本人確認の結果を記録" }).click();
  await expect(other.getByTestId("conflict")).toContainText("他の担当者が先にこの請求を更新しました");
  expect((await requestRow(r.id)).identity).toBe("PENDING");
  await otherContext.close();
});

test("[console] an exact reference finds a closed request; a filter that hides a search's matches says so", async ({
  page,
}) => {
  const name = `閉鎖 検索${Date.now() % 100000}`;
  const r = await createOnlineRequest(uniqueEmail("closed"), { subjectName: name, subjectNameKana: "ヘイサ ケンサク" });
  await prisma.request.update({
    where: { id: r.id },
    data: { status: "CLOSED", closedAt: new Date(), outcome: "FULFILLED" },
  });
  await signInWithNewStaff(page, "STAFF");
  await page.locator("#queue-search").fill(r.reference);
  await page.getByRole("button", { name: "検索", exact: true }).click();
  await expect(page.getByTestId("queue-row").filter({ hasText: r.reference })).toHaveCount(1);

  // A name search keeps the open-only filter, and says it hid a match.
  await page.goto("/console");
  await page.locator("#queue-search").fill(name);
  await page.getByRole("button", { name: "検索", exact: true }).click();
  const hidden = page.getByTestId("queue-hidden-by-filters");
  await expect(hidden).toContainText("絞り込み条件のため表示されていない請求が1件あります");
  await hidden.getByRole("link", { name: "条件を外して表示" }).click();
  await expect(page.getByTestId("queue-row").filter({ hasText: r.reference })).toHaveCount(1);
});

test("[console] a disclosure entered in the console sends the fee: mail with amount, account and transfer reference, or a letter to post", async ({
  page,
  mailbox,
}) => {
  const staff = await signInWithNewStaff(page, "STAFF");
  const actor = { type: "STAFF" as const, id: staff.id, role: "STAFF" as const };
  const email = uniqueEmail("fee-mail");
  const base = {
    type: "DISCLOSURE" as const,
    arrivedOn: new Date().toISOString().slice(0, 10),
    subjectName: "郵便 花子",
    subjectNameKana: "ユウビン ハナコ",
    postalCode: "530-0001",
    prefecture: "大阪府",
    city: "大阪市北区",
    addressLine: "梅田1-1-1",
    relationship: "SERVICE_USER" as const,
    details: { categories: [1, 2], deliveryMethod: "POST" },
  };
  const mailed = await createOfflineRequest({ actor, input: { ...base, channel: "EMAIL", email } });
  const fee = await mailbox.waitFor({ to: email, subject: /開示請求手数料のお支払いのお願い/ });
  // The same subject pattern as every other notice: 【reference】what it is.
  expect(fee.subject).toBe(`【${mailed.reference}】開示請求手数料のお支払いのお願い`);
  expect(fee.text).toContain("5,500円");
  expect(fee.text).toContain(transferReferenceFor(mailed.reference));
  expect(fee.text).toContain("1234567");

  const posted = await createOfflineRequest({ actor, input: { ...base, channel: "POST" } });
  await page.goto(`/console/requests/${posted.requestId}`);
  const notices = page.getByTestId("section-notices");
  await expect(notices).toContainText("手数料のご案内");
  const row = await prisma.notice.findFirstOrThrow({ where: { requestId: posted.requestId, kind: "PAYMENT_REQUEST" } });
  expect(row.channel).toBe("POST");
  expect(row.bodyText).toContain(transferReferenceFor(posted.reference));
});

test("[console] the fee is written from the fee setting, with separators, on the landing page, in the wizard and on the fees page", async ({
  page,
}) => {
  const saved = await prisma.setting.findUnique({ where: { key: "fee" } });
  const fee = await getSetting(prisma, "fee");
  try {
    await prisma.setting.upsert({
      where: { key: "fee" },
      create: { key: "fee", value: { ...fee, amount: 6600 } },
      update: { value: { ...fee, amount: 6600 } },
    });
    await page.goto("/");
    await expect(page.getByText(/1件につき6,600円（消費税込み）/)).toBeVisible();
    await page.goto("/requests/new");
    await expect(page.getByText(/手数料6,600円・税込/)).toBeVisible();
    await signInWithNewStaff(page, "ADMIN");
    await page.goto("/console/fees");
    await expect(page.getByText(/税込6,600円/).first()).toBeVisible();
  } finally {
    if (saved) await prisma.setting.update({ where: { key: "fee" }, data: { value: saved.value ?? {} } });
    else await prisma.setting.delete({ where: { key: "fee" } });
  }
});

test("[console] a decided request is not called finished; a closed one shows no 'decided' badge beside 完了", async ({
  page,
}) => {
  const decided = await createOnlineRequest(uniqueEmail("decided"), { identity: "VERIFIED", status: "IN_PROGRESS" });
  await prisma.request.update({
    where: { id: decided.id },
    data: { status: "DECIDED", outcome: "PARTIALLY_FULFILLED", decidedAt: new Date(), fee: "PAID" },
  });
  await signInWithNewStaff(page, "STAFF");
  await page.goto(`/console/requests/${decided.id}`);
  await expect(page.getByTestId("decision-locked")).toContainText("決定は記録済みです（一部対応（一部不開示））");
  await expect(page.getByText("この請求は完了しているため")).toHaveCount(0);

  const closed = await createOnlineRequest(uniqueEmail("closed-badge"), {
    identity: "VERIFIED",
    status: "IN_PROGRESS",
  });
  await prisma.request.update({
    where: { id: closed.id },
    data: { status: "CLOSED", outcome: "FULFILLED", closedAt: new Date(), fee: "PAID" },
  });
  await page.goto(`/console/requests/${closed.id}`);
  const badges = page.getByTestId("request-badges");
  await expect(badges).toContainText("完了");
  await expect(badges).not.toContainText("決定済み");
  await expect(page.getByTestId("decision-locked")).toContainText("この請求は完了のため");
});

test("[console] staff are told who records payments; admins get the link to the fees page", async ({
  page,
  browser,
}) => {
  const r = await createOnlineRequest(uniqueEmail("fee-hint"));
  await signInWithNewStaff(page, "STAFF");
  await page.goto(`/console/requests/${r.id}`);
  await expect(page.getByTestId("fee-who-records")).toContainText("入金の記録・免除・返金は管理者が行います");
  await expect(page.getByRole("link", { name: "手数料の画面を開く" })).toHaveCount(0);
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signInWithNewStaff(admin, "ADMIN");
  await admin.goto(`/console/requests/${r.id}`);
  await admin.getByRole("link", { name: "手数料の画面を開く" }).click();
  await expect(admin).toHaveURL(new RegExp(`/console/fees/${r.id}$`));
  await adminContext.close();
});

test("[console] a hand-edited document URL answers a page, and the 403 page has its own title", async ({ page }) => {
  const r = await createOnlineRequest(uniqueEmail("doc-url"), { withDocument: true });
  await signInWithNewStaff(page, "STAFF");
  const res = await page.goto(`/console/requests/${r.id}/documents/not-a-document`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "ファイルが見つかりません" })).toBeVisible();
  await expect(page).toHaveTitle("ファイルが見つかりません");
  expect(await page.content()).not.toContain('{"error"');
  // A program asking for JSON still gets the code.
  const api = await page.request.get(`/console/requests/${r.id}/documents/not-a-document`, {
    headers: { accept: "application/json" },
  });
  expect(await api.json()).toEqual({ error: "NOT_FOUND" });

  await page.goto(`/console/requests/${r.id}`);
  const forbidden = await page.goto("/console/settings");
  expect(forbidden?.status()).toBe(403);
  await expect(page).toHaveTitle(/このページを表示する権限がありません/);
});

test("[console] task instructions and a correction's outcomes read as words, not enum codes", async ({ page }) => {
  const r = await createOnlineRequest(uniqueEmail("task-words"), {
    type: "CORRECTION",
    identity: "VERIFIED",
    status: "IN_PROGRESS",
  });
  const staff = await signInWithNewStaff(page, "STAFF");
  await page.goto(`/console/requests/${r.id}`);
  await expect(page.locator("label[for='decision-outcome-FULFILLED']")).toHaveText("全部対応");
  await expect(page.getByTestId("decision-form")).not.toContainText("（開示）");
  const version = (await requestRow(r.id)).version;
  await decideRequest({
    actor: { type: "STAFF", id: staff.id, role: "STAFF" },
    input: {
      requestId: r.id,
      version,
      type: "CORRECTION",
      outcome: "FULFILLED",
      explanation: "ご請求のとおり訂正します。",
    },
  });
  await page.reload();
  const instructions = page.getByTestId("task-instructions").first();
  await expect(instructions).toContainText("訂正");
  await expect(instructions).toContainText("(1) ");
  await expect(instructions).toContainText("東京都渋谷区渋谷2-2-20");
  await expect(page.getByTestId("section-tasks")).not.toContainText("CORRECT [");
});

test("[api] the OpenAPI document lists the 400 that GET /api/v1/tasks/{id} answers for a blank or over-long id", async ({
  request,
}) => {
  const doc = (await (await request.get("/api/openapi.json")).json()) as {
    paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
  };
  expect(Object.keys(doc.paths["/api/v1/tasks/{id}"]?.get?.responses ?? {})).toContain("400");
});

test("[console] admins read the audit log: filters by action, actor, day and request; the chain verifies from the page", async ({
  page,
}) => {
  const r = await createOnlineRequest(uniqueEmail("audit"), { withDocument: true });
  // Through the form: the sign-in's own audit entry is one of the rows looked for below.
  const admin = await signInWithNewStaff(page, "ADMIN", `監査 ${Date.now() % 100000}`, { throughForm: true });
  // A file view (with a request) and a sign-in (without one) are both in the log.
  await page.request.get(`/console/requests/${r.id}/documents/${r.documentId}`);
  await page.getByRole("link", { name: "監査ログ" }).click();
  await expect(page).toHaveURL(/\/console\/audit$/);
  await page.locator("#audit-action").selectOption("staff.signed-in");
  await page.locator("#audit-actor").selectOption(admin.id);
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date());
  await page.locator("#audit-from").fill(today);
  await page.locator("#audit-to").fill(today);
  await page.getByRole("button", { name: "この条件で表示" }).click();
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("サインイン");
  await expect(rows.first()).toContainText("監査 ");

  await page.goto(`/console/audit?ref=${r.reference}`);
  await expect(page.getByTestId("audit-row").filter({ hasText: "document.viewed" })).toHaveCount(1);
  await expect(page.getByTestId("audit-row").first()).toContainText(r.reference);

  await page.getByRole("button", { name: "監査ログを検証する" }).click();
  const result = page.getByTestId("audit-verify-result");
  await expect(result).toHaveAttribute("data-ok", "true");
  await expect(result).toContainText("問題ありません");
  expect(await prisma.auditEvent.count({ where: { action: "audit.chain_verified", actorId: admin.id } })).toBe(1);
});

test("[console] on a phone the queue is cards with reference, due date, status, identity and fee, without sideways scrolling", async ({
  page,
}) => {
  const r = await createOnlineRequest(uniqueEmail("phone"));
  await signInWithNewStaff(page, "STAFF");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/console?f=1&ref=${r.reference}`);
  const card = page.getByTestId("queue-card").filter({ hasText: r.reference });
  await expect(card).toBeVisible();
  for (const text of ["回答目標日", "受付", "本人確認待ち", "手数料", "入金待ち"])
    await expect(card).toContainText(text);
  await expect(page.getByTestId("queue-row").first()).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("[console] reports show this month and this year at a glance, and the CSV is in the reader's language", async ({
  page,
}) => {
  await signInWithNewStaff(page, "OFFICER");
  await page.goto("/console/reports");
  const glance = page.getByTestId("report-glance");
  await expect(glance.getByTestId("glance-month")).toContainText("今月");
  await expect(glance.getByTestId("glance-year")).toContainText("今年");
  await expect(glance.getByTestId("glance-month").getByTestId("glance-received")).toHaveText(/^\d+$/);
  const csv = (await (await page.request.get("/console/reports/export?from=2026-01&to=2026-12")).body()).toString(
    "utf8",
  );
  expect(csv).toContain('"区分","月","種類","受付経路","受付件数","完了件数"');
  expect(csv).not.toContain("received_closed");
});

test("[console] the mail viewer filters by recipient (the address never in the URL) and pages", async ({
  page,
  mailbox,
}) => {
  const email = uniqueEmail("viewer");
  const staff = await signInWithNewStaff(page, "ADMIN");
  const base = {
    type: "INQUIRY" as const,
    arrivedOn: new Date().toISOString().slice(0, 10),
    subjectName: "閲覧 太郎",
    details: { topic: "MARKETING", message: "配信停止" },
  };
  await createOfflineRequest({
    actor: { type: "STAFF", id: staff.id, role: "ADMIN" },
    input: { ...base, channel: "EMAIL", email },
  });
  await mailbox.waitFor({ to: email });
  await page.goto("/console/mail");
  await page.locator("#mail-to").fill(email);
  await page.getByRole("button", { name: "絞り込む" }).click();
  await expect(page.getByTestId("mail-filter-active")).toContainText(email);
  const rows = page.getByTestId("mail-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(email);
  expect(page.url()).not.toContain("example.com");
  await expect(page.getByTestId("mail-page")).toHaveText("1 / 1ページ");
  await page.getByRole("button", { name: "絞り込みをやめる" }).click();
  await expect(page.getByTestId("mail-filter-active")).toHaveCount(0);
});
