import type { Page } from "@playwright/test";
import { expect, type Mailbox } from "./fixtures";
import { sendEmailConfirmationCode } from "@/lib/requests/email-confirmation";
import { submitRequest } from "@/lib/requests/submit-request";
import { codeSentTo, expectAccessible, fixture, msg, shoot, type Lang } from "./portal-helpers";

// The wizard's steps as a person goes through them, by field id (language independent)
// and by button text (from the message files, so every journey runs in ja and en).

export type Person = {
  name: string;
  nameKana: string;
  birthDate: string;
  postalCode: string;
  addressLine: string;
  email: string;
  phone: string;
  relationship: string;
  customerId?: string;
};
export type Agent = { name: string; nameKana: string; email: string; phone: string; address: string };

export const hanako = (email: string): Person => ({
  name: "山田 花子",
  // Typed as people type them: hiragana, full-width digits, slashes.
  nameKana: "やまだ はなこ",
  birthDate: "１９９０/４/１",
  postalCode: "１０４００６１",
  addressLine: "銀座1-2-3",
  email,
  phone: "03-1234-5678",
  relationship: "SERVICE_USER",
});

export const agentTakahashi = (email: string): Agent => ({
  name: "高橋 一郎",
  nameKana: "タカハシ イチロウ",
  email,
  phone: "06-1111-2222",
  address: "大阪府大阪市北区梅田1-1-1",
});

/** Where each step lives. */
export const stepUrl = (step: string) => new RegExp(step === "type" ? "/requests/new$" : `/requests/new/${step}$`);

/** Optional checks on every step: screenshots at 390 px and desktop, and axe. */
export type StepCheck = { name: string } | null;

async function check(page: Page, c: StepCheck, step: string): Promise<void> {
  if (!c) return;
  await shoot(page, `${c.name}-${step}`);
  await expectAccessible(page);
}

export async function next(page: Page, lang: Lang, label = msg(lang, "portal.wizard.next")): Promise<void> {
  await page.getByRole("button", { name: label, exact: true }).click();
}

