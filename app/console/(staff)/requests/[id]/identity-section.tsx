import { getFormatter, getTranslations } from "next-intl/server";
import type { RequestDetail } from "@/lib/console/request-detail";
import type { CurrentStaff } from "@/lib/server/current-staff";
import { roleHas } from "@/lib/server/permissions";
import { Badge } from "@/components/ui/alert";
import { Section } from "@/components/console/request/facts";
import { ClearerCopyForm, IdentityCheckForm } from "./identity-forms";

/** Checks recorded so far, and the forms: record a check, or ask for a clearer copy (pauses the clock). */
export async function IdentitySection({
  r,
  me,
  open,
  systems,
  folded,
}: {
  r: RequestDetail;
  me: CurrentStaff;
  open: boolean;
  systems: { id: string; name: string }[];
  folded?: boolean;
}) {
  const t = await getTranslations("console.request.identity");
  const rq = await getTranslations("requests");
  const s = await getTranslations("console.request.sections");
  const format = await getFormatter();
  if (r.identity === "NOT_REQUIRED") {
    return (
      <Section id="identity" title={s("identity")} folded={folded}>
        <p>{t("notRequired")}</p>
      </Section>
    );
  }
  const canVerify = open && roleHas(me.role, "verify:identity");
  return (
    <Section id="identity" title={s("identity")} folded={folded}>
      <p className="mb-3 rounded bg-stone-100 p-2 text-sm">
        {t("compare", {
          customerId: r.customerId ?? "—",
          birthDate: r.subjectBirthDate
            ? format.dateTime(r.subjectBirthDate, { dateStyle: "medium", timeZone: "UTC" })
            : "—",
        })}
      </p>
      <h3 className="mb-2 font-bold">{t("history")}</h3>
      {r.identityChecks.length === 0 ? (
        <p className="mb-4">{t("noChecks")}</p>
      ) : (
        <ul className="mb-4 flex flex-col gap-2" data-testid="identity-checks">
          {r.identityChecks.map((c) => (
            <li key={c.id} className="rounded-md border border-stone-200 p-2">
              <p className="flex flex-wrap items-center gap-2">
                <Badge tone={c.result === "VERIFIED" ? "success" : "danger"}>
                  {t(`result${c.result === "VERIFIED" ? "VERIFIED" : "FAILED"}`)}
                </Badge>
                <span>{t(`holder${c.holder}`)}</span>
              </p>
              {c.matchedRecord ? (
                <p className="text-sm">
                  {t("matchedRecord")}: {c.matchedRecord}
                </p>
              ) : null}
              {c.matchedSystem ? (
                <p className="text-sm">
                  {t("matchedSystem")}: {c.matchedSystem.nameJa} / {c.matchedSystem.nameEn}
                </p>
              ) : null}
              {c.reason ? (
                <p className="text-sm whitespace-pre-wrap">
                  {t("reason")}: {c.reason}
                </p>
              ) : null}
              <p className="text-sm text-muted">
                {t("by", {
                  name: r.staffNames[c.staffId] ?? "—",
                  at: format.dateTime(c.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                })}
              </p>
            </li>
          ))}
        </ul>
      )}
      {canVerify ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <div>
            <h3 className="mb-2 font-bold">{t("recordTitle")}</h3>
            <IdentityCheckForm
              requestId={r.id}
              version={r.version}
              hasAgent={r.requesterKind !== "SELF"}
              systems={systems}
            />
          </div>
          <div>
            <h3 className="mb-2 font-bold">{t("clearerTitle")}</h3>
            <ClearerCopyForm
              requestId={r.id}
              version={r.version}
              documents={r.documents
                .filter((d) => !d.file.deletedAt)
                .map((d) => ({
                  id: d.id,
                  label: `${rq(`documentKinds.${d.kind}`)}（${rq(`documentHolders.${d.holder}`)}）`,
                }))}
            />
          </div>
        </div>
      ) : null}
    </Section>
  );
}
