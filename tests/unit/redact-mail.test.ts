import { describe, expect, it } from "vitest";
import { renderMail } from "@/lib/mail/mail-layout";
import { redactMailText } from "@/lib/mail/redact-mail";

// The readable copy of a mail: what the template marks as a credential is gone from the
// text and the HTML (escaped or not), and credential links go even if a template forgot.
describe("redacting a mail", () => {
  const link = "http://localhost:3000/status/t/Zx9_kLmN0pQrStUvWxYz0123456789ab&x=1";
  const mail = renderMail({
    locale: "ja",
    subject: "確認コード",
    heading: "確認コード",
    paragraphs: ["確認コードは 482913 です。"],
    action: { label: "状況を確認する", url: link, secret: true },
    signature: "株式会社アズポケット",
    secrets: ["482913"],
  });

  it("keeps neither the code nor the link, in text or HTML, and says where the link pointed", () => {
    for (const body of [redactMailText(mail.text, mail.secrets), redactMailText(mail.html, mail.secrets)]) {
      expect(body).not.toContain("482913");
      expect(body).not.toContain("Zx9_kLmN0pQrStUvWxYz0123456789ab");
      expect(body).toContain("/status/t/[removed]");
      expect(body).toContain("株式会社アズポケット");
    }
  });

  it("cuts status and invitation links a template did not declare", () => {
    const text = "a http://x.jp/status/t/abcDEF123_- b https://x.jp/console/invite/tok-en_1 c";
    expect(redactMailText(text, [])).toBe("a http://x.jp/status/t/[removed] b https://x.jp/console/invite/[removed] c");
  });
});
