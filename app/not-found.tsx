import { getTranslations } from "next-intl/server";
import { ProblemPage } from "@/components/layout/problem-page";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <ProblemPage
      status={404}
      title={t("notFoundTitle")}
      body={t("notFoundBody")}
      back={{ href: "/", label: t("backHome") }}
    />
  );
}
