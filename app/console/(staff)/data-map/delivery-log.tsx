import { getFormatter, getTranslations } from "next-intl/server";
import type { WebhookDeliveryRow } from "@/lib/integrations/webhook-deliveries";
import { Badge } from "@/components/ui/alert";
import { RedeliverForm } from "./integration-forms";
import { DataTable } from "@/components/ui/data-table";

const tone = { PENDING: "warning", RUNNING: "info", DONE: "success", FAILED: "danger" } as const;

/** The delivery log as a table; on a phone the region scrolls sideways (and takes focus to do so by keyboard). */
export async function DeliveryLog({
  rows,
  systemNames,
  titleId,
}: {
  rows: WebhookDeliveryRow[];
  systemNames?: Record<string, string>;
  titleId: string;
}) {
  const t = await getTranslations("integrations");
  const format = await getFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "medium" }) : "—");
  if (!rows.length) return <p className="text-muted">{t("deliveries.empty")}</p>;
  return (
    <DataTable
      caption={t("deliveries.caption")}
      labelledBy={titleId}
      framed
      minWidth="min-w-[52rem]"
      tableTestId="delivery-log"
      head={[
        t("deliveries.created"),
        ...(systemNames ? [t("deliveries.system")] : []),
        t("deliveries.event"),
        t("deliveries.reference"),
        t("deliveries.status"),
        t("deliveries.attempts"),
        t("deliveries.lastStatus"),
        t("deliveries.delivered"),
        t("deliveries.actions"),
      ]}
      rowHeader={systemNames ? 2 : 1}
      rows={rows.map((d) => {
        const event = t.has(`events.${d.event}`) ? t(`events.${d.event}`) : d.event;
        return {
          key: d.id,
          cells: [
            <span key="created" className="whitespace-nowrap">
              {when(d.createdAt)}
            </span>,
            ...(systemNames ? [systemNames[d.systemId] ?? "—"] : []),
            <span key="event">
              {event}
              <span className="block font-mono text-xs text-muted">{d.eventId}</span>
            </span>,
            <span key="ref" className="font-mono whitespace-nowrap">
              {d.requestReference ?? "—"}
            </span>,
            <Badge key="status" tone={tone[d.status]}>
              {t(`deliveries.statuses.${d.status}`)}
            </Badge>,
            d.attempts,
            <span key="last">
              {d.lastStatusCode ?? "—"}
              {d.lastError ? (
                <span className="block text-xs text-danger">
                  {t("deliveries.lastError")}: {d.lastError}
                </span>
              ) : null}
            </span>,
            <span key="delivered" className="whitespace-nowrap">
              {when(d.deliveredAt)}
            </span>,
            d.status === "FAILED" ? (
              <RedeliverForm
                key="redeliver"
                deliveryId={d.id}
                systemId={d.systemId}
                label={t("deliveries.redeliverFor", { event, reference: d.requestReference ?? d.eventId })}
              />
            ) : null,
          ],
        };
      })}
    />
  );
}
