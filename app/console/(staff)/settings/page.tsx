import Link from "next/link";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/server/current-staff";
import { prisma } from "@/lib/server/db";
import { getSettings } from "@/lib/settings/get-settings";
import { settingsFieldValue, settingsFields } from "@/lib/settings/settings-fields";
import { listPolicyVersions } from "@/lib/settings/policy-versions";
import type { SettingsKey } from "@/lib/settings/settings-schema";
import { PageHeader } from "@/components/ui/alert";
import { PolicyVersionForm, SettingsGroupForm } from "./settings-forms";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

const groups: SettingsKey[] = ["operator", "fee", "deadlines", "retention", "delivery", "mail", "security"];

export default async function SettingsPage() {
  const me = await requireStaffPage("manage:settings");
  const t = await getTranslations("settings");
  const format = await getFormatter();
  const settings = await getSettings(prisma);
  const versions = await listPolicyVersions({ actor: me });
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
      <nav aria-label={t("title")} className="mb-6">
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {[...groups, "policy"].map((g) => (
            <li key={g}>
              <a href={`#group-${g}`} className="text-brand-700 underline">
                {t(g === "policy" ? "policy.title" : `groups.${g}.title`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="space-y-8">
        {groups.map((g) => {
          const values: Record<string, string | string[]> = {};
          for (const f of settingsFields[g]) {
            const v = settingsFieldValue(settings[g] as Record<string, unknown>, f.name);
            values[f.name] = Array.isArray(v) ? v.map(String) : v === undefined || v === null ? "" : String(v);
          }
          return (
            <section
              key={g}
              id={`group-${g}`}
              aria-labelledby={`group-${g}-title`}
              className="scroll-mt-4 rounded-md border border-stone-300 bg-white p-4"
            >
              <h2 id={`group-${g}-title`} className="text-xl font-bold">
                {t(`groups.${g}.title`)}
              </h2>
              <p className="mb-4 text-sm text-muted">{t(`groups.${g}.description`)}</p>
              <SettingsGroupForm group={g} fields={settingsFields[g]} values={values} />
            </section>
          );
        })}
        <section
          id="group-policy"
          aria-labelledby="group-policy-title"
          className="scroll-mt-4 rounded-md border border-stone-300 bg-white p-4"
        >
          <h2 id="group-policy-title" className="text-xl font-bold">
            {t("policy.title")}
          </h2>
          <p className="mb-4 text-sm text-muted">{t("policy.description")}</p>
          <h3 className="mb-2 font-semibold">{t("policy.versions")}</h3>
          <div className="mb-6">
            <DataTable
              caption={t("policy.versions")}
              head={[t("policy.version"), t("policy.effectiveDate"), t("policy.requests")]}
              rows={versions.map((v) => ({
                key: v.id,
                cells: [
                  v.version,
                  format.dateTime(v.effectiveDate, { dateStyle: "long", timeZone: "UTC" }),
                  v._count.requests,
                ],
              }))}
            />
          </div>
          <PolicyVersionForm />
        </section>
      </div>
    </>
  );
}
