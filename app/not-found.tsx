import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-12">
      <p className="mb-2 font-mono text-muted">404</p>
      <h1 className="mb-3 text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mb-6">{t("notFoundBody")}</p>
      <Link href="/" className="text-brand-700 underline">
        {t("backHome")}
      </Link>
    </main>
  );
}
