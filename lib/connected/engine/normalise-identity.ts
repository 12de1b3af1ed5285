import type { IdentityValues } from "./types";

// Identity values as Japanese data really looks: full-width letters and digits, several kinds of
// hyphen and long-vowel marks in phone numbers, ideographic spaces in names, hiragana vs katakana
// readings, +81 country codes, mixed-case email addresses.

export type NormalisedIdentity = {
  email?: string;
  phone?: string;
  memberId?: string;
  /** Name without any spaces (NFKC), for comparison. */
  name?: string;
  /** Reading in katakana without spaces. */
  nameKana?: string;
  birthDate?: string;
};

const dashes = /[\u2010-\u2015\u2212\u30FC\uFF0D\uFF70\u2043\uFE58\uFE63]/g;

export function normaliseEmail(v: string): string {
  return v.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

/** Digits only; +81 / 81 country code becomes the domestic leading 0. */
export function normalisePhone(v: string): string {
  const nfkc = v.normalize("NFKC").replace(dashes, "-").trim();
  let digits = nfkc.replace(/\D/g, "");
  if (/^\+\s*81/.test(nfkc) || (/^81\d{9,10}$/.test(digits) && !digits.startsWith("0"))) {
    digits = digits.replace(/^81/, "");
    if (!digits.startsWith("0")) digits = `0${digits}`;
  }
  return digits;
}

export function normaliseMemberId(v: string): string {
  return v.normalize("NFKC").replace(dashes, "-").replace(/\s+/g, "").toUpperCase();
}

/** Hiragana → katakana, so ヤマダ and やまだ compare equal. */
function toKatakana(v: string): string {
  return v.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

export function normaliseName(v: string): string {
  return toKatakana(v.normalize("NFKC").replace(/\s+/g, "")).toLowerCase();
}

export function normaliseBirthDate(v: string): string | undefined {
  const m = v
    .normalize("NFKC")
    .trim()
    .match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?/);
  if (!m) return undefined;
  const [, y = "", mo = "", d = ""] = m;
  return `${y}-${mo.padStart(2, "0")}-${d.padStart(2, "0")}`;
}

export function normaliseIdentity(v: IdentityValues): NormalisedIdentity {
  const out: NormalisedIdentity = {};
  const email = v.email ? normaliseEmail(v.email) : "";
  if (email.includes("@") && email.length <= 320) out.email = email;
  const phone = v.phone ? normalisePhone(v.phone) : "";
  if (phone.length >= 10 && phone.length <= 15) out.phone = phone;
  const memberId = v.memberId ? normaliseMemberId(v.memberId) : "";
  if (memberId) out.memberId = memberId;
  const name = v.name ? normaliseName(v.name) : "";
  if (name) out.name = name;
  const kana = v.nameKana ? normaliseName(v.nameKana) : "";
  if (kana) out.nameKana = kana;
  const birthDate = v.birthDate ? normaliseBirthDate(v.birthDate) : undefined;
  if (birthDate) out.birthDate = birthDate;
  return out;
}

const fullWidthDigit = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/**
 * The ways a phone number is commonly stored, so an exact, indexed `IN (...)` finds it; every
 * candidate row is then checked again with normalisePhone (no false positive survives).
 */
export function phoneVariants(digits: string): string[] {
  const out = new Set<string>([digits]);
  const splits: number[][] =
    digits.length === 11
      ? [
          [3, 4, 4],
          [3, 3, 5],
        ]
      : [
          [2, 4, 4],
          [3, 3, 4],
          [4, 2, 4],
          [5, 1, 4],
          [4, 6],
          [3, 7],
        ];
  for (const parts of splits) {
    let i = 0;
    const groups = parts.map((n) => digits.slice(i, (i += n)));
    out.add(groups.join("-"));
    out.add(groups.join(" "));
    out.add(`(${groups[0]})${groups.slice(1).join("-")}`);
    out.add(`${groups[0]}(${groups[1]})${groups.slice(2).join("")}`);
    const intl = [(groups[0] ?? "").replace(/^0/, ""), ...groups.slice(1)];
    out.add(`+81-${intl.join("-")}`);
    out.add(`+81 ${intl.join(" ")}`);
    out.add(`+81 ${intl.join("-")}`);
  }
  out.add(`+81${digits.replace(/^0/, "")}`);
  out.add(`81${digits.replace(/^0/, "")}`);
  for (const v of [...out]) {
    out.add(fullWidthDigit(v).replace(/-/g, "－"));
    out.add(fullWidthDigit(v).replace(/-/g, "ー"));
    out.add(fullWidthDigit(v));
  }
  return [...out];
}

export function memberIdVariants(norm: string, raw: string | undefined): string[] {
  const out = new Set([norm, norm.toLowerCase()]);
  if (raw) out.add(raw.trim());
  return [...out];
}
