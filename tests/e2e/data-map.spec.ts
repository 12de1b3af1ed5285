import { expectAccessible } from "./portal-helpers";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { test, expect } from "./fixtures";
import { signInWithNewStaff } from "./staff-session";
import { prisma } from "@/lib/server/db";
import { announce } from "@/lib/integrations/announce";
import { verifyWebhookSignature } from "@/lib/integrations/webhook-signature";

// [console] An admin adds a system to the data map, gives it a webhook and a token (each
// shown once), the system reads its task through the API, the signed delivery shows in
// the log, and a revoked token is refused.

type Hit = { headers: http.IncomingHttpHeaders; body: string };

async function startReceiver() {
  const hits: Hit[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => {
      hits.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    hits,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A decided request with one task for the system, announced as the decision would. */
async function taskFor(systemId: string) {
  const reference = `DSR-2026-E2E${String(Date.now()).slice(-6)}`;
  return prisma.$transaction(async (tx) => {
    const r = await tx.request.create({
      data: {
        reference,
        type: "CORRECTION",
        status: "DECIDED",
        identity: "VERIFIED",
        fee: "NOT_REQUIRED",
        arrivedAt: new Date(),
        targetDays: 14,
        subjectName: "山田 花子",
        email: "hanako@example.com",
      },
    });
    const task = await tx.task.create({
      data: { requestId: r.id, systemId, action: "CORRECT", categories: [1], instructions: "CORRECT [1]" },
    });
    await announce(tx, { event: "task.created", taskId: task.id });
    return { reference, taskId: task.id };
  });
}

test("[console] an admin maps a system, sets its webhook and token; the system reads its task and the delivery is logged", async ({
  page,
}) => {
  const receiver = await startReceiver();
  const key = `e2e-crm-${Date.now().toString(36)}`;
  try {
    await signInWithNewStaff(page, "ADMIN");
    await page.getByRole("link", { name: "データマップ", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("データマップと連携");
    await expectAccessible(page);

    // Nothing filled in: every error is listed at the top, which takes focus.
    await page.getByRole("button", { name: "追加する" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "入力内容を確認してください" });
    await expect(summary).toBeFocused();
    await expect(summary).toContainText("キーは半角英小文字・数字・ハイフンで入力してください。");
    await expect(summary).toContainText("項目を1つ以上選んでください。");

    await page.getByLabel("キー").fill(key);
    await page.getByLabel("名称（日本語）").fill("E2E 顧客管理");
    await page.getByLabel("名称（英語）").fill("E2E CRM");
    await page.getByLabel("担当部署").fill("営業部");
    await page.getByLabel(/第1号 利用者の氏名/).check();
    await page.getByLabel(/第3号 お問い合わせ/).check();
    await page.getByLabel("作業方法").selectOption("API");
    await page.getByRole("button", { name: "追加する" }).click();
    const added = page.getByRole("status").filter({ hasText: "追加しました。" });
    await added.getByRole("link", { name: "編集・連携設定" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("E2E 顧客管理");
    const system = await prisma.systemOfRecord.findUniqueOrThrow({ where: { key } });
    expect(system).toMatchObject({ categories: [1, 3], handling: "API", owner: "営業部" });

    // Webhook: the secret appears once.
    await page.getByLabel("送信先 URL").fill(receiver.url);
    await page.getByRole("button", { name: "URL を保存" }).click();
    const secret = await page.getByRole("textbox", { name: "署名用シークレット", exact: true }).inputValue();
    expect(secret).toMatch(/^whsec_/);

    // Token: issued with both scopes, shown once.
    await page.getByLabel("トークンの名前").fill("夜間バッチ");
    await page.getByRole("button", { name: "トークンを発行" }).click();
    const token = await page.getByRole("textbox", { name: "API トークン", exact: true }).inputValue();
    expect(token).toMatch(/^mdg_/);
    await expectAccessible(page);

    const auth = { authorization: `Bearer ${token}` };
    const empty = await page.request.get("/api/v1/tasks", { headers: auth });
    expect(empty.status()).toBe(200);
    expect(await empty.json()).toEqual({ tasks: [], nextCursor: null });

    const { reference, taskId } = await taskFor(system.id);
    const listed = (await (await page.request.get("/api/v1/tasks?status=OPEN", { headers: auth })).json()) as {
      tasks: { id: string; requestReference: string }[];
    };
    expect(listed.tasks.map((t) => [t.id, t.requestReference])).toEqual([[taskId, reference]]);

    // The app's worker delivers the signed event.
    await expect.poll(() => receiver.hits.length, { timeout: 20_000 }).toBe(1);
    const hit = receiver.hits[0];
    expect(hit?.headers["madoguchi-event"]).toBe("task.created");
    expect(verifyWebhookSignature(String(hit?.headers["madoguchi-signature"]), hit?.body ?? "", secret)).toBe(true);
    expect(hit?.body).not.toContain("山田");

    // After a reload nothing secret is shown again; the log and the last use are.
    await page.reload();
    await expect(page.getByTestId("show-once")).toHaveCount(0);
    await expect(page.getByText("シークレット：設定済み（表示できません）")).toBeVisible();
    const log = page.getByTestId("delivery-log");
    await expect(log).toContainText(reference);
    await expect(log).toContainText("送信済み");
    const tokenRow = page.getByTestId("token-list").getByRole("row", { name: /夜間バッチ/ });
    await expect(tokenRow).not.toContainText("未使用");

    // Revoke with the keyboard: it asks first (no stays the default way out), then the token is refused from then on.
    await tokenRow.getByRole("button", { name: "トークン「夜間バッチ」を失効させる" }).focus();
    await page.keyboard.press("Enter");
    const confirm = page.getByTestId("revoke-confirm");
    await expect(confirm).toContainText("トークン「夜間バッチ」を失効させますか？");
    await confirm.getByRole("button", { name: "やめる" }).click();
    expect((await page.request.get("/api/v1/tasks", { headers: auth })).status()).toBe(200);
    await tokenRow.getByRole("button", { name: "トークン「夜間バッチ」を失効させる" }).focus();
    await page.keyboard.press("Enter");
    await expect(confirm.getByRole("button", { name: "失効させる（取り消せません）" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByText(/失効（/)).toBeVisible();
    // The result stays visible once the row has turned to revoked.
    await expect(page.getByText("トークンを失効させました。")).toBeVisible();
    expect((await page.request.get("/api/v1/tasks", { headers: auth })).status()).toBe(401);

    // A phone-width screen does not scroll sideways (the tables scroll inside their regions).
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByRole("button", { name: "無効にする" }).click();
    await expect(page.getByRole("status").filter({ hasText: "状態を変更しました。" })).toBeVisible();
  } finally {
    // Other specs decide requests on category 1: keep this system out of their tasks.
    await prisma.systemOfRecord.updateMany({ where: { key }, data: { active: false } });
    await receiver.close();
  }
});
