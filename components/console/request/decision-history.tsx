import { getFormatter, getTranslations } from "next-intl/server";
import type { RequestDetail } from "@/lib/console/request-detail";
import { Badge } from "@/components/ui/alert";
import type { RequestType } from "@/lib/generated/prisma/enums";
import { outcomeLabelKey } from "@/lib/console/outcome-label";

type Decision = RequestDetail["decisions"][number];

function detailsOf(d: Decision): Record<string, unknown> {
  return d.details && typeof d.details === "object" && !Array.isArray(d.details)
    ? (d.details as Record<string, unknown>)
    : {};
}

const approvalTone = { NOT_REQUIRED: "neutral", PENDING: "warning", APPROVED: "success", SENT_BACK: "danger" } as const;

/** Every decision recorded, with its grounds, who decided and who approved (refusals stay on record). */
export async function DecisionHistory({
  decisions,
  staffNames,
  type,
}: {
  decisions: Decision[];
  staffNames: Record<string, string>;
  type: RequestType;
}) {
  const t = await getTranslations("console.request.decision");
  const c = await getTranslations("console");
  const format = await getFormatter();
  const at = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  if (!decisions.length) return <p>{t("none")}</p>;
  return (
    <ol className="flex flex-col gap-3" data-testid="decision-history">
      {decisions.map((d) => {
        const details = detailsOf(d);
        const text = (k: string) => (typeof details[k] === "string" ? (details[k] as string) : "");
        const cats = Array.isArray(details.categories) ? (details.categories as unknown[]).join(", ") : "";
        return (
          <li
            key={d.id}
            className="rounded-md border border-stone-200 p-3"
            data-testid="decision"
            data-approval={d.approval}
          >
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-bold">{c(outcomeLabelKey(type, d.outcome))}</span>
              <Badge tone={approvalTone[d.approval]}>{c(`approval.${d.approval}`)}</Badge>
            </p>
            {d.explanation ? <p className="mt-1 whitespace-pre-wrap">{d.explanation}</p> : null}
            {d.grounds.length ? (
              <ul className="mt-2 flex flex-col gap-1">
                {d.grounds.map((g) => (
                  <li key={g.id} className="border-l-4 border-warn pl-2" data-testid="decision-ground">
                    <p className="font-semibold">{c(`ground.${g.ground}`)}</p>
                    <p className="text-sm whitespace-pre-wrap">{g.explanation}</p>
                  </li>
                ))}
              </ul>
            ) : null}
            <dl className="mt-2 grid gap-1 text-sm">
              {[
                [t("withheldItems"), text("withheldItems")],
                [t("action"), text("action") ? c(`taskAction.${text("action")}`) : ""],
                [t("measure"), text("measure") ? t(`measures.${text("measure")}`) : ""],
                [t("categories"), cats],
                [t("investigation"), text("investigation")],
                [t("alternativeMeasure"), text("alternativeMeasure")],
                [t("internalNote"), d.internalNote ?? ""],
                [t("officerComment"), d.officerComment ?? ""],
              ]
                .filter(([, v]) => v)
                .map(([k, v]) => (
                  <div key={k} className="flex flex-wrap gap-x-2">
                    <dt className="text-muted">{k}:</dt>
                    <dd className="whitespace-pre-wrap">{v}</dd>
                  </div>
                ))}
            </dl>
            <p className="mt-2 text-sm text-muted">
              {t("decidedBy", { name: staffNames[d.decidedById] ?? "—", at: at(d.createdAt) })}
              {d.approvedById && d.approvedAt
                ? ` / ${t("approvedBy", { name: staffNames[d.approvedById] ?? "—", at: at(d.approvedAt) })}`
                : null}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
