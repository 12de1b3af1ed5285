"use client";
import { useEffect, useRef } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";

/**
 * Any page that fails (for instance while the database is unreachable) ends here: a plain
 * explanation that nothing was saved, and a way to try again. Detail stays in the server log.
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-12">
      <h1 ref={heading} tabIndex={-1} className="mb-3 text-2xl font-bold">
        {t("errorTitle")}
      </h1>
      <p className="mb-6">{t("errorBody")}</p>
      <div className="flex flex-wrap gap-4">
        <button
          type="button"
          onClick={reset}
          className="min-h-11 rounded-md bg-brand-700 px-4 py-2 font-semibold text-white"
        >
          {t("tryAgain")}
        </button>
        <Link href="/" className="min-h-11 py-2 text-brand-700 underline">
          {t("backHome")}
        </Link>
      </div>
    </main>
  );
}
