import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/server/current-staff";
import { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { PageHeader } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { ArchiveForm } from "./archive-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("operations.exports"))("title") };
}

const types = Object.values(RequestType);
const statuses = Object.values(RequestStatus);

/** A row of checkboxes narrowing the list (none checked: all). */
function FilterBoxes({
  legend,
  name,
  options,
}: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
}) {
  return (
    <fieldset className="mb-4">
      <legend className="font-semibold">{legend}</legend>
      <div className="flex flex-wrap gap-x-5">
        {options.map((o) => (
          <label key={o.value} className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name={name} value={o.value} className="h-5 w-5" />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export default async function ExportsPage() {
  await requireStaffPage("export:data");
  const t = await getTranslations("operations.exports");
  const label = await getTranslations("operations.labels");
  const statusLabel = await getTranslations("operations.statuses");
  const box = "rounded-md border border-stone-300 bg-white p-4";
  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          <>
            {t("intro")}{" "}
            <Link href="/console/audit" className="text-brand-700 underline">
              {(await getTranslations("common"))("openAuditLog")}
            </Link>
          </>
        }
      />
      <div className="space-y-8">
        <section aria-labelledby="list-title" className={box}>
          <h2 id="list-title" className="mb-1 text-xl font-bold">
            {t("listTitle")}
          </h2>
          <p className="mb-4 text-sm text-muted">{t("listIntro")}</p>
          <form method="get" action="/console/exports/requests">
            <div className="mb-4 flex flex-wrap gap-4">
              <div>
                <label htmlFor="from" className="block font-semibold">
                  {t("from")}
                </label>
                <input
                  id="from"
                  name="from"
                  type="date"
                  className="min-h-11 rounded-md border border-stone-400 bg-white px-2"
                />
              </div>
              <div>
                <label htmlFor="to" className="block font-semibold">
                  {t("to")}
                </label>
                <input
                  id="to"
                  name="to"
                  type="date"
                  className="min-h-11 rounded-md border border-stone-400 bg-white px-2"
                />
              </div>
            </div>
            <FilterBoxes legend={t("types")} name="type" options={types.map((v) => ({ value: v, label: label(v) }))} />
            <FilterBoxes
              legend={t("statuses")}
              name="status"
              options={statuses.map((v) => ({ value: v, label: statusLabel(v) }))}
            />
            <label className="mb-4 flex min-h-11 items-center gap-2">
              <input type="checkbox" name="personal" value="1" className="h-5 w-5" aria-describedby="personal-hint" />
              {t("personal")}
            </label>
            <p id="personal-hint" className="mb-4 text-sm text-muted">
              {t("personalHint")}
            </p>
            <button type="submit" className={buttonClass("primary")}>
              {t("downloadCsv")}
            </button>
          </form>
        </section>
        <section aria-labelledby="archive-title" className={box}>
          <h2 id="archive-title" className="mb-1 text-xl font-bold">
            {t("archiveTitle")}
          </h2>
          <p className="mb-4 text-sm text-muted">{t("archiveIntro")}</p>
          <ArchiveForm />
        </section>
      </div>
    </>
  );
}
