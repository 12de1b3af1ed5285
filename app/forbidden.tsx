import { getTranslations } from "next-intl/server";
import { ProblemPage } from "@/components/layout/problem-page";

export default async function Forbidden() {
  const t = await getTranslations("common");
  return (
    <ProblemPage
      status={403}
      title={t("forbiddenTitle")}
      body={t("forbiddenBody")}
      back={{ href: "/console", label: t("backHome") }}
    />
  );
}
