import { JST_ZONE } from "@/lib/dates";
import type { Locale } from "@/lib/generated/prisma/enums";
import ja from "@/messages/ja/notices.json";
import en from "@/messages/en/notices.json";

// Notices are written outside any page (in transactions, jobs), so they read the
// "notices" message namespace directly; the words live in messages/{ja,en}/notices.json.
export type NoticeMessages = typeof ja;
const messages: Record<Locale, NoticeMessages> = { ja, en };

export function noticeMessages(locale: Locale): NoticeMessages {
  return messages[locale];
}

/** Replaces {name} placeholders (the simple ICU subset next-intl also reads). */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A date as people in Japan read it, in JST: 2026年11月20日 / 20 November 2026. */
export function formatNoticeDate(locale: Locale, d: Date): string {
  return new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-GB", {
    timeZone: JST_ZONE,
    year: "numeric",
    month: "long",
    day: "numeric",
  }).format(d);
}
