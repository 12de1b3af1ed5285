import { getTranslations } from "next-intl/server";

export default async function LandingPage() {
  const t = await getTranslations("common");
  return (
    <section>
      <h1 className="text-2xl font-bold">{t("tagline")}</h1>
    </section>
  );
}
