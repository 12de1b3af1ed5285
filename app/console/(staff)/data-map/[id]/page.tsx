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
import { DataTable } from "@/components/ui/data-table";

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
            <div className="mb-6">
              <DataTable
                caption={t("tokens.caption")}
                framed
                minWidth="min-w-[44rem]"
                tableTestId="token-list"
                head={[
                  t("tokens.name"),
                  t("tokens.prefix"),
                  t("tokens.scopesCol"),
                  t("tokens.created"),
                  t("tokens.lastUsed"),
                  t("tokens.state"),
                  t("tokens.actions"),
                ]}
                rows={tokens.map((k) => ({
                  key: k.id,
                  cells: [
                    <span key="name" className="font-semibold">
                      {k.name}
                    </span>,
                    <span key="prefix" className="font-mono">
                      {k.prefix}…
                    </span>,
                    k.scopes.join(", "),
                    <span key="created" className="whitespace-nowrap">
                      {when(k.createdAt)}
                    </span>,
                    <span key="used" className="whitespace-nowrap">
                      {k.lastUsedAt ? when(k.lastUsedAt) : t("tokens.never")}
                    </span>,
                    k.revokedAt ? (
                      <Badge key="state">{t("tokens.revoked", { at: when(k.revokedAt) })}</Badge>
                    ) : (
                      <Badge key="state" tone="success">
                        {t("tokens.active")}
                      </Badge>
                    ),
                    <RevokeTokenForm
                      key="revoke"
                      tokenId={k.id}
                      systemId={system.id}
                      name={k.name}
                      revoked={Boolean(k.revokedAt)}
                    />,
                  ],
                }))}
              />
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
