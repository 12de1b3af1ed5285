import { getTranslations } from "next-intl/server";
import type { RequestType } from "@/lib/generated/prisma/enums";
import type { RequestDetail } from "@/lib/console/request-detail";
import type { CurrentStaff } from "@/lib/server/current-staff";
import { roleHas } from "@/lib/server/permissions";
import { needsIdentity } from "@/lib/requests/request-states";
import { ART_6_1_GROUNDS, CORRECTION_GROUNDS, SUSPENSION_GROUNDS } from "@/lib/decisions/decision-schemas";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/console/request/facts";
import { DecisionHistory } from "@/components/console/request/decision-history";
import { DecisionForm } from "./decision-form";
import { outcomeLabelKey } from "@/lib/console/outcome-label";
import { ApprovalForm } from "./approval-form";

// What each type may decide (mirrors decision-schemas.ts, which the server enforces).
const outcomesFor: Record<RequestType, readonly string[]> = {
  DISCLOSURE: ["FULFILLED", "PARTIALLY_FULFILLED", "NOT_FULFILLED", "NO_DATA_HELD"],
  CORRECTION: ["FULFILLED", "PARTIALLY_FULFILLED", "NOT_FULFILLED"],
  SUSPENSION: ["FULFILLED", "PARTIALLY_FULFILLED", "ALTERNATIVE_MEASURE", "NOT_FULFILLED"],
  THIRD_PARTY_STOP: ["FULFILLED", "PARTIALLY_FULFILLED", "ALTERNATIVE_MEASURE", "NOT_FULFILLED"],
  PURPOSE_NOTICE: ["FULFILLED", "NOT_FULFILLED"],
  INQUIRY: ["FULFILLED", "NOT_FULFILLED"],
  COMPLAINT: ["FULFILLED", "NOT_FULFILLED"],
};

function groundsFor(type: RequestType): readonly string[] {
  if (type === "CORRECTION") return CORRECTION_GROUNDS;
  if (type === "SUSPENSION" || type === "THIRD_PARTY_STOP") return SUSPENSION_GROUNDS;
  return ART_6_1_GROUNDS;
}

/** Decisions so far, the officer's approval box, and the decision form for this type. */
export async function DecisionSection({
  r,
  me,
  open,
  folded,
}: {
  r: RequestDetail;
  me: CurrentStaff;
  open: boolean;
  folded?: boolean;
}) {
  const t = await getTranslations("console.request.decision");
  const a = await getTranslations("console.request.approval");
  const s = await getTranslations("console.request.sections");
  const rq = await getTranslations("requests");
  const l = await getTranslations("console.labels");
  const c = await getTranslations("console");
  const pending = r.decisions.find((d) => d.approval === "PENDING" && !d.superseded);
  const canApprove = roleHas(me.role, "approve:decision");
  const canDecide = open && !pending && roleHas(me.role, "decide:request");
  return (
    <Section id="decision" title={s("decision")} folded={folded}>
      <h3 className="mb-2 font-bold">{t("history")}</h3>
      <DecisionHistory decisions={r.decisions} staffNames={r.staffNames} type={r.type} />

      {pending ? (
        <div className="mt-4 rounded-md border-2 border-warn bg-amber-50 p-4" data-testid="approval-box">
          <h3 className="mb-2 font-bold">{a("title")}</h3>
          <p className="mb-3">{a("waiting")}</p>
          {canApprove && pending.decidedById !== me.id ? (
            <ApprovalForm requestId={r.id} decisionId={pending.id} version={r.version} />
          ) : null}
          {pending.decidedById === me.id ? <p className="text-sm">{a("ownDecision")}</p> : null}
        </div>
      ) : null}

      <div className="mt-6 border-t border-stone-200 pt-4">
        <h3 className="mb-2 font-bold">{t("formTitle")}</h3>
        {!open ? (
          // A decided request is not finished: its package, tasks or notices are still to come (issue 17, bug 5).
          <p data-testid="decision-locked">
            {r.status === "DECIDED"
              ? t("decided", { outcome: r.outcome ? c(outcomeLabelKey(r.type, r.outcome)) : "" })
              : t("closed", { status: l(`status.${r.status}`) })}
          </p>
        ) : pending ? (
          <p>{t("pendingExists")}</p>
        ) : canDecide ? (
          <>
            <p className="mb-3 text-sm text-muted">{t("formIntro")}</p>
            {needsIdentity(r.type) && r.identity === "PENDING" ? (
              <Alert tone="warning">{t("identityPending")}</Alert>
            ) : null}
            {r.identity === "FAILED" ? <Alert tone="warning">{t("identityFailed")}</Alert> : null}
            <DecisionForm
              requestId={r.id}
              version={r.version}
              type={r.type}
              outcomes={outcomesFor[r.type]}
              grounds={groundsFor(r.type)}
              categories={Array.from({ length: 11 }, (_, i) => ({
                value: String(i + 1),
                label: `(${i + 1}) ${rq(`categories.${i + 1}`)}`,
              }))}
            />
          </>
        ) : null}
      </div>
    </Section>
  );
}
