import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";
import { signInWithNewStaff } from "./staff-session";
import { createOnlineRequest, disclosureCsv, uniqueEmail } from "./console-data";
import { prisma } from "@/lib/server/db";
import { storeFile } from "@/lib/files/file-store";

// Issue 17: the request page leads with the state and the next action. For each state the
// next action's button is in the first screen at 1366×900, and the page is photographed in
// Japanese and English, on a desktop and a phone (kept in the e2e artifacts, pass or fail).

type State = { name: string; action: string; make: () => Promise<string> };

async function deciderId(): Promise<string> {
  const s = await prisma.staffUser.findFirstOrThrow({ where: { role: "STAFF" }, select: { id: true } });
  return s.id;
}

const states: State[] = [
  {
    name: "verify-identity",
    action: "verifyIdentity",
    make: async () => (await createOnlineRequest(uniqueEmail("st-verify"), { withDocument: true })).id,
  },
  {
    name: "waiting-for-requester",
    action: "waitForRequester",
    make: async () => {
      const r = await createOnlineRequest(uniqueEmail("st-wait"), { withDocument: true });
      await prisma.request.update({
        where: { id: r.id },
        data: { status: "WAITING_FOR_REQUESTER", pausedAt: new Date() },
      });
      return r.id;
    },
  },
  {
    name: "await-fee",
    action: "awaitFee",
    make: async () =>
      (await createOnlineRequest(uniqueEmail("st-fee"), { identity: "VERIFIED", status: "IN_PROGRESS" })).id,
  },
  {
    name: "decide",
    action: "decide",
    make: async () => {
      const r = await createOnlineRequest(uniqueEmail("st-decide"), { identity: "VERIFIED", status: "IN_PROGRESS" });
      await prisma.request.update({ where: { id: r.id }, data: { fee: "PAID" } });
      return r.id;
    },
  },
  {
    name: "officer-approval",
    action: "approve",
    make: async () => {
      const r = await createOnlineRequest(uniqueEmail("st-approve"), { identity: "VERIFIED", status: "IN_PROGRESS" });
      await prisma.request.update({ where: { id: r.id }, data: { fee: "PAID" } });
      await prisma.decision.create({
        data: {
          requestId: r.id,
          outcome: "PARTIALLY_FULFILLED",
          explanation: "一部を除き開示します。",
          decidedById: await deciderId(),
          approval: "PENDING",
          grounds: { create: [{ ground: "HARM_TO_LIFE_OR_RIGHTS", explanation: "第三者の情報を含むため。" }] },
        },
      });
      return r.id;
    },
  },
  {
    name: "build-package",
    action: "buildPackage",
    make: async () => {
      const r = await createOnlineRequest(uniqueEmail("st-build"), { identity: "VERIFIED", status: "IN_PROGRESS" });
      await prisma.request.update({
        where: { id: r.id },
        data: { fee: "PAID", status: "DECIDED", outcome: "FULFILLED", decidedAt: new Date() },
      });
      return r.id;
    },
  },
  {
    name: "publish",
    action: "publish",
    make: async () => {
      const r = await createOnlineRequest(uniqueEmail("st-publish"), { identity: "VERIFIED", status: "IN_PROGRESS" });
      await prisma.$transaction(async (tx) => {
        await tx.request.update({
          where: { id: r.id },
          data: { fee: "PAID", status: "DECIDED", outcome: "FULFILLED", decidedAt: new Date() },
        });
        const file = await storeFile(tx, {
          role: "DISCLOSURE_FILE",
          content: disclosureCsv.buffer,
          mimeType: "text/csv",
          originalName: disclosureCsv.name,
          requestId: r.id,
        });
        await tx.disclosurePackage.create({
          data: { requestId: r.id, deliveryMethod: "ELECTRONIC", files: { create: [{ fileId: file.id }] } },
        });
      });
      return r.id;
    },
  },
  {
    name: "complete-tasks",
    action: "completeTasks",
    make: async () => {
      const r = await createOnlineRequest(uniqueEmail("st-tasks"), {
        type: "CORRECTION",
        identity: "VERIFIED",
        status: "IN_PROGRESS",
      });
      const system = await prisma.systemOfRecord.findFirstOrThrow({ where: { active: true, key: "members" } });
      await prisma.request.update({
        where: { id: r.id },
        data: { status: "DECIDED", outcome: "FULFILLED", decidedAt: new Date() },
      });
      await prisma.task.create({
        data: { requestId: r.id, systemId: system.id, action: "CORRECT", categories: [1], instructions: "CORRECT [1]" },
      });
      return r.id;
    },
  },
  {
    name: "closed",
    action: "none",
    make: async () => {
      const r = await createOnlineRequest(uniqueEmail("st-closed"), { identity: "VERIFIED", status: "IN_PROGRESS" });
      await prisma.request.update({
        where: { id: r.id },
        data: { fee: "PAID", status: "CLOSED", outcome: "FULFILLED", decidedAt: new Date(), closedAt: new Date() },
      });
      return r.id;
    },
  },
];

async function shoot(page: Page, path: string): Promise<void> {
  await page.screenshot({ path, fullPage: false });
}

test("[console] every state leads with its next action, whose button is in the first screen at 1366×900; screenshots ja/en, desktop/phone", async ({
  page,
  context,
  baseURL,
}, testInfo) => {
  test.setTimeout(240_000);
  const ids: Record<string, string> = {};
  for (const s of states) ids[s.name] = await s.make();
  await signInWithNewStaff(page, "OFFICER");
  for (const locale of ["ja", "en"] as const) {
    await context.addCookies([{ name: "madoguchi_locale", value: locale, url: baseURL ?? "http://localhost" }]);
    for (const s of states) {
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.goto(`/console/requests/${ids[s.name]}`);
      const panel = page.getByTestId("next-action");
      await expect(panel).toHaveAttribute("data-action", s.action);
      if (s.action !== "none" && s.action !== "waitForRequester") {
        const box = await page.getByTestId("next-action-button").boundingBox();
        expect(box, `${s.name}: the next action's button`).not.toBeNull();
        expect((box?.y ?? 9999) + (box?.height ?? 0), `${s.name}: button within the first 900 px`).toBeLessThanOrEqual(
          900,
        );
      }
      const desktop = testInfo.outputPath(`request-${s.name}-${locale}-desktop.png`);
      await shoot(page, desktop);
      await testInfo.attach(`request-${s.name}-${locale}-desktop`, { path: desktop, contentType: "image/png" });
      await page.setViewportSize({ width: 390, height: 844 });
      await expect(panel).toBeVisible();
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        `${s.name}: no sideways scroll on a phone`,
      ).toBeLessThanOrEqual(390);
      const phone = testInfo.outputPath(`request-${s.name}-${locale}-phone.png`);
      await shoot(page, phone);
      await testInfo.attach(`request-${s.name}-${locale}-phone`, { path: phone, contentType: "image/png" });
    }
  }
  await context.clearCookies({ name: "madoguchi_locale" });
});

test("[console] sections other than the next action are one click away", async ({ page }) => {
  const r = await createOnlineRequest(uniqueEmail("st-fold"), { withDocument: true });
  await signInWithNewStaff(page, "STAFF");
  await page.goto(`/console/requests/${r.id}`);
  await expect(page.getByTestId("section-identity")).toHaveAttribute("open", "");
  const messages = page.getByTestId("section-messages");
  await expect(messages).not.toHaveAttribute("open", "");
  await page.getByTestId("section-links").getByRole("link", { name: "メッセージ" }).click();
  await expect(messages).toHaveAttribute("open", "");
});
