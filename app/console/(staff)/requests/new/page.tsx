import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { JAPAN } from "@/lib/requests/countries";
import { offlineIntakeOptions } from "@/lib/console/offline-intake-options";
import { requireStaffPage } from "@/lib/server/current-staff";
import { jstDate } from "@/lib/dates";
import { PageHeader } from "@/components/ui/alert";
import { OfflineRequestForm } from "./offline-request-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.offline"))("title") };
}

export default async function NewOfflineRequestPage() {
  await requireStaffPage("create:request");
  const t = await getTranslations("console.offline");
  const locale = (await getLocale()) === "en" ? "en" : "ja";
  const { countriesAbroad, ...choices } = offlineIntakeOptions(locale);
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <OfflineRequestForm
        options={{
          ...choices,
          // Japan first, then the rest by name (ADR 0014: requesters abroad).
          countries: [{ value: JAPAN, label: t("countryJapan") }, ...countriesAbroad],
          today: jstDate(new Date()),
        }}
      />
    </>
  );
}
