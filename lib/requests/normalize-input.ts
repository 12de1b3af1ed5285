// Input as Japanese people type it: full-width digits and letters, hiragana where kana
// is asked for, ideographic spaces, various dashes. Each function here is pure and runs
// in the browser and on the server alike (the zod schemas call them).

const DASHES = /[‐‑‒–—―−ーｰ－]/g;

/** Full-width ASCII (Ａ-Ｚ, ０-９, ＠, －) to half-width; leaves kana and kanji alone. */
export function toHalfWidth(s: string): string {
  return s.replace(/[！-～]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

/** Digits only, after full-width conversion: "１０４－００６１" → "1040061". */
export function digitsOnly(s: string): string {
  return toHalfWidth(s).replace(/\D/g, "");
}

/** "1040061", "104-0061", "〒１０４－００６１" → "104-0061"; anything else → null. */
export function normalizePostalCode(s: string): string | null {
  const t = toHalfWidth(s).replace(/^〒/, "").replace(DASHES, "-").replace(/\s/g, "");
  const m = /^(\d{3})-?(\d{4})$/.exec(t);
  return m ? `${m[1]}-${m[2]}` : null;
}

/** Hiragana to katakana, half-width katakana to full-width, spaces collapsed to one. */
export function toKatakana(s: string): string {
  return s
    .normalize("NFKC") // ﾔﾏﾀﾞ → ヤマダ (also folds full-width spaces)
    .replace(/[\u3041-\u3096\u309d\u309e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/\s+/g, " ")
    .trim();
}

/** Katakana, the long-vowel mark, middle dot and spaces only (after toKatakana). */
export function isKatakana(s: string): boolean {
  return /^[\u30a1-\u30fa\u30fc\u30fd\u30fe\u30fb ]+$/.test(s);
}

/** Phone as typed, with full-width digits and dashes made half-width; checked by phoneLooksValid. */
export function normalizePhone(s: string): string {
  return toHalfWidth(s).replace(DASHES, "-").replace(/\s+/g, "");
}

/** Japanese numbers have 10–11 digits (0 first); international numbers start with +. */
export function phoneLooksValid(s: string): boolean {
  if (!/^\+?[\d\-()]+$/.test(s)) return false;
  const digits = s.replace(/\D/g, "");
  return s.startsWith("+") ? digits.length >= 8 && digits.length <= 15 : /^0\d{9,10}$/.test(digits);
}

/** Email for comparison and lookups: trimmed, half-width, lower-cased. */
export function normalizeEmail(s: string): string {
  return toHalfWidth(s).trim().toLowerCase();
}

/** Names keep their characters (no NFKC: it would rewrite some kanji); only spaces are tidied. */
export function tidyName(s: string): string {
  return s.replace(/[\s\u3000]+/g, " ").trim();
}

/** "DSR-2026-000123" in any width or case → canonical, or null when it is not one. */
export function normalizeReference(s: string): string | null {
  const t = toHalfWidth(s).replace(DASHES, "-").replace(/\s/g, "").toUpperCase();
  const m = /^DSR-?(\d{4})-?(\d{6})$/.exec(t);
  return m ? `DSR-${m[1]}-${m[2]}` : null;
}

/** A yyyy-mm-dd string naming a real calendar day (no 2026-02-30). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Accepts "2026/1/5", "２０２６－０１－０５" and "2026-01-05"; returns yyyy-mm-dd or the input. */
export function normalizeDate(s: string): string {
  const t = toHalfWidth(s)
    .trim()
    .replace(/[/.年月]/g, "-")
    .replace(/日$/, "")
    .replace(DASHES, "-");
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  return m ? `${m[1]}-${(m[2] ?? "").padStart(2, "0")}-${(m[3] ?? "").padStart(2, "0")}` : t;
}

/** Today's calendar date in Japan, yyyy-mm-dd. */
// Made once: building an Intl.DateTimeFormat costs more than a whole filing's SQL on the
// bench's profile (issue 19), and every date field of the wizard's schema calls this.
const japanDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Tokyo",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

export function todayInJapan(now: Date = new Date()): string {
  return japanDay.format(now);
}
