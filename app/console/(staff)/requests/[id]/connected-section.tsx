import { getLocale, getTranslations } from "next-intl/server";
import type { RequestDetail } from "@/lib/console/request-detail";
import type { CurrentStaff } from "@/lib/server/current-staff";
import { roleHas } from "@/lib/server/permissions";
import { getConnectedView, type ConnectedSystemView } from "@/lib/connected/connected-view";
import { Alert, Badge } from "@/components/ui/alert";
import { Section } from "@/components/console/request/facts";
import { TaskForm } from "./task-forms";
import { CollectedTables } from "./connected-tables";
import { ChangePlans } from "./connected-plans";
import { BuildPackageForm, CollectForm, DecideFromCollectionForm } from "./connected-forms";

const statusTone = { PENDING: "info", RUNNING: "info", DONE: "success", FAILED: "danger" } as const;

/**
 * "Connected data": what each connected system holds about the person (collected once
 * identity is verified), the exclusions that make a disclosure partial, and the change plans
 * (correction, erasure, suspension) that fulfil the system's task once an officer approves.
 */
export async function ConnectedSection({ r, me }: { r: RequestDetail; me: CurrentStaff }) {
  const systems = await getConnectedView({ actor: me, input: { requestId: r.id } });
  if (systems.length === 0) return null;
  const t = await getTranslations("connected");
  const c = await getTranslations("console");
  const locale = await getLocale();
  const open = r.status === "RECEIVED" || r.status === "IN_PROGRESS" || r.status === "WAITING_FOR_REQUESTER";
  const canWork = roleHas(me.role, "work:task");
  const canDecide = roleHas(me.role, "decide:request");
  const verified = r.identity === "VERIFIED";
  const pendingDecision = r.decisions.some((d) => d.approval === "PENDING" && !d.superseded);
  const collected = systems.filter((s) => s.collection?.status === "DONE");
  const busy = systems.some((s) => s.collection?.status === "PENDING" || s.collection?.status === "RUNNING");
  const grounds = [...new Set(collected.flatMap((s) => s.collection?.exclusions.map((x) => x.ground) ?? []))];
  const nameOf = (s: ConnectedSystemView) => (locale === "en" ? s.nameEn : s.nameJa);
  const published = Boolean(r.package?.publishedAt);
  return (
    <Section id="connected" title={t("section.title")}>
      <p className="mb-3 text-sm text-muted">{t("section.intro")}</p>
      {!verified ? <Alert tone="info">{t("section.identityFirst")}</Alert> : null}
      {busy ? (
        <p role="status" className="mb-3" data-testid="collection-busy">
          {t("section.busy")}
        </p>
      ) : null}
      {verified && canWork && (open || r.status === "DECIDED") ? (
        <CollectForm requestId={r.id} label={collected.length ? t("section.recollectAll") : t("section.collect")} />
      ) : null}
      <div className="flex flex-col gap-4">
        {systems.map((s) => {
          const col = s.collection;
          return (
            <div
              key={s.id}
              className="rounded-md border border-stone-200 p-3"
              data-testid="connected-system"
              data-system={s.key}
              data-status={col?.status ?? "NONE"}
            >
              <h3 className="flex flex-wrap items-center gap-2 text-lg font-bold">
                {nameOf(s)}{" "}
                {col ? (
                  <Badge tone={statusTone[col.status]}>{t(`status.${col.status}`)}</Badge>
                ) : (
                  <Badge>{t("status.NONE")}</Badge>
                )}
              </h3>
              {col?.status === "FAILED" ? (
                <div data-testid="collection-failed">
                  <Alert tone="danger" title={t(`engineError.${codeKey(col.failureCode)}`)}>
                    <p>{col.failureReason}</p>
                    <p>{t("section.fallback")}</p>
                  </Alert>
                  {col.fallbackTask &&
                  canWork &&
                  (col.fallbackTask.status === "OPEN" || col.fallbackTask.status === "FAILED") ? (
                    <TaskForm
                      requestId={r.id}
                      taskId={col.fallbackTask.id}
                      version={col.fallbackTask.version}
                      label={`${nameOf(s)}: ${c("taskAction.COLLECT")}`}
                    />
                  ) : col.fallbackTask ? (
                    <p className="text-sm">
                      {t("section.fallbackState", { state: c(`taskStatus.${col.fallbackTask.status}`) })}
                    </p>
                  ) : null}
                </div>
              ) : null}
              {col?.status === "DONE" && col.result ? (
                <>
                  <p className="mb-2 text-sm" data-testid="collection-summary">
                    {t("section.matchedBy")}:{" "}
                    {col.matchedBy.length
                      ? col.matchedBy.map((k) => t(`identityKinds.${k}`)).join("、")
                      : t("section.noMatch")}{" "}
                    · {t("section.rows", { count: col.rowCount })}
                    {col.truncated ? ` · ${t("section.truncated")}` : ""}
                  </p>
                  <CollectedTables
                    requestId={r.id}
                    collectionId={col.id}
                    result={col.result}
                    exclusions={col.exclusions}
                    locale={locale === "en" ? "en" : "ja"}
                    canExclude={canDecide && open && !pendingDecision && r.type === "DISCLOSURE"}
                  />
                </>
              ) : null}
              {verified &&
              canWork &&
              col &&
              col.status !== "PENDING" &&
              col.status !== "RUNNING" &&
              (open || r.status === "DECIDED") ? (
                <CollectForm requestId={r.id} systemId={s.id} label={t("section.recollect", { name: nameOf(s) })} />
              ) : null}
              <ChangePlans r={r} me={me} system={s} />
            </div>
          );
        })}
      </div>
      {r.type === "DISCLOSURE" && open && canDecide && verified && !pendingDecision && collected.length > 0 && !busy ? (
        <div className="mt-4 border-t border-stone-200 pt-4">
          <DecideFromCollectionForm
            requestId={r.id}
            version={r.version}
            outcomeLabel={c(`outcome.${grounds.length ? "PARTIALLY_FULFILLED" : "FULFILLED"}`)}
            grounds={grounds.map((g) => ({ ground: g, label: t(`grounds.${g}`) }))}
          />
        </div>
      ) : null}
      {r.type === "DISCLOSURE" &&
      r.status === "DECIDED" &&
      (r.outcome === "FULFILLED" || r.outcome === "PARTIALLY_FULFILLED") &&
      !published &&
      roleHas(me.role, "publish:package") &&
      collected.length > 0 ? (
        <div className="mt-4 border-t border-stone-200 pt-4">
          <BuildPackageForm requestId={r.id} version={r.version} />
        </div>
      ) : null}
    </Section>
  );
}

/** "READ_ONLY_VIOLATION" → "readOnlyViolation" (message keys hold letters only). */
export function codeKey(code: string | null): string {
  return (code ?? "ERROR").toLowerCase().replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
}
