import { codeFrom, test, expect } from "./fixtures";
import { signInWithNewStaff } from "./staff-session";
import { uniqueEmail } from "./console-data";
import { sendEmailConfirmationCode } from "@/lib/requests/email-confirmation";

// Issue 15 item 5 over HTTP: the requester receives the code; an admin reading the mail
// viewer sees the message without it.
test("[console] the mail viewer shows a code mail without its code", async ({ page, mailbox }) => {
  const email = uniqueEmail("mail-viewer");
  const since = Date.now();
  await sendEmailConfirmationCode({ email, locale: "ja" });
  const received = await mailbox.waitFor({ to: email, since });
  const code = codeFrom(received);

  await signInWithNewStaff(page, "ADMIN", "管理 メール");
  await page.goto("/console/mail");
  await expect(page.getByTestId("mail-redaction-note")).toContainText("[removed]");
  const row = page.getByRole("row").filter({ hasText: email });
  await row.getByRole("link").click();
  const text = page.getByTestId("mail-text");
  await expect(text).toContainText("[removed]");
  await expect(text).not.toContainText(code);
});
