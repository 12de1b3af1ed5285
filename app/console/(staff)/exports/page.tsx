import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/server/current-staff";
import { PageHeader } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { ArchiveForm } from "./archive-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("operations.exports"))("title") };
}

const types = ["DISCLOSURE", "CORRECTION", "SUSPENSION", "THIRD_PARTY_STOP", "PURPOSE_NOTICE", "INQUIRY", "COMPLAINT"] as const;
const statuses = ["RECEIVED", "IN_PROGRESS", "WAITING_FOR_REQUESTER", "DECIDED", "CLOSED", "WITHDRAWN", "ABANDONED"] as const;

export default async function ExportsPage() {
  await requireStaffPage("export:data");
  const t = await getTranslations("operations.exports");
  const label = await getTranslations("operations.labels");
  const statusLabel = await getTranslations("operations.statuses");
  const box = "rounded-md border border-stone-300 bg-white p-4";
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="space-y-8">
        <section aria-labelledby="list-title" className={box}>
          <h2 id="list-title" className="mb-1 text-xl font-bold">{t("listTitle")}</h2>
          <p className="mb-4 text-sm text-muted">{t("listIntro")}</p>
          <form method="get" action="/console/exports/requests">
            <div className="mb-4 flex flex-wrap gap-4">
              <div>
                <label htmlFor="from" className="block font-semibold">{t("from")}</label>
                <input id="from" name="from" type="date" className="min-h-11 rounded-md border border-stone-400 bg-white px-2" />
              </div>
              <div>
                <label htmlFor="to" className="block font-semibold">{t("to")}</label>
                <input id="to" name="to" type="date" className="min-h-11 rounded-md border border-stone-400 bg-white px-2" />
              </div>
            </div>
            <fieldset className="mb-4">
              <legend className="font-semibold">{t("types")}</legend>
              <div className="flex flex-wrap gap-x-5">
                {types.map((v) => (
                  <label key={v} className="flex min-h-11 items-center gap-2"><input type="checkbox" name="type" value={v} className="h-5 w-5" />{label(v)}</label>
                ))}
              </div>
            </fieldset>
            <fieldset className="mb-4">
              <legend className="font-semibold">{t("statuses")}</legend>
              <div className="flex flex-wrap gap-x-5">
                {statuses.map((v) => (
                  <label key={v} className="flex min-h-11 items-center gap-2"><input type="checkbox" name="status" value={v} className="h-5 w-5" />{statusLabel(v)}</label>
                ))}
              </div>
            </fieldset>
            <label className="mb-4 flex min-h-11 items-center gap-2">
              <input type="checkbox" name="personal" value="1" className="h-5 w-5" aria-describedby="personal-hint" />
              {t("personal")}
            </label>
            <p id="personal-hint" className="mb-4 text-sm text-muted">{t("personalHint")}</p>
            <button type="submit" className={buttonClass("primary")}>{t("downloadCsv")}</button>
          </form>
        </section>
        <section aria-labelledby="archive-title" className={box}>
          <h2 id="archive-title" className="mb-1 text-xl font-bold">{t("archiveTitle")}</h2>
          <p className="mb-4 text-sm text-muted">{t("archiveIntro")}</p>
          <ArchiveForm />
        </section>
      </div>
    </>
  );
}
