// Where a requester lives. Japan keeps the postal-code lookup, prefectures and kana;
// anywhere else takes a free international address (ADR 0014). Codes are ISO 3166-1
// alpha-2 (plus XK, Kosovo, which passports use); names come from Intl.DisplayNames in
// the reader's language, so no list of names is kept here. No zod: the browser imports it.

export const JAPAN = "JP";

/** Countries and regions other than Japan, by ISO 3166-1 alpha-2 code. */
export const COUNTRIES_ABROAD = [
  "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD", "BE",
  "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD",
  "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM",
  "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
  "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM", "HN", "HR", "HT", "HU",
  "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "KE", "KG", "KH", "KI", "KM", "KN", "KP",
  "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF",
  "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC",
  "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN",
  "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ",
  "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL",
  "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI", "VN",
  "VU", "WF", "WS", "XK", "YE", "YT", "ZA", "ZM", "ZW",
] as const;
export type CountryAbroad = (typeof COUNTRIES_ABROAD)[number];
export type CountryCode = typeof JAPAN | CountryAbroad;

export const RESIDENCES = ["JP", "ABROAD"] as const;
export type Residence = (typeof RESIDENCES)[number];

export function isCountryAbroad(code: unknown): code is CountryAbroad {
  return typeof code === "string" && (COUNTRIES_ABROAD as readonly string[]).includes(code);
}

/** A country's name in the reader's language ("イギリス", "United Kingdom"); the code if unknown. */
export function countryName(code: string, locale: "ja" | "en"): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region", fallback: "code" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The choices of a country select, sorted by name in the reader's language. */
export function countryOptions(locale: "ja" | "en"): { value: CountryAbroad; label: string }[] {
  const collator = new Intl.Collator(locale);
  return COUNTRIES_ABROAD.map((value) => ({ value, label: countryName(value, locale) })).sort((a, b) => collator.compare(a.label, b.label));
}
