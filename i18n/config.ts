export const locales = ["ja", "en"] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = "ja";
export const LOCALE_COOKIE = "madoguchi_locale";

export function isLocale(v: unknown): v is AppLocale {
  return typeof v === "string" && (locales as readonly string[]).includes(v);
}
