import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/server/current-staff";
import { listDataMapOverview } from "@/lib/integrations/data-map-overview";
import { listWebhookDeliveries } from "@/lib/integrations/webhook-deliveries";
import { Badge, PageHeader } from "@/components/ui/alert";
import { SystemForm } from "./system-form";
import { DeliveryLog } from "./delivery-log";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("integrations"))("title") };
}

export default async function DataMapPage() {
  const me = await requireStaffPage("manage:data-map");
  const t = await getTranslations("integrations");
  const locale = await getLocale();
  const [systems, deliveries] = await Promise.all([
    listDataMapOverview({ actor: me }),
    listWebhookDeliveries({ actor: me, input: { take: 20 } }),
  ]);
  const nameOf = (s: { nameJa: string; nameEn: string }) => (locale === "en" ? s.nameEn : s.nameJa);
  const names = Object.fromEntries(systems.map((s) => [s.id, nameOf(s)]));
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <a href="/api/openapi.json" className="text-brand-700 underline">
            {t("apiDocs")}
          </a>
        }
      />
      <section aria-labelledby="systems-title" className="mb-10">
        <h2 id="systems-title" className="mb-3 text-xl font-bold">
          {t("systems.title")}
        </h2>
        {systems.length === 0 ? <p className="text-muted">{t("systems.empty")}</p> : null}
        <ul className="divide-y divide-stone-200 rounded-md border border-stone-300 bg-white">
          {systems.map((s) => (
            <li key={s.id} className="grid gap-2 p-4 md:grid-cols-[1fr_auto]" data-testid="system-row">
              <div>
                <p className="font-semibold">
                  {nameOf(s)} <span className="font-mono text-sm font-normal text-muted">{s.key}</span>
                </p>
                <p className="text-sm">
                  {t("systems.owner")}: {s.owner}
                </p>
                <p className="mt-1 flex flex-wrap gap-1">
                  <Badge tone={s.active ? "success" : "neutral"}>
                    {s.active ? t("systems.active") : t("systems.inactive")}
                  </Badge>
                  <Badge tone="info">{t(`handlingShort.${s.handling}`)}</Badge>
                  {s.webhookUrl ? <Badge>{t("systems.webhookOn")}</Badge> : null}
                  {s.openTasks ? <Badge tone="warning">{t("systems.openTasks", { count: s.openTasks })}</Badge> : null}
                  {s.activeTokens ? <Badge>{t("systems.tokens", { count: s.activeTokens })}</Badge> : null}
                  {s.failedDeliveries ? (
                    <Badge tone="danger">{t("systems.failedDeliveries", { count: s.failedDeliveries })}</Badge>
                  ) : null}
                </p>
                <p className="mt-2 text-sm">
                  <span className="font-semibold">{t("systems.categories")}:</span>
                </p>
                <ul className="text-sm">
                  {s.categories.map((n) => (
                    <li key={n}>
                      {t("categoryItem", { n })} {t(`categories.${n}`)}
                    </li>
                  ))}
                </ul>
              </div>
              <p>
                <Link
                  href={`/console/data-map/${s.id}`}
                  className="text-brand-700 underline"
                  aria-label={t("systems.editFor", { name: nameOf(s) })}
                >
                  {t("systems.edit")}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="add-title" className="mb-10">
        <h2 id="add-title" className="mb-3 text-xl font-bold">
          {t("form.addTitle")}
        </h2>
        <SystemForm />
      </section>
      <section aria-labelledby="deliveries-title">
        <h2 id="deliveries-title" className="mb-3 text-xl font-bold">
          {t("deliveries.titleAll")}
        </h2>
        <DeliveryLog rows={deliveries} systemNames={names} titleId="deliveries-title" />
      </section>
    </>
  );
}
