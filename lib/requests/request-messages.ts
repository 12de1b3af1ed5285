import { JST_ZONE } from "@/lib/dates";
import type { Locale } from "@/lib/generated/prisma/enums";
import ja from "@/messages/ja/requests.json";
import en from "@/messages/en/requests.json";
import { formatFee } from "@/lib/fees/format-fee";

// Server-side text for mails and PDFs, from the same message files the pages use
// (namespace "requests"). Placeholders are ICU-style "{name}"; no plural syntax here.

const catalogs: Record<Locale, unknown> = { ja, en };

function lookup(catalog: unknown, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>(
      (node, part) => (typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined),
      catalog,
    );
}

/** The message for `key` in `locale`, with {placeholders} filled; throws on a missing key (a bug). */
export function requestText(locale: Locale, key: string, vars: Record<string, string | number> = {}): string {
  const value = lookup(catalogs[locale], key);
  if (typeof value !== "string") throw new Error(`missing message requests.${key} (${locale})`);
  return value.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** Yen as people read it: "5,500円" / "¥5,500" (the shared formatFee). */
export function formatYen(locale: Locale, amount: number): string {
  return formatFee(amount, locale);
}

/** A date as a calendar day in Japan: "2026年12月14日" / "14 December 2026". */
// One formatter per language, made once (constructing one is the costly part).
const jstDate = new Map<Locale, Intl.DateTimeFormat>();

export function formatJstDate(locale: Locale, d: Date): string {
  let f = jstDate.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-GB", {
      timeZone: JST_ZONE,
      year: "numeric",
      month: "long",
      day: "numeric",
    });
    jstDate.set(locale, f);
  }
  return f.format(d);
}
