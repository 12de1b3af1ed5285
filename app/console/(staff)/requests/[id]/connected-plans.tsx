import { getLocale, getTranslations } from "next-intl/server";
import type { RequestDetail } from "@/lib/console/request-detail";
import type { CurrentStaff } from "@/lib/server/current-staff";
import { roleHas } from "@/lib/server/permissions";
import type { ConnectedSystemView } from "@/lib/connected/connected-view";
import { Alert, Badge } from "@/components/ui/alert";
import { CorrectionPlanForm, ErasurePlanForm, PlanDecisionForm, type CorrectableField } from "./connected-forms";
import { DataTable } from "@/components/ui/data-table";

const stateTone = {
  PENDING_APPROVAL: "warning",
  APPROVED: "info",
  EXECUTED: "success",
  FAILED: "danger",
  CANCELLED: "neutral",
} as const;
const show = (v: string | number | boolean | null | undefined) =>
  v === null || v === undefined || v === "" ? "—" : String(v);

/** A connected system's change plans (dry run → officer approval → execution) and the form for a new one. */
export async function ChangePlans({
  r,
  me,
  system,
}: {
  r: RequestDetail;
  me: CurrentStaff;
  system: ConnectedSystemView;
}) {
  const t = await getTranslations("connected.plan");
  const locale = await getLocale();
  const task = r.tasks.find(
    (x) => x.systemId === system.id && x.action !== "COLLECT" && (x.status === "OPEN" || x.status === "FAILED"),
  );
  const canWork = roleHas(me.role, "work:task");
  const canApprove = roleHas(me.role, "approve:decision");
  const col = system.collection;
  const visible = system.plans.filter((p) => p.state !== "CANCELLED");
  let form = null;
  if (task && canWork && r.status === "DECIDED") {
    if (!col || col.status !== "DONE" || !col.result) form = <p className="text-sm text-muted">{t("collectFirst")}</p>;
    else if (task.action === "CORRECT" || task.action === "ADD") {
      // Correctable fields the person's rows hold; every such row is planned (before/after shown next).
      const fields: CorrectableField[] = col.result.tables.flatMap((tb) =>
        tb.rows.length === 0
          ? []
          : tb.columns.map((c) => ({
              value: JSON.stringify([tb.table, c.name]),
              label: `${tb.table} / ${locale === "en" ? c.labelEn : c.labelJa}`,
              rows: tb.rows.map((row, i) => ({ key: JSON.stringify(row.key), label: `#${i + 1}` })),
            })),
      );
      form = <CorrectionPlanForm requestId={r.id} systemId={system.id} fields={fields} />;
    } else if (task.action === "DELETE" || task.action === "SUSPEND_USE")
      form = <ErasurePlanForm requestId={r.id} systemId={system.id} suspend={task.action === "SUSPEND_USE"} />;
    else form = <p className="text-sm text-muted">{t("byHand")}</p>;
  }
  if (!form && visible.length === 0) return null;
  return (
    <div className="mt-3 border-t border-stone-200 pt-3" data-testid="change-plans">
      <h4 className="mb-2 font-semibold">{t("title")}</h4>
      {visible.map((p) => (
        <div
          key={p.id}
          className="mb-3 rounded border border-stone-200 p-2"
          data-testid="change-plan"
          data-state={p.state}
          data-kind={p.kind}
        >
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-semibold">{t(`kind.${p.kind}`)}</span>
            <Badge tone={stateTone[p.state]}>{t(`state.${p.state}`)}</Badge>
            <span className="text-sm">{t("total", { count: p.summary.totalRows })}</span>
          </p>
          <div className="mt-1">
            <DataTable
              caption={t("countsCaption")}
              tableTestId="plan-counts"
              head={[t("table"), t("action"), t("columns"), t("count")]}
              rows={p.summary.tables.map((tb) => ({
                key: tb.table,
                cells: [
                  <span key="table" className="font-mono">
                    {tb.table}
                  </span>,
                  t(`actions.${tb.action === "delete" ? "delete" : tb.action === "flag" ? "flag" : "update"}`),
                  <span key="columns" className="font-mono">
                    {tb.columns.map((c, i) => `${c} (${tb.strategies[i] ?? ""})`).join(", ")}
                  </span>,
                  tb.count,
                ],
              }))}
            />
          </div>
          {p.correction ? (
            <div className="mt-2">
              <DataTable
                caption={t("beforeAfterCaption")}
                tableTestId="plan-before-after"
                head={[t("row"), t("before"), t("after")]}
                rows={p.correction.rows.map((row, i) => ({
                  key: JSON.stringify(row.key),
                  cells: [`${p.correction?.table} #${i + 1}`, show(row.before), show(row.after)],
                }))}
              />
            </div>
          ) : null}
          {p.state === "FAILED" ? <Alert tone="danger">{p.failureReason ?? ""}</Alert> : null}
          {p.state === "EXECUTED" ? (
            <p className="mt-1 text-sm" data-testid="plan-verified">
              {p.verified ? t("verified") : t("notVerified")}
            </p>
          ) : null}
          <div className="mt-2 flex flex-wrap gap-2">
            {p.state === "PENDING_APPROVAL" && canApprove && p.createdById !== me.id ? (
              <PlanDecisionForm requestId={r.id} planId={p.id} intent="approve" label={t("approve")} />
            ) : null}
            {p.state === "PENDING_APPROVAL" && !(canApprove && p.createdById !== me.id) ? (
              <p className="text-sm text-muted">{t("awaitingOfficer")}</p>
            ) : null}
            {p.state === "APPROVED" && canWork ? (
              <PlanDecisionForm requestId={r.id} planId={p.id} intent="execute" label={t("execute")} />
            ) : null}
          </div>
        </div>
      ))}
      {form}
    </div>
  );
}
