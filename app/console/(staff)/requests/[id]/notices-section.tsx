import { getFormatter, getTranslations } from "next-intl/server";
import type { RequestDetail } from "@/lib/console/request-detail";
import type { CurrentStaff } from "@/lib/server/current-staff";
import { roleHas } from "@/lib/server/permissions";
import { Badge } from "@/components/ui/alert";
import { Section } from "@/components/console/request/facts";
import { NoticeForm, NoticePostingForm } from "./notice-forms";

// Kinds staff may send by hand; messages and "information needed" go through their own forms.
const manualKinds = ["ACKNOWLEDGEMENT", "DECISION", "ALTERNATIVE_MEASURE", "COMPLETION", "PACKAGE_PUBLISHED"] as const;

/** Notices sent (each kept as a PDF with the request), paper postings, and preview-then-send. */
export async function NoticesSection({
  r,
  me,
  today,
  folded,
}: {
  r: RequestDetail;
  me: CurrentStaff;
  today: string;
  folded?: boolean;
}) {
  const t = await getTranslations("console.request.notices");
  const s = await getTranslations("console.request.sections");
  const k = await getTranslations("requests.noticeKinds");
  const format = await getFormatter();
  const canSend = roleHas(me.role, "send:notice");
  return (
    <Section id="notices" title={s("notices")} folded={folded}>
      {r.notices.length === 0 ? (
        <p className="mb-4">{t("none")}</p>
      ) : (
        <ul className="mb-4 flex flex-col gap-2" data-testid="notices">
          {r.notices.map((n) => (
            <li key={n.id} className="rounded-md border border-stone-200 p-3" data-testid="notice" data-kind={n.kind}>
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-semibold">{k(n.kind)}</span>
                <Badge>{n.channel === "POST" ? t("channelPOST") : t("channelEMAIL")}</Badge>
                {n.postedOn ? (
                  <Badge tone="success">
                    {t("posted", { date: format.dateTime(n.postedOn, { dateStyle: "medium", timeZone: "UTC" }) })}
                  </Badge>
                ) : null}
              </p>
              <p className="text-sm">{n.subject}</p>
              <p className="text-sm text-muted">
                {format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                {n.sentById ? ` · ${r.staffNames[n.sentById] ?? "—"}` : ""}
                {n.trackingNumber ? ` · ${n.trackingNumber}` : ""}
              </p>
              {n.fileId ? (
                <a
                  href={`/console/view-pdf?src=${encodeURIComponent(`/console/requests/${r.id}/files/${n.fileId}`)}`}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="text-sm text-brand-700 underline"
                >
                  {t("pdfLink", { kind: k(n.kind) })}
                </a>
              ) : null}
              {canSend && n.channel === "POST" && !n.postedOn ? (
                <NoticePostingForm
                  requestId={r.id}
                  noticeId={n.id}
                  label={t("postingFor", { kind: k(n.kind) })}
                  today={today}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canSend ? (
        <div className="border-t border-stone-200 pt-4">
          <h3 className="mb-1 font-bold">{t("previewTitle")}</h3>
          <p className="mb-3 text-sm text-muted">{t("previewIntro")}</p>
          <NoticeForm requestId={r.id} kinds={manualKinds} />
        </div>
      ) : null}
    </Section>
  );
}
