import { getTranslations } from "next-intl/server";

export default async function ConsoleHome() {
  const t = await getTranslations("common");
  return (
    <main id="main" className="p-8">
      <h1 className="text-2xl font-bold">{t("console")}</h1>
    </main>
  );
}
