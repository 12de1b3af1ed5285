import { test, expect } from "./fixtures";
import { prisma } from "@/lib/server/db";
import { emailHashOf } from "@/lib/codes/one-time-code";
import { hmacHex } from "@/lib/server/crypto";

// 50 requesters (each from its own address) submit as fast as they can for 30 seconds:
// nobody gets a 5xx, and every request the server accepted is in the database, once,
// with its acknowledgement queued. Loopback only; bounded in time.
const REQUESTERS = 50;
const SECONDS = 30;

async function codeFor(email: string): Promise<void> {
  const emailHash = emailHashOf(email);
  await prisma.oneTimeCode.create({
    data: {
      purpose: "EMAIL_CONFIRMATION",
      emailHash,
      codeHash: hmacHex(`EMAIL_CONFIRMATION:${emailHash}::135790`, "one-time-code"),
      expiresAt: new Date(Date.now() + 10 * 60_000),
    },
  });
}

test("[load] 50 concurrent requesters for 30 s: no 5xx and nothing lost", async ({ request }) => {
  test.setTimeout(240_000);
  const run = `load${Date.now()}`;
  const accepted: { reference: string; email: string }[] = [];
  const statuses = new Map<number, number>();
  const deadline = Date.now() + SECONDS * 1000;

  await Promise.all(
    Array.from({ length: REQUESTERS }, async (_, r) => {
      for (let i = 0; Date.now() < deadline; i++) {
        const email = `${run}-${r}-${i}@example.com`;
        await codeFor(email);
        const res = await request.post("/api/requests", {
          headers: { "x-forwarded-for": `10.0.${Math.floor(r / 250)}.${r % 250}` },
          data: {
            locale: i % 2 ? "en" : "ja",
            emailCode: "135790",
            idempotencyKey: `${run}-${r}-${i}-idempotency`,
            input: {
              type: "DISCLOSURE",
              requesterKind: "SELF",
              subject: {
                name: "負荷 試験",
                nameKana: "フカ シケン",
                birthDate: "1980-01-01",
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
            },
          },
          timeout: 60_000,
        });
        statuses.set(res.status(), (statuses.get(res.status()) ?? 0) + 1);
        if (res.status() === 201)
          accepted.push({ reference: ((await res.json()) as { reference: string }).reference, email });
      }
    }),
  );

  const serverErrors = [...statuses.entries()].filter(([s]) => s >= 500);
  expect(serverErrors, `statuses: ${JSON.stringify(Object.fromEntries(statuses))}`).toEqual([]);
  expect(accepted.length).toBeGreaterThan(REQUESTERS);
  const stored = await prisma.request.findMany({
    where: { emailNormalized: { startsWith: run } },
    select: { reference: true, emailNormalized: true, id: true },
  });
  expect(stored.length).toBe(accepted.length);
  const byRef = new Map(stored.map((s) => [s.reference, s.emailNormalized]));
  for (const a of accepted) expect(byRef.get(a.reference)).toBe(a.email);
  expect(new Set(stored.map((s) => s.reference)).size).toBe(stored.length);
  const acks = await prisma.outboxMessage.count({ where: { toAddress: { startsWith: run } } });
  expect(acks).toBeGreaterThanOrEqual(accepted.length);

  // Every acknowledgement mail is delivered (nothing lost after the requests either).
  await expect
    .poll(
      async () => prisma.outboxMessage.count({ where: { toAddress: { startsWith: run }, status: { not: "SENT" } } }),
      { timeout: 120_000, intervals: [2000] },
    )
    .toBe(0);
  // Each acknowledgement also gets its PDF from a background job; rendering hundreds takes
  // minutes on two cores, so this test's jobs are removed to leave later tests a quiet queue.
  const notices = await prisma.notice.findMany({
    where: { requestId: { in: stored.map((s) => s.id) } },
    select: { id: true },
  });
  expect(
    await prisma.job.count({ where: { uniqueKey: { in: notices.map((n) => `portal.notice-pdf:${n.id}`) } } }),
  ).toBe(notices.length);
  await prisma.job.deleteMany({
    where: { uniqueKey: { in: notices.map((n) => `portal.notice-pdf:${n.id}`) }, status: "PENDING" },
  });
});
