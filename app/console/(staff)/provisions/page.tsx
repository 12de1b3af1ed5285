import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/server/current-staff";
import { ProvisionBasis } from "@/lib/generated/prisma/enums";
import { roleHas } from "@/lib/server/permissions";
import { searchProvisions } from "@/lib/provisions/search-provisions";
import { jstDate } from "@/lib/dates";
import { PageHeader } from "@/components/ui/alert";
import { ProvisionTable } from "./provision-rows";
import { ProvisionSearch, RecordProvisionForm } from "./provision-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.provisions"))("title") };
}

const BASES = Object.values(ProvisionBasis);
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export default async function ProvisionsPage() {
  const me = await requireStaffPage("read:provision-record");
  const t = await getTranslations("console.provisions");
  const tt = await getTranslations("console.provisions.table");
  const b = await getTranslations("notices.provisionRecords.basisLabels");
  const recent = await searchProvisions({ actor: me, input: { take: 20 } });
  const labels = {
    caption: tt("caption"),
    providedOn: tt("providedOn"),
    subject: tt("subject"),
    recipient: tt("recipient"),
    items: tt("items"),
    categories: tt("categories"),
    basis: Object.fromEntries(BASES.map((x) => [x, b(x)])),
    basisHeading: tt("basis"),
    consentDate: tt("consentDate"),
    retainUntil: tt("retainUntil"),
  };
  const rows = recent.map((r) => ({
    id: r.id,
    recipientName: r.recipientName,
    providedOn: day(r.providedOn) ?? "",
    subjectName: r.subjectName,
    subjectNameKana: r.subjectNameKana,
    customerId: r.customerId,
    categories: r.categories,
    items: r.items,
    basis: r.basis,
    consentDate: day(r.consentDate),
    retainUntil: day(r.retainUntil) ?? "",
  }));
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <section aria-labelledby="psearch-title" className="mb-6 rounded-md border border-stone-300 bg-white p-4">
        <h2 id="psearch-title" className="mb-1 text-xl font-bold">
          {t("searchTitle")}
        </h2>
        <p className="mb-3 text-sm text-muted">{t("searchIntro")}</p>
        <ProvisionSearch />
      </section>
      {roleHas(me.role, "write:provision-record") ? (
        <section aria-labelledby="precord-title" className="mb-6 rounded-md border border-stone-300 bg-white p-4">
          <h2 id="precord-title" className="mb-3 text-xl font-bold">
            {t("recordTitle")}
          </h2>
          <RecordProvisionForm today={jstDate(new Date())} />
        </section>
      ) : null}
      <section aria-labelledby="precent-title">
        <h2 id="precent-title" className="mb-3 text-xl font-bold">
          {t("recentTitle")}
        </h2>
        {rows.length ? <ProvisionTable rows={rows} labels={labels} /> : <p>{t("none")}</p>}
      </section>
    </>
  );
}
