import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale, LOCALE_COOKIE } from "./config";
import { loadMessages } from "./messages";
import { JST_ZONE } from "@/lib/dates";

// The language lives in a cookie, not the URL: Japanese unless the person chose English.
export default getRequestConfig(async () => {
  const store = await cookies();
  const chosen = store.get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : defaultLocale;
  return { locale, messages: await loadMessages(locale), timeZone: JST_ZONE };
});
