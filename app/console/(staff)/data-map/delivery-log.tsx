import { getFormatter, getTranslations } from "next-intl/server";
import type { WebhookDeliveryRow } from "@/lib/integrations/webhook-deliveries";
import { Badge } from "@/components/ui/alert";
import { RedeliverForm } from "./integration-forms";

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
    <div
      role="region"
      aria-labelledby={titleId}
      tabIndex={0}
      className="overflow-x-auto rounded-md border border-stone-300 bg-white"
    >
      <table className="w-full min-w-[52rem] text-left text-sm" data-testid="delivery-log">
        <caption className="sr-only">{t("deliveries.caption")}</caption>
        <thead className="bg-stone-50">
          <tr>
            <th scope="col" className="p-2">
              {t("deliveries.created")}
            </th>
            {systemNames ? (
              <th scope="col" className="p-2">
                {t("deliveries.system")}
              </th>
            ) : null}
            <th scope="col" className="p-2">
              {t("deliveries.event")}
            </th>
            <th scope="col" className="p-2">
              {t("deliveries.reference")}
            </th>
            <th scope="col" className="p-2">
              {t("deliveries.status")}
            </th>
            <th scope="col" className="p-2 text-right">
              {t("deliveries.attempts")}
            </th>
            <th scope="col" className="p-2">
              {t("deliveries.lastStatus")}
            </th>
            <th scope="col" className="p-2">
              {t("deliveries.delivered")}
            </th>
            <th scope="col" className="p-2">
              {t("deliveries.actions")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {rows.map((d) => {
            const event = t.has(`events.${d.event}`) ? t(`events.${d.event}`) : d.event;
            return (
              <tr key={d.id}>
                <td className="p-2 whitespace-nowrap">{when(d.createdAt)}</td>
                {systemNames ? <td className="p-2">{systemNames[d.systemId] ?? "—"}</td> : null}
                <th scope="row" className="p-2 font-normal">
                  {event}
                  <span className="block font-mono text-xs text-muted">{d.eventId}</span>
                </th>
                <td className="p-2 font-mono whitespace-nowrap">{d.requestReference ?? "—"}</td>
                <td className="p-2">
                  <Badge tone={tone[d.status]}>{t(`deliveries.statuses.${d.status}`)}</Badge>
                </td>
                <td className="p-2 text-right tabular-nums">{d.attempts}</td>
                <td className="p-2">
                  {d.lastStatusCode ?? "—"}
                  {d.lastError ? (
                    <span className="block text-xs text-danger">
                      {t("deliveries.lastError")}: {d.lastError}
                    </span>
                  ) : null}
                </td>
                <td className="p-2 whitespace-nowrap">{when(d.deliveredAt)}</td>
                <td className="p-2">
                  {d.status === "FAILED" ? (
                    <RedeliverForm
                      deliveryId={d.id}
                      systemId={d.systemId}
                      label={t("deliveries.redeliverFor", { event, reference: d.requestReference ?? d.eventId })}
                    />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
