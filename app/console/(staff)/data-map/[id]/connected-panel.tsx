import { getFormatter, getTranslations } from "next-intl/server";
import type { CurrentStaff } from "@/lib/server/current-staff";
import { getConnectionView } from "@/lib/connected/connection-view";
import { engineErrorKey } from "@/lib/connected/plan-change";
import { Alert, Badge } from "@/components/ui/alert";
import { CheckConnectionForm, ConnectionForm, MapForm } from "./connected-forms";
import { DataTable } from "@/components/ui/data-table";

/** The connected-database part of a data-map system: connection, dataset map, and the last check. */
export async function ConnectedPanel({
  me,
  systemId,
  handling,
}: {
  me: CurrentStaff;
  systemId: string;
  handling: string;
}) {
  const t = await getTranslations("connected");
  const format = await getFormatter();
  const view = await getConnectionView({ actor: me, input: { systemId } });
  const check = view?.lastCheck ?? null;
  return (
    <section aria-labelledby="connection-title" className="mb-10" data-testid="connected-panel">
      <h2 id="connection-title" className="mb-2 text-xl font-bold">
        {t("title")}
      </h2>
      <p className="mb-3 max-w-2xl text-muted">{t("intro")}</p>
      {handling !== "CONNECTED" && view ? <Alert tone="warning">{t("connection.notConnectedHandling")}</Alert> : null}
      {view?.target ? (
        <p className="mb-3 text-sm">
          {t("connection.target")}: <span className="font-mono">{view.target}</span>{" "}
          <Badge tone={view.hasWriteUrl ? "info" : "neutral"}>
            {view.hasWriteUrl ? t("connection.writeRoleSet") : t("connection.readOnly")}
          </Badge>
        </p>
      ) : null}
      <ConnectionForm
        systemId={systemId}
        dialect={view?.dialect ?? "postgres"}
        hasReadUrl={Boolean(view?.hasReadUrl)}
        hasWriteUrl={Boolean(view?.hasWriteUrl)}
      />

      <h3 id="map-title" className="mt-8 mb-2 text-lg font-bold">
        {t("map.title")}
      </h3>
      <p className="mb-3 max-w-2xl text-muted">{t("map.intro")}</p>
      {view ? (
        <>
          {view.mapYaml ? (
            <p className="mb-3 text-sm">
              <a href={`/console/data-map/${systemId}/dataset-map`} className="text-brand-700 underline" download>
                {t("map.export")}
              </a>
              {view.mapUpdatedAt
                ? ` · ${t("map.updatedAt", { at: format.dateTime(view.mapUpdatedAt, { dateStyle: "medium", timeStyle: "short" }) })}`
                : null}
            </p>
          ) : null}
          <MapForm systemId={systemId} mapYaml={view.mapYaml} />
        </>
      ) : (
        <p className="text-muted">{t("map.connectFirst")}</p>
      )}

      <h3 id="check-title" className="mt-8 mb-2 text-lg font-bold">
        {t("check.title")}
      </h3>
      {view?.mapYaml && view.hasReadUrl ? (
        <CheckConnectionForm systemId={systemId} />
      ) : (
        <p className="text-muted">{t("check.needs")}</p>
      )}
      {check && view?.lastCheckAt ? (
        <div data-testid="check-result">
          <p className="mb-2">
            <Badge tone={check.ok ? "success" : "danger"}>{check.ok ? t("check.ok") : t("check.failed")}</Badge>{" "}
            <span className="text-sm text-muted">
              {t("check.lastAt", {
                at: format.dateTime(view.lastCheckAt, { dateStyle: "medium", timeStyle: "short" }),
              })}
            </span>
          </p>
          {check.errorCode ? (
            <Alert tone="danger">{t(engineErrorKey(check.errorCode).replace(/^connected\./, ""))}</Alert>
          ) : null}
          {check.check ? (
            <ul className="mb-2 list-disc pl-5 text-sm" data-testid="check-problems">
              {[...check.check.problems, ...check.check.tables.flatMap((tb) => [...tb.problems, ...tb.warnings])].map(
                (p, i) => (
                  <li key={i}>{p}</li>
                ),
              )}
            </ul>
          ) : null}
          {check.check ? (
            <DataTable
              caption={t("check.caption")}
              framed
              minWidth="min-w-[36rem]"
              head={[t("check.table"), t("check.column"), t("check.state"), t("check.type")]}
              rows={check.check.tables.flatMap((tb) => [
                {
                  key: tb.table,
                  group: true,
                  cells: [
                    <span key="table" className="font-mono">
                      {tb.table}
                    </span>,
                    "—",
                    tb.found ? (
                      tb.reachable ? (
                        <Badge key="state" tone="success">
                          {t("check.found")}
                        </Badge>
                      ) : (
                        <Badge key="state" tone="warning">
                          {t("check.unreachable")}
                        </Badge>
                      )
                    ) : (
                      <Badge key="state" tone="danger">
                        {t("check.missing")}
                      </Badge>
                    ),
                    null,
                  ],
                },
                ...tb.columns.map((c) => ({
                  key: `${tb.table}.${c.name}`,
                  testId: "check-column",
                  data: { "data-found": c.found ? "1" : "0" },
                  rowHeader: 1,
                  cells: [
                    <span key="table" className="font-mono text-muted">
                      {tb.table}
                    </span>,
                    <span key="column" className="font-mono">
                      {c.name}
                    </span>,
                    c.found ? (
                      <Badge key="state" tone="success">
                        {t("check.found")}
                      </Badge>
                    ) : (
                      <Badge key="state" tone="danger">
                        {t("check.missing")}
                      </Badge>
                    ),
                    <span key="type" className="font-mono">
                      {c.dataType ?? ""}
                    </span>,
                  ],
                })),
              ])}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
