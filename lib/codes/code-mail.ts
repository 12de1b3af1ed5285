import type { CodePurpose, Locale } from "@/lib/generated/prisma/enums";
import { renderMail } from "@/lib/mail/mail-layout";
import { requestText } from "@/lib/requests/request-messages";

/** The mail carrying a one-time code; the code is in the body, not the subject line. */
export function codeMail(opts: {
  locale: Locale;
  purpose: CodePurpose;
  code: string;
  minutes: number;
  signature: string;
}) {
  const t = (key: string, vars?: Record<string, string | number>) => requestText(opts.locale, `mail.code.${key}`, vars);
  return renderMail({
    locale: opts.locale,
    subject: t("subject"),
    heading: t("heading"),
    paragraphs: [t(`purpose.${opts.purpose}`), t("codeLine", { code: opts.code, minutes: opts.minutes }), t("ignore")],
    signature: opts.signature,
    secrets: [opts.code],
  });
}
