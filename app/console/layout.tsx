import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { clientMessages } from "@/i18n/client-messages";
import { LanguageSwitcher } from "@/components/layout/language-switcher";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: t("console"), template: `%s | ${t("console")}` },
    robots: { index: false, follow: false },
  };
}

/** The console frame shared by the sign-in page and the signed-in pages. */
export default async function ConsoleFrame({ children }: { children: ReactNode }) {
  const t = await getTranslations("common");
  return (
    <div className="flex min-h-screen flex-col bg-stone-50">
      <header className="border-b border-stone-300 bg-brand-800 text-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-2">
          <Link href="/console" className="font-bold text-white no-underline">
            {t("appName")} <span className="font-normal opacity-90">/ {t("console")}</span>
          </Link>
          <div className="rounded bg-white">
            <LanguageSwitcher />
          </div>
        </div>
      </header>
      <NextIntlClientProvider messages={await clientMessages("console")}>{children}</NextIntlClientProvider>
    </div>
  );
}
