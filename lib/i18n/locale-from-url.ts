import { isLocale, LOCALE_COOKIE, type AppLocale } from "@/i18n/config";

// Shareable language addresses. The language lives in a cookie (i18n/request.ts), so a
// company's English privacy policy could not link straight to the English portal. Now
// /en, /en/<path> and any page with ?lang=en (likewise ja) set that cookie and redirect to
// the address without the language, so every page keeps one URL and the cookie does the
// rest (forms, server actions and mail links need no prefix). A pure function of the URL,
// composed into proxy.ts.

export type LocaleRedirect = {
  /** Path and query to go to, on the same site. */
  location: string;
  pathname: string;
  search: string;
  locale: AppLocale;
};

const PREFIX = /^\/(en|ja)(?=\/|$)/;

/** The redirect an address with a language in it asks for, or null when it names none. */
export function localeFromUrl(url: URL): LocaleRedirect | null {
  let locale: AppLocale | null = null;
  let path = url.pathname;
  const prefix = PREFIX.exec(path)?.[1];
  if (isLocale(prefix)) {
    locale = prefix;
    path = path.slice(prefix.length + 1) || "/";
  }
  const params = new URLSearchParams(url.search);
  const lang = params.get("lang");
  // ?lang= wins over the prefix (it was added last); an unknown value (?lang=fr) is left alone.
  if (isLocale(lang)) {
    locale = lang;
    params.delete("lang");
  }
  if (!locale) return null;
  const query = params.toString();
  return { location: query ? `${path}?${query}` : path, pathname: path, search: query ? `?${query}` : "", locale };
}

/** The Set-Cookie attributes, the same as the language switch's (app/actions.ts). */
export const localeCookie = (locale: AppLocale) =>
  ({
    name: LOCALE_COOKIE,
    value: locale,
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: false,
  }) as const;
