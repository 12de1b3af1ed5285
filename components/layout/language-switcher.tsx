import { getLocale, getTranslations } from "next-intl/server";
import { switchLocale } from "@/app/actions";

export async function LanguageSwitcher() {
  const locale = await getLocale();
  const t = await getTranslations("common");
  const other = locale === "ja" ? "en" : "ja";
  return (
    <form action={switchLocale}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other}
        className="rounded border border-brand-600 px-3 py-1 text-sm text-brand-700 hover:bg-brand-50"
        aria-label={t("switchLanguageLabel")}
      >
        {other === "en" ? "English" : "日本語"}
      </button>
    </form>
  );
}
