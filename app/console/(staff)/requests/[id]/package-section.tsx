import { getFormatter, getTranslations } from "next-intl/server";
import type { RequestDetail } from "@/lib/console/request-detail";
import type { CurrentStaff } from "@/lib/server/current-staff";
import { roleHas } from "@/lib/server/permissions";
import { publishBlocker } from "@/lib/packages/publish-package";
import { wantsProvisionRecords } from "@/lib/packages/create-package";
import { Section } from "@/components/console/request/facts";
import { DocumentViewer } from "@/components/console/document-viewer";
import {
  AddPackageFileForm,
  AttachProvisionsForm,
  PackageMethodForm,
  PostingForm,
  PublishForm,
  RemovePackageFileForm,
} from "./package-forms";

function requestedMethod(details: unknown): string {
  const m = details && typeof details === "object" && "deliveryMethod" in details ? details.deliveryMethod : undefined;
  return m === "POST" || m === "OTHER" ? m : "ELECTRONIC";
}

/** Files to disclose, provision records, preview and publishing (blocked until identity, fee and decision allow it). */
export async function PackageSection({
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
  const t = await getTranslations("console.request.package");
  const s = await getTranslations("console.request.sections");
  const rq = await getTranslations("requests.deliveryMethods");
  const format = await getFormatter();
  const at = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const pkg = r.package;
  const finished = r.status === "CLOSED" || r.status === "WITHDRAWN" || r.status === "ABANDONED";
  const canEdit = roleHas(me.role, "publish:package") && !finished && !pkg?.publishedAt;
  const ref = { requestId: r.id, version: r.version };
  const requested = requestedMethod(r.details);
  const provisions = wantsProvisionRecords(r.details);
  return (
    <Section id="package" title={s("package")} folded={folded}>
      <p className="mb-3 text-sm">{t("requested", { method: rq(requested) })}</p>
      {!pkg ? <p className="mb-3">{t("none")}</p> : null}
      {canEdit ? (
        <PackageMethodForm {...ref} method={pkg?.deliveryMethod ?? requested} exists={Boolean(pkg)} />
      ) : pkg ? (
        <p>
          {t("deliveryMethod")}: {rq(pkg.deliveryMethod)}
        </p>
      ) : null}
      {pkg ? (
        <>
          <h3 className="mt-4 mb-2 font-bold">{t("files")}</h3>
          {pkg.files.length === 0 ? (
            <p className="mb-3">{t("noFiles")}</p>
          ) : (
            <ul className="mb-3 flex flex-col gap-2" data-testid="package-files">
              {pkg.files.map((pf) => (
                <li
                  key={pf.id}
                  className="flex flex-wrap items-start justify-between gap-2 rounded-md border border-stone-200 p-2"
                >
                  <div className="min-w-0">
                    <p className="font-semibold break-all">{pf.file.originalName}</p>
                    <p className="text-sm text-muted">{Math.ceil(pf.file.sizeBytes / 1024)} KB</p>
                    <DocumentViewer
                      src={`/console/requests/${r.id}/files/${pf.file.id}`}
                      mimeType={pf.file.mimeType}
                      name={pf.file.originalName}
                    />
                  </div>
                  {canEdit ? <RemovePackageFileForm {...ref} fileId={pf.file.id} name={pf.file.originalName} /> : null}
                </li>
              ))}
            </ul>
          )}
          {canEdit ? <AddPackageFileForm {...ref} /> : null}
          <h3 className="mt-4 mb-2 font-bold">{t("provisionTitle")}</h3>
          <p className="mb-2">{provisions ? t("provisionRequested") : t("provisionNotRequested")}</p>
          {canEdit && provisions ? <AttachProvisionsForm {...ref} /> : null}
          <div className="mt-4 border-t border-stone-200 pt-4">
            {pkg.publishedAt ? (
              <div data-testid="package-published">
                <p className="font-semibold">
                  {t("publishedAt", {
                    name: pkg.publishedById ? (r.staffNames[pkg.publishedById] ?? "—") : "—",
                    at: at(pkg.publishedAt),
                  })}
                </p>
                {pkg.expiresAt ? (
                  <p>
                    {t("expiresAt")}: {at(pkg.expiresAt)}
                  </p>
                ) : null}
                {pkg.postedOn ? (
                  <p>
                    {t("postedInfo", {
                      date: format.dateTime(pkg.postedOn, { dateStyle: "medium", timeZone: "UTC" }),
                      tracking: pkg.trackingNumber ?? "—",
                    })}
                  </p>
                ) : null}
                <h3 className="mt-3 font-bold">{t("downloads")}</h3>
                {pkg.downloads.length === 0 ? (
                  <p>{t("noDownloads")}</p>
                ) : (
                  <ul className="text-sm" data-testid="package-downloads">
                    {pkg.downloads.map((d) => (
                      <li key={d.id}>
                        {at(d.at)} · {pkg.files.find((f) => f.file.id === d.fileId)?.file.originalName ?? d.fileId}
                      </li>
                    ))}
                  </ul>
                )}
                {pkg.deliveryMethod !== "ELECTRONIC" &&
                !pkg.postedOn &&
                roleHas(me.role, "publish:package") &&
                r.status === "DECIDED" ? (
                  <div className="mt-4">
                    <PostingForm {...ref} today={today} />
                  </div>
                ) : null}
              </div>
            ) : canEdit ? (
              <PublishForm {...ref} blocker={publishBlocker(r, pkg.files.length)} />
            ) : null}
          </div>
        </>
      ) : null}
    </Section>
  );
}
