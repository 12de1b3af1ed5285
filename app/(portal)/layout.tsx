import type { ReactNode } from "react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { prisma } from "@/lib/server/db";
import { getSetting } from "@/lib/settings/get-settings";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("common");
  const locale = await getLocale();
  const operator = await getSetting(prisma, "operator");
  const company = locale === "ja" ? operator.legalNameJa : operator.legalNameEn;
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-brand-100 bg-white">
        <div className="mx-auto flex max-w-4xl items-center justify-between gap-4 px-4 py-3">
          <Link href="/" className="min-w-0 text-lg font-bold text-brand-800 no-underline">
            {t("appName")}
          </Link>
          {/* The nav keeps its words whole (at 390 px "プライバシーポリシー" broke mid-word); the site name wraps instead. */}
          <nav aria-label={t("home")} className="flex shrink-0 items-center gap-3 text-sm sm:gap-4">
            <Link href="/policy" className="whitespace-nowrap text-brand-700 underline">
              {t("privacyPolicy")}
            </Link>
            <LanguageSwitcher />
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-4xl flex-1 px-4 py-8">
        {children}
      </main>
      <footer className="border-t border-brand-100 bg-white px-4 py-6 text-center text-sm text-muted">
        {t("footer", { company })}
      </footer>
    </div>
  );
}
