import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/server/current-staff";
import { prisma } from "@/lib/server/db";
import { PageHeader } from "@/components/ui/alert";
import { PreferencesForm } from "./preferences-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings.preferences"))("title") };
}

export default async function PreferencesPage() {
  const me = await requireStaffPage();
  const t = await getTranslations("settings.preferences");
  const user = await prisma.staffUser.findUniqueOrThrow({
    where: { id: me.id },
    select: { locale: true, digestEnabled: true },
  });
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <PreferencesForm locale={user.locale} digestEnabled={user.digestEnabled} />
    </>
  );
}
