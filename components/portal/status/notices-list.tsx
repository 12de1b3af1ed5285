import { JST_ZONE } from "@/lib/dates";
import { getFormatter, getTranslations } from "next-intl/server";
import type { RequesterView } from "@/lib/requester/requester-view";

/** Every notice we sent about the request, each as the PDF kept when it was sent. */
export async function NoticesList({ notices }: { notices: RequesterView["notices"] }) {
  const t = await getTranslations("portal.status.notices");
  const tr = await getTranslations("requests");
  const format = await getFormatter();
  return (
    <section aria-labelledby="notices-title" className="mb-6">
      <h2 id="notices-title" className="mb-2 text-xl font-bold">
        {t("title")}
      </h2>
      {notices.length === 0 ? <p className="text-muted">{t("none")}</p> : null}
      <ul className="space-y-2" data-testid="notices">
        {notices.map((n) => (
          <li key={n.id} className="rounded-md border border-stone-300 bg-white p-3">
            <p className="text-sm text-muted">
              {format.dateTime(n.createdAt, { dateStyle: "medium", timeZone: JST_ZONE })} ·{" "}
              {tr(`noticeKinds.${n.kind}`)}
            </p>
            <p className="break-words">{n.subject}</p>
            {n.hasPdf ? (
              <a href={`/api/status/notices/${n.id}`} className="text-sm text-brand-700 underline" download>
                {t("pdf", { kind: tr(`noticeKinds.${n.kind}`) })}
              </a>
            ) : (
              <p className="text-sm text-muted">{t("pdfPending")}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