export async function chooseType(page: Page, lang: Lang, type: string, c: StepCheck = null): Promise<void> {
  await page.goto("/requests/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(msg(lang, "portal.wizard.titles.type"));
  await check(page, c, "1-type");
  await page.locator(`#f-type-${type}`).check();
  await next(page, lang);
  await expect(page).toHaveURL(stepUrl("requester"));
}

export async function chooseRequester(
  page: Page,
  lang: Lang,
  kind: string,
  agent?: Agent,
  c: StepCheck = null,
): Promise<void> {
  await check(page, c, "2-requester");
  await page.locator(`#f-requesterKind-${kind}`).check();
  if (agent) {
    await page.locator("#f-agent-name").fill(agent.name);
    await page.locator("#f-agent-nameKana").fill(agent.nameKana);
    await page.locator("#f-agent-email").fill(agent.email);
    await page.locator("#f-agent-phone").fill(agent.phone);
    await page.locator("#f-agent-address").fill(agent.address);
  }
  await next(page, lang);
  await expect(page).toHaveURL(stepUrl("subject"));
}

/** The person's details; the prefecture and city come from the postal code. */
export async function fillSubject(page: Page, lang: Lang, p: Person, c: StepCheck = null): Promise<void> {
  await check(page, c, "3-subject");
  await page.locator("#f-name").fill(p.name);
  await page.locator("#f-nameKana").fill(p.nameKana);
  await page.locator("#f-birthDate").fill(p.birthDate);
  await page.locator("#f-postalCode").fill(p.postalCode);
  await page.getByRole("button", { name: msg(lang, "portal.wizard.subject.lookup") }).click();
  await expect(page.getByRole("status").filter({ hasText: msg(lang, "portal.wizard.subject.lookupOk") })).toBeVisible();
  await expect(page.locator("#f-prefecture")).toHaveValue("東京都");
  await expect(page.locator("#f-city")).toHaveValue("中央区");
  await expect(page.locator("#f-addressLine")).toBeFocused();
  await page.locator("#f-addressLine").fill(p.addressLine);
  await page.locator("#f-email").fill(p.email);
  await page.locator("#f-phone").fill(p.phone);
  if (p.customerId) await page.locator("#f-customerId").fill(p.customerId);
  await page.locator(`#f-relationship-${p.relationship}`).check();
  await next(page, lang);
  await expect(page).toHaveURL(stepUrl("details"));
}

/**
 * Uploads one document and waits until it is listed (with a preview for photos). With
 * JavaScript a chosen file goes as soon as it is chosen: no upload button is pressed.
 */
export async function upload(page: Page, lang: Lang, kind: string, file: string, issuedOn?: string): Promise<void> {
  const list = page.getByTestId("uploaded-files").locator("li");
  const before = await list.count();
  await page.locator("#f-upload-kind").selectOption(kind);
  if (issuedOn) await page.locator("#f-upload-issuedOn").fill(issuedOn);
  await page.locator("#f-upload-file").setInputFiles(fixture(file));
  await expect(list).toHaveCount(before + 1);
  await expect(page.getByRole("status").filter({ hasText: file })).toBeVisible();
}

/** Review (with the declaration), the emailed code, and the done page; returns the reference. */
export async function reviewAndSubmit(
  page: Page,
  lang: Lang,
  mailbox: Mailbox,
  contactEmail: string,
  c: StepCheck = null,
  expectFee = false,
): Promise<string> {
  await expect(page).toHaveURL(stepUrl("review"));
  if (expectFee) await expect(page.getByTestId("review-fee")).toContainText("5,500");
  else await expect(page.getByTestId("review-fee")).toHaveCount(0);
  await check(page, c, "6-review");
  await page.locator("#f-declarationAccepted").check();
  const since = Date.now();
  await next(page, lang, msg(lang, "portal.wizard.review.sendCode"));
  await expect(page).toHaveURL(stepUrl("confirm"));
  await expect(page.getByText(contactEmail)).toBeVisible();
  await check(page, c, "7-confirm");
  const code = await codeSentTo(mailbox, contactEmail, since);
  await page.locator("#f-code").fill(code);
  await page.getByRole("button", { name: msg(lang, "portal.wizard.confirm.submit"), exact: true }).click();
  await expect(page).toHaveURL(/\/requests\/new\/done$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(msg(lang, "portal.done.title"));
  const reference = (await page.getByTestId("reference").textContent())?.trim() ?? "";
  expect(reference).toMatch(/^DSR-\d{4}-\d{6}$/);
  if (c) {
    await shoot(page, `${c.name}-8-done`);
    await expectAccessible(page);
  }
  return reference;
}

/**
 * A request filed the way the wizard files it (code, then submitRequest) but without the
 * screens, for journeys that start on the status page. Returns the link from the mail.
 */
export async function fileRequestDirectly(
  mailbox: Mailbox,
  opts: { email: string; lang: Lang; type?: "DISCLOSURE" | "PURPOSE_NOTICE"; delivery?: "ELECTRONIC" | "POST" },
): Promise<{ reference: string; requestId: string; statusLink: string }> {
  const since = Date.now();
  await sendEmailConfirmationCode({ email: opts.email, locale: opts.lang });
  const code = await codeSentTo(mailbox, opts.email, since);
  const type = opts.type ?? "DISCLOSURE";
  const details =
    type === "DISCLOSURE"
      ? { categories: [1, 2], deliveryMethod: opts.delivery ?? "ELECTRONIC", includeProvisionRecords: false }
      : {};
  const subject = {
    ...hanako(opts.email),
    postalCode: "104-0061",
    prefecture: "東京都",
    city: "中央区",
    birthDate: "1990-04-01",
  };
  const filed = await submitRequest({
    input: {
      type,
      requesterKind: "SELF",
      subject,
      details,
      documents: { sendByPost: true, files: [] },
      declarationAccepted: true,
    },
    emailCode: code,
    idempotencyKey: `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    locale: opts.lang,
  });
  const ack = await mailbox.waitFor({ to: opts.email, subject: new RegExp(filed.reference) });
  const statusLink = /https?:\/\/\S+\/status\/t\/[A-Za-z0-9_-]+/.exec(ack.text)?.[0];
  if (!statusLink) throw new Error("no status link in the acknowledgement");
  return { reference: filed.reference, requestId: filed.requestId, statusLink };
}
