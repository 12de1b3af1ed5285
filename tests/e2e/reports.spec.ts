import fs from "node:fs";
import { test, expect } from "./fixtures";
import { prisma } from "@/lib/server/db";
import { signInWithNewStaff } from "./staff-session";

test("[operations] the reports page shows the same numbers as SQL and draws its charts", async ({ page }) => {
  const counts = await prisma.$queryRaw<{ open: bigint; waiting: bigint; overdue: bigint }[]>`
    SELECT count(*) AS open,
           count(*) FILTER (WHERE status = 'WAITING_FOR_REQUESTER') AS waiting,
           count(*) FILTER (WHERE "pausedAt" IS NULL AND "dueAt" < now()) AS overdue
    FROM "Request" WHERE status IN ('RECEIVED', 'IN_PROGRESS', 'WAITING_FOR_REQUESTER', 'DECIDED')`;
  const c = counts[0];
  expect(Number(c?.open)).toBeGreaterThan(0);

  await signInWithNewStaff(page, "OFFICER");
  await page.getByRole("link", { name: "レポート" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("レポート");
  const summary = page.getByTestId("report-summary");
  await expect(summary.locator("div", { hasText: "対応中" }).locator("dd")).toHaveText(String(c?.open));
  await expect(summary.locator("div", { hasText: "請求者の回答待ち" }).locator("dd")).toHaveText(String(c?.waiting));
  await expect(summary.locator("div", { hasText: "期限超過" }).locator("dd")).toHaveText(String(c?.overdue));
  await expect(page.locator("[data-testid=chart] .recharts-wrapper")).toHaveCount(3);
  await expect(page.locator("[data-testid=chart] .recharts-bar-rectangle").first()).toBeVisible();

  // The CSV and the annual PDF download for the same signed-in officer.
  const csv = await page.request.get("/console/reports/export?from=2026-01&to=2026-12");
  expect(csv.status()).toBe(200);
  expect((await csv.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const pdf = await page.request.get("/console/reports/annual?year=2026");
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  // Signed out, neither is served.
  const anon = await page.context().browser()?.newContext();
  const anonCsv = await anon?.request.get(
    `${new URL(page.url()).origin}/console/reports/export?from=2026-01&to=2026-12`,
  );
  expect(anonCsv?.status()).toBe(401);
  await anon?.close();
});

test("[operations] an admin exports the request list and one request's record", async ({ page }) => {
  await signInWithNewStaff(page, "ADMIN");
  await page.getByRole("link", { name: "エクスポート" }).click();
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "CSV をダウンロード" }).click(),
  ]);
  const csvText = fs.readFileSync((await csv.path()) ?? "", "utf8");
  expect(csvText.charCodeAt(0)).toBe(0xfeff);
  expect(csvText.split("\r\n").filter(Boolean).length - 1).toBe(await prisma.request.count());

  await page.locator("#reference").fill("DSR-1999-000000");
  await page.getByRole("button", { name: "ZIP をダウンロード" }).click();
  await expect(page.locator("main [role=alert]")).toContainText("見つかりません");
  const request = await prisma.request.findFirstOrThrow({
    orderBy: { createdAt: "asc" },
    select: { reference: true, id: true },
  });
  const exportsBefore = await prisma.auditEvent.count({ where: { action: "request.exported", requestId: request.id } });
  await page.locator("#reference").fill(request.reference);
  const [zip] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "ZIP をダウンロード" }).click(),
  ]);
  expect(zip.suggestedFilename()).toBe(`${request.reference}.zip`);
  // One click, one audited export (other specs may have exported this request before).
  expect(await prisma.auditEvent.count({ where: { action: "request.exported", requestId: request.id } })).toBe(
    exportsBefore + 1,
  );
});
