import { test, expect } from "./fixtures";
import { prisma } from "@/lib/server/db";
import { emailHashOf } from "@/lib/codes/one-time-code";
import { hmacHex } from "@/lib/server/crypto";
import { E2E_DB_PROXY_CONTROL_PORT } from "./e2e-env";

// The app's database connection goes through a proxy we can break (tests/helpers/tcp-proxy.ts).
async function dbMode(mode: "up" | "down" | "cut-on-commit"): Promise<{ mode: string; cuts: number }> {
  const res = await fetch(`http://127.0.0.1:${E2E_DB_PROXY_CONTROL_PORT}/mode/${mode}`, { method: "POST" });
  return (await res.json()) as { mode: string; cuts: number };
}

/** A confirmation code the app will accept, stored the way lib/codes stores it. */
async function knownCode(email: string): Promise<string> {
  const emailHash = emailHashOf(email);
  await prisma.oneTimeCode.create({
    data: {
      purpose: "EMAIL_CONFIRMATION",
      emailHash,
      codeHash: hmacHex(`EMAIL_CONFIRMATION:${emailHash}::246810`, "one-time-code"),
      expiresAt: new Date(Date.now() + 10 * 60_000),
    },
  });
  return "246810";
}

function submission(email: string) {
  return {
    type: "DISCLOSURE",
    requesterKind: "SELF",
    subject: {
      name: "障害 試験",
      nameKana: "ショウガイ シケン",
      birthDate: "1985-05-05",
      postalCode: "104-0061",
      prefecture: "東京都",
      city: "中央区",
      addressLine: "銀座1-1-1",
      email,
      phone: "03-0000-0000",
      relationship: "SERVICE_USER",
    },
    details: {
      categories: [1],
      period: { from: "2025-01-01" },
      deliveryMethod: "ELECTRONIC",
      includeProvisionRecords: false,
    },
    documents: { sendByPost: true, files: [] },
    declarationAccepted: true,
  };
}

test.afterEach(async () => {
  await dbMode("up");
});

test("[faults] the database dropping at COMMIT leaves nothing saved, answers 503, and the retry files exactly one request", async ({
  request,
}) => {
  const email = `fault-${Date.now()}@example.com`;
  const code = await knownCode(email);
  const idempotencyKey = `fault-commit-${Date.now()}-abcdefgh`;
  const before = await prisma.request.count();

  await dbMode("cut-on-commit");
  const failed = await request.post("/api/requests", {
    data: { input: submission(email), emailCode: code, idempotencyKey, locale: "ja" },
  });
  expect(failed.status()).toBe(503);
  expect(await failed.json()).toEqual({ error: "UNAVAILABLE" });
  expect((await dbMode("up")).cuts).toBeGreaterThan(0);
  expect(await prisma.request.count({ where: { idempotencyKey } })).toBe(0);
  expect(await prisma.request.count()).toBe(before);

  // Back up: the same submit goes through once, and a double submit still gives one request.
  await expect
    .poll(
      async () =>
        (
          await request.post("/api/requests", {
            data: { input: submission(email), emailCode: code, idempotencyKey, locale: "ja" },
          })
        ).status(),
      { timeout: 30_000 },
    )
    .toBe(201);
  const again = await request.post("/api/requests", {
    data: { input: submission(email), emailCode: code, idempotencyKey, locale: "ja" },
  });
  expect(again.status()).toBe(201);
  expect(await prisma.request.count({ where: { idempotencyKey } })).toBe(1);
  const filed = await prisma.request.findFirstOrThrow({ where: { idempotencyKey } });
  expect(await prisma.auditEvent.count({ where: { requestId: filed.id, action: "request.submitted" } })).toBe(1);
});

test("[faults] with the database down a page shows a clear error, and works again when it is back", async ({
  page,
}) => {
  await dbMode("down");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("問題が発生しました");
  await expect(page.getByText("入力内容は保存されていません")).toBeVisible();
  await dbMode("up");
  await expect(async () => {
    const res = await page.goto("/");
    expect(res?.status()).toBe(200);
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("問題が発生しました");
});
