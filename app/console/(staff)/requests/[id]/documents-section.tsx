import { getFormatter, getTranslations } from "next-intl/server";
import type { RequestDetail } from "@/lib/console/request-detail";
import { Badge } from "@/components/ui/alert";
import { Section } from "@/components/console/request/facts";
import { DocumentViewer } from "@/components/console/document-viewer";

/** The requester's identity and authority documents (and scans), each viewable inside the console. */
export async function DocumentsSection({ r, folded }: { r: RequestDetail; folded?: boolean }) {
  const t = await getTranslations("console.request.documents");
  const rq = await getTranslations("requests");
  const format = await getFormatter();
  return (
    <Section id="documents" title={(await getTranslations("console.request.sections"))("documents")} folded={folded}>
      <p className="mb-3 text-sm text-muted">{t("audited")}</p>
      {r.documents.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {r.documents.map((d) => (
            <li key={d.id} className="rounded-md border border-stone-200 p-3" data-testid="document">
              <p className="flex flex-wrap items-center gap-2 font-semibold">
                {rq(`documentKinds.${d.kind}`)}
                <Badge>{rq(`documentHolders.${d.holder}`)}</Badge>
                <Badge tone={d.review === "ACCEPTED" ? "success" : d.review === "UNREVIEWED" ? "neutral" : "warning"}>
                  {rq(`documentReview.${d.review}`)}
                </Badge>
                {d.sentByPost ? <Badge>{t("byPost")}</Badge> : null}
              </p>
              <p className="text-sm break-all text-muted">
                {d.file.originalName} · {Math.ceil(d.file.sizeBytes / 1024)} KB ·{" "}
                {format.dateTime(d.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                {d.issuedOn
                  ? ` · ${t("issuedOn")} ${format.dateTime(d.issuedOn, { dateStyle: "medium", timeZone: "UTC" })}`
                  : ""}
              </p>
              <div className="mt-2">
                {d.file.deletedAt ? (
                  <p className="text-sm">{t("purged")}</p>
                ) : (
                  <DocumentViewer
                    src={`/console/requests/${r.id}/documents/${d.id}`}
                    mimeType={d.file.mimeType}
                    name={rq(`documentKinds.${d.kind}`)}
                  />
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
