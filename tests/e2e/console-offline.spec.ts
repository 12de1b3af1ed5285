import { expectAccessible } from "./portal-helpers";
import { test, expect } from "./fixtures";
import { signInWithNewStaff } from "./staff-session";
import { createOnlineRequest, PNG_1X1, requestRow, uniqueEmail } from "./console-data";
import { jstDate } from "@/lib/dates";
import { prisma } from "@/lib/server/db";

const DAY = 86_400_000;
const jaDate = (d: Date) => new Intl.DateTimeFormat("ja-JP", { dateStyle: "medium", timeZone: "Asia/Tokyo" }).format(d);

test("[console] a mailed request is entered with its arrival date, which starts the clock, and appears in the queue", async ({
  page,
  mailbox,
}) => {
  const email = uniqueEmail("mailed");
  const arrivedOn = jstDate(new Date(Date.now() - 5 * DAY));
  const name = `郵送 一郎${Date.now() % 100000}`;
  await signInWithNewStaff(page, "STAFF");
  await page.getByRole("link", { name: "郵送・窓口受付の登録" }).click();
  const form = page.getByTestId("offline-form");
  await expectAccessible(page);
  await form.locator("#offline-channel-POST").check();
  await form.locator("#offline-arrivedOn").fill(arrivedOn);

  // Missing name and categories: the summary lists them and links to the fields; nothing is created.
  const before = await prisma.request.count();
  await form.getByRole("button", { name: "請求を登録" }).click();
  const summary = form.getByRole("alert");
  await expect(summary).toContainText("氏名");
  await expect(summary).toContainText("対象の情報");
  expect(await prisma.request.count()).toBe(before);

  await form.locator("#offline-subjectName").fill(name);
  await form.locator("#offline-subjectNameKana").fill("ユウソウ イチロウ");
  await form.locator("#offline-email").fill(email);
  await form.locator("#offline-details-categories-1").check();
  await form.locator("#offline-details-deliveryMethod-POST").check();
  await form
    .locator("#offline-documents-0-file")
    .setInputFiles({ name: "scan.png", mimeType: "image/png", buffer: PNG_1X1 });
  await form.getByRole("button", { name: "請求を登録" }).click();
  await page.waitForURL(/\/console\/requests\/(?!new)[^/]+$/);

  const id = new URL(page.url()).pathname.split("/").pop() ?? "";
  const row = await requestRow(id);
  expect(row).toMatchObject({ channel: "POST", type: "DISCLOSURE", identity: "PENDING", fee: "AWAITING_PAYMENT" });
  expect(row.arrivedAt.toISOString()).toBe(new Date(`${arrivedOn}T00:00:00+09:00`).toISOString());
  expect(row.dueAt?.getTime()).toBe(row.arrivedAt.getTime() + row.targetDays * DAY);
  expect(row.documents).toHaveLength(1);
  await expect(page.getByTestId("arrived-on")).toHaveText(jaDate(row.arrivedAt));
  await expect(page.getByTestId("due-on")).toHaveText(jaDate(row.dueAt ?? new Date()));
  await expect(page.getByTestId("appi-date")).toHaveText(jaDate(new Date(row.arrivedAt.getTime() + 14 * DAY)));
  await expect(page.getByTestId("document")).toContainText("運転免許証");
  await mailbox.waitFor({ to: email, subject: /受け付けました/ });

  // In the queue, found by name through the POST search: the name never reaches the URL.
  await page.goto("/console");
  await page.locator("#queue-search").fill(name);
  await page.getByRole("button", { name: "検索", exact: true }).click();
  await expect(page.getByTestId("queue-search-active")).toBeVisible();
  expect(decodeURIComponent(page.url())).not.toContain(name);
  const queueRow = page.locator(`[data-testid=queue-row][data-reference="${row.reference}"]`);
  await expect(queueRow).toBeVisible();
  await expect(queueRow).toContainText(jaDate(row.arrivedAt));
  await expect(queueRow).toContainText("郵送");
  await expect(page.getByTestId("queue-row")).toHaveCount(1);
});

test("[console] two staff saving the same request: the second sees the conflict and the first one's change, nothing is overwritten", async ({
  page,
  browser,
}) => {
  const r = await createOnlineRequest(uniqueEmail("conflict"));
  const first = await signInWithNewStaff(page, "STAFF", "先に 保存");
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signInWithNewStaff(other, "STAFF", "後から 保存");
  await page.goto(`/console/requests/${r.id}`);
  await other.goto(`/console/requests/${r.id}`);

  // The first takes the request.
  await page.getByTestId("assign-form").getByRole("button", { name: "自分が担当する" }).click();
  await expect(page.getByText("担当者を変更しました。")).toBeVisible();

  // The second, still on the old version, records an identity check.
  await other.locator("#identity-result-VERIFIED").check();
  await other.locator("#identity-matchedRecord").fill("C-10023");
  await other.getByRole("button", { name: "本人確認の結果を記録" }).click();
  const conflict = other.getByTestId("conflict");
  await expect(conflict).toContainText("他の担当者が先にこの請求を更新しました");
  // The page now shows the first person's change, and the second's typed answer is kept for a retry.
  await expect(other.locator("#assign-assigneeId")).toHaveValue(first.id);
  await expect(other.locator("#identity-matchedRecord")).toHaveValue("C-10023");
  const row = await requestRow(r.id);
  expect(row).toMatchObject({ assigneeId: first.id, identity: "PENDING" });
  expect(await prisma.identityCheck.count({ where: { requestId: r.id } })).toBe(0);

  // Saving again, now on the current version, works.
  await other.getByRole("button", { name: "本人確認の結果を記録" }).click();
  await expect(other.getByText("本人確認の結果を記録しました。")).toBeVisible();
  expect((await requestRow(r.id)).identity).toBe("VERIFIED");
  await otherContext.close();
});
