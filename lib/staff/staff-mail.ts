import type { Locale } from "@/lib/generated/prisma/enums";
import { renderMail } from "@/lib/mail/mail-layout";
import type { Settings } from "@/lib/settings/settings-schema";

export function staffInviteMail(v: {
  locale: Locale;
  name: string;
  url: string;
  days: number;
  operator: Settings["operator"];
}) {
  const ja = v.locale === "ja";
  return renderMail({
    locale: v.locale,
    subject: ja ? "【Madoguchi】スタッフアカウントへのご招待" : "[Madoguchi] You are invited to the staff console",
    heading: ja ? `${v.name} 様` : `Dear ${v.name},`,
    paragraphs: ja
      ? [
          "個人情報の開示等請求に対応するスタッフ用コンソール Madoguchi に招待されました。",
          `下のリンクからパスワードを設定してください。リンクの有効期限は ${v.days} 日間です。初回サインイン時に認証アプリ（TOTP）を登録します。`,
        ]
      : [
          "You have been invited to Madoguchi, the staff console for personal information requests.",
          `Set your password with the link below; it is valid for ${v.days} days. At your first sign-in you will register an authenticator app (TOTP).`,
        ],
    action: { label: ja ? "パスワードを設定する" : "Set your password", url: v.url, secret: true },
    signature: ja ? v.operator.legalNameJa : v.operator.legalNameEn,
  });
}
