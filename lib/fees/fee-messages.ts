import { JST_ZONE } from "@/lib/dates";
import type { Locale } from "@/lib/generated/prisma/enums";
import ja from "@/messages/ja/fees.json";
import en from "@/messages/en/fees.json";

// Mails and receipts are rendered on the server outside any page, so they read the
// "fees" message namespace directly; the strings live in messages/{ja,en}/fees.json.
export type FeeMessages = typeof ja;
const messages: Record<Locale, FeeMessages> = { ja, en };

export function feeMessages(locale: Locale): FeeMessages {
  return messages[locale];
}

/** Replaces {name} placeholders (the simple subset of ICU that next-intl also reads). */
export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat("ja-JP").format(n);
}

export function formatYen(locale: Locale, amount: number): string {
  return fill(messages[locale].amount, { amount: formatNumber(amount) });
}

/**
 * A calendar date for people in Japan. `@db.Date` columns hold midnight UTC of the date
 * itself, so they are formatted in UTC; instants are formatted in JST.
 */
export function formatDate(locale: Locale, d: Date, kind: "date-column" | "instant" = "instant"): string {
  return new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-GB", {
    timeZone: kind === "date-column" ? "UTC" : JST_ZONE,
    year: "numeric",
    month: "long",
    day: "numeric",
  }).format(d);
}
