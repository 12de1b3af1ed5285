import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/server/current-staff";
import { roleHas } from "@/lib/server/permissions";
import { isAppError } from "@/lib/errors";
import { readSystemIntegration } from "@/lib/integrations/data-map-overview";
import { listApiTokens } from "@/lib/integrations/api-tokens";
import { listWebhookDeliveries } from "@/lib/integrations/webhook-deliveries";
import { Alert, Badge, PageHeader } from "@/components/ui/alert";
import { SystemActiveForm, SystemForm } from "../system-form";
import { IssueTokenForm, RevokeTokenForm, WebhookForm } from "../integration-forms";
import { DeliveryLog } from "../delivery-log";
import { ConnectedPanel } from "./connected-panel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("integrations"))("form.editTitle") };
}

export default async function SystemOfRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireStaffPage("manage:data-map");
  const t = await getTranslations("integrations");
  const format = await getFormatter();
  const locale = await getLocale();
  const { id } = await params;
  const system = await readSystemIntegration({ actor: me, systemId: id }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const canTokens = roleHas(me.role, "manage:api-token");
  const [tokens, deliveries] = await Promise.all([
    canTokens ? listApiTokens({ actor: me, input: { systemId: id } }) : Promise.resolve([]),
    listWebhookDeliveries({ actor: me, input: { systemId: id, take: 50 } }),
  ]);
  const name = locale === "en" ? system.nameEn : system.nameJa;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  return (
    <>
      <p className="mb-3">
        <Link href="/console/data-map" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader
        title={name}
        description={<span className="font-mono">{system.key}</span>}
        actions={
          <Badge tone={system.active ? "success" : "neutral"}>
            {system.active ? t("systems.active") : t("systems.inactive")}
          </Badge>
        }
      />
      <section aria-labelledby="edit-title" className="mb-10">
        <h2 id="edit-title" className="mb-3 text-xl font-bold">
          {t("form.editTitle")}
        </h2>
        <SystemForm
          system={{
            id: system.id,
            key: system.key,
            nameJa: system.nameJa,
            nameEn: system.nameEn,
            owner: system.owner,
            categories: system.categories,
            handling: system.handling,
            active: system.active,
          }}
        />
        <div className="mt-6 max-w-2xl border-t border-stone-300 pt-4">
          <SystemActiveForm id={system.id} active={system.active} name={name} />
        </div>
      </section>
      <ConnectedPanel me={me} systemId={system.id} handling={system.handling} />
      <section aria-labelledby="webhook-title" className="mb-10">
        <h2 id="webhook-title" className="mb-2 text-xl font-bold">
          {t("webhook.title")}
        </h2>
        <p className="mb-3 max-w-2xl text-muted">{t("webhook.intro")}</p>
        {system.handling !== "API" ? <Alert tone="warning">{t("webhook.manualNote")}</Alert> : null}
        <WebhookForm systemId={system.id} webhookUrl={system.webhookUrl} hasSecret={system.hasWebhookSecret} />
      </section>
      {canTokens ? (
        <section aria-labelledby="tokens-title" className="mb-10">
          <h2 id="tokens-title" className="mb-2 text-xl font-bold">
            {t("tokens.title")}
          </h2>
          <p className="mb-3 max-w-2xl text-muted">{t("tokens.intro")}</p>
          {tokens.length === 0 ? (
            <p className="mb-4 text-muted">{t("tokens.empty")}</p>
          ) : (
            <div
              role="region"
              aria-label={t("tokens.caption")}
              tabIndex={0}
              className="mb-6 overflow-x-auto rounded-md border border-stone-300 bg-white"
            >
              <table className="w-full min-w-[44rem] text-left text-sm" data-testid="token-list">
                <caption className="sr-only">{t("tokens.caption")}</caption>
                <thead className="bg-stone-50">
                  <tr>
                    <th scope="col" className="p-2">
                      {t("tokens.name")}
                    </th>
                    <th scope="col" className="p-2">
                      {t("tokens.prefix")}
                    </th>
                    <th scope="col" className="p-2">
                      {t("tokens.scopesCol")}
                    </th>
                    <th scope="col" className="p-2">
                      {t("tokens.created")}
                    </th>
                    <th scope="col" className="p-2">
                      {t("tokens.lastUsed")}
                    </th>
                    <th scope="col" className="p-2">
                      {t("tokens.state")}
                    </th>
                    <th scope="col" className="p-2">
                      {t("tokens.actions")}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-200">
                  {tokens.map((k) => (
                    <tr key={k.id}>
                      <th scope="row" className="p-2 font-semibold">
                        {k.name}
                      </th>
                      <td className="p-2 font-mono">{k.prefix}…</td>
                      <td className="p-2">{k.scopes.join(", ")}</td>
                      <td className="p-2 whitespace-nowrap">{when(k.createdAt)}</td>
                      <td className="p-2 whitespace-nowrap">{k.lastUsedAt ? when(k.lastUsedAt) : t("tokens.never")}</td>
                      <td className="p-2">
                        {k.revokedAt ? (
                          <Badge>{t("tokens.revoked", { at: when(k.revokedAt) })}</Badge>
                        ) : (
                          <Badge tone="success">{t("tokens.active")}</Badge>
                        )}
                      </td>
                      <td className="p-2">
                        <RevokeTokenForm
                          tokenId={k.id}
                          systemId={system.id}
                          name={k.name}
                          revoked={Boolean(k.revokedAt)}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <IssueTokenForm systemId={system.id} />
        </section>
      ) : null}
      <section aria-labelledby="system-deliveries-title">
        <h2 id="system-deliveries-title" className="mb-3 text-xl font-bold">
          {t("deliveries.title")}
        </h2>
        <DeliveryLog rows={deliveries} titleId="system-deliveries-title" />
      </section>
    </>
  );
}
