import { test, expect } from "./fixtures";
import { DEMO_PASSWORD, newStaffMember, resetClientSignInThrottle, signInThroughForm } from "./staff-session";

test("[foundation] an admin signs in with TOTP enrolment, invites a staff member and signs out", async ({
  page,
  mailbox,
}) => {
  const since = Date.now();
  await page.goto("/console");
  await expect(page).toHaveURL(/\/console\/sign-in/);
  await signInThroughForm(page, "admin@madoguchi.example");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("請求一覧");

  await page.getByRole("link", { name: "スタッフ管理" }).click();
  await page.locator("#invite-name").fill("新人 次郎");
  await page.locator("#invite-email").fill("jiro@madoguchi.example");
  await page.getByRole("button", { name: "招待メールを送る" }).click();
  await expect(page.getByRole("status").filter({ hasText: "jiro@madoguchi.example" })).toBeVisible();
  await expect(page.getByTestId("staff-row").filter({ hasText: "新人 次郎" })).toContainText("招待中");

  // The invitation reaches the real SMTP server; the invitee sets a password.
  const mail = await mailbox.waitFor({ to: "jiro@madoguchi.example", since });
  const link = /https?:\/\/\S+\/console\/invite\/[\w-]+/.exec(mail.text)?.[0];
  expect(link).toBeTruthy();

  await page.getByRole("button", { name: "サインアウト" }).click();
  await expect(page).toHaveURL(/\/console\/sign-in\?signedOut=1/);
  await expect(page.getByRole("status")).toHaveText("サインアウトしました。");
  await page.goto("/console/staff");
  await expect(page).toHaveURL(/\/console\/sign-in/);

  await page.goto(new URL(link ?? "").pathname);
  await page.locator("#password").fill("jiro-password-2026");
  await page.locator("#confirm").fill("jiro-password-2026");
  await page.getByRole("button", { name: "パスワードを設定する" }).click();
  await expect(page).toHaveURL(/passwordSet=1/);
  await signInThroughForm(page, "jiro@madoguchi.example", "jiro-password-2026");
  await expect(page.getByRole("link", { name: "スタッフ管理" })).toHaveCount(0);
});

test("[foundation] wrong passwords slow the next try down instead of locking the account; unknown accounts answer alike", async ({
  page,
}) => {
  const email = await newStaffMember();
  const attempt = async (who: string, password: string) => {
    await page.locator("#email").fill(who);
    await page.locator("#password").fill(password);
    // Wait for this attempt's answer, not the previous attempt's message.
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/console/sign-in")),
      page.locator("main form button[type=submit]").click(),
    ]);
  };
  await page.goto("/console/sign-in");
  // Three free tries, and the fourth, which earns a one-second wait.
  for (let i = 0; i < 4; i++) {
    await attempt(email, `wrong-password-${i}`);
    await expect(page.locator("main [role=alert]")).toContainText("正しくありません");
    // React resets the form once the answer is rendered; type the next attempt after that.
    await expect(page.locator("#password")).toHaveValue("");
  }
  await attempt(email, DEMO_PASSWORD);
  await expect(page.locator("main [role=alert]")).toContainText(/\d+秒後にもう一度お試しください/);
  await expect(page.locator("#code")).toHaveCount(0);
  // Nothing is locked: after the wait the right password goes on to the code.
  await page.waitForTimeout(1500);
  await attempt(email, DEMO_PASSWORD);
  await expect(page.locator("#code")).toBeVisible();
  // An unknown address answers like a wrong password.
  await page.goto("/console/sign-in");
  await attempt(`nobody-${Date.now()}@madoguchi.example`, "wrong-password");
  await expect(page.locator("main [role=alert]")).toContainText("メールアドレスまたはパスワードが正しくありません。");
  await resetClientSignInThrottle();
});

test("[foundation] a STAFF user gets the 403 page for the admin page", async ({ page }) => {
  await signInThroughForm(page, "staff@madoguchi.example");
  await expect(page.getByRole("link", { name: "スタッフ管理" })).toHaveCount(0);
  const res = await page.goto("/console/staff");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("このページを表示する権限がありません");
  await expect(page.locator("#invite-email")).toHaveCount(0);
});

test("[foundation] the policy page has one anchor per article", async ({ page }) => {
  await page.goto("/policy#art-6");
  for (const n of [6, 7, 8, 11]) await expect(page.locator(`#art-${n}`)).toBeVisible();
  await expect(page.locator("section[id^=art-]")).toHaveCount(12);
});
