import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { countryOptions, JAPAN } from "@/lib/requests/countries";
import { RequestType, DocumentKind } from "@/lib/generated/prisma/enums";
import { requireStaffPage } from "@/lib/server/current-staff";
import { jstDate } from "@/lib/dates";
import { PREFECTURES, RELATIONSHIPS } from "@/lib/requests/policy-items";
import { PageHeader } from "@/components/ui/alert";
import { OfflineRequestForm } from "./offline-request-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.offline"))("title") };
}

export default async function NewOfflineRequestPage() {
  await requireStaffPage("create:request");
  const t = await getTranslations("console.offline");
  const locale = (await getLocale()) === "en" ? "en" : "ja";
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <OfflineRequestForm
        options={{
          types: Object.values(RequestType),
          prefectures: PREFECTURES,
          // Japan first, then the rest by name (ADR 0014: requesters abroad).
          countries: [{ value: JAPAN, label: t("countryJapan") }, ...countryOptions(locale)],
          relationships: RELATIONSHIPS,
          documentKinds: Object.values(DocumentKind),
          today: jstDate(new Date()),
        }}
      />
    </>
  );
}
