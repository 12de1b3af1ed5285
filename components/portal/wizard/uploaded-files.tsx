import { getTranslations } from "next-intl/server";
import type { DraftDocument } from "@/lib/requests/wizard-values";
import type { DraftUpload } from "@/lib/uploads/draft-uploads";

const PREVIEWABLE = new Set(["image/jpeg", "image/png"]);

function size(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The files of this draft, each with what it is, a preview for photos, and a remove button. */
export async function UploadedFiles({
  uploads,
  documents,
  removeAction,
}: {
  uploads: DraftUpload[];
  documents: DraftDocument[];
  removeAction: (formData: FormData) => Promise<void>;
}) {
  const t = await getTranslations("portal.wizard.documents");
  const tr = await getTranslations("requests");
  const byId = new Map(documents.map((d) => [d.fileId, d]));
  const shown = uploads.filter((u) => byId.has(u.id));
  return (
    <section aria-labelledby="uploaded-title" className="mb-6">
      <h2 id="uploaded-title" className="mb-2 text-lg font-bold">
        {t("uploadedTitle", { count: shown.length })}
      </h2>
      {shown.length === 0 ? <p className="text-muted">{t("none")}</p> : null}
      <ul className="grid gap-3" data-testid="uploaded-files">
        {shown.map((u, i) => {
          const doc = byId.get(u.id);
          const kind = doc ? tr(`documentKinds.${doc.kind}`) : "";
          return (
            <li
              key={u.id}
              id={`f-files-${i}-kind`}
              className="flex flex-col gap-3 rounded-md border border-stone-300 bg-white p-3 sm:flex-row sm:items-center"
            >
              {PREVIEWABLE.has(u.mimeType) ? (
                // eslint-disable-next-line @next/next/no-img-element -- a private, per-draft file: no optimiser, no caching
                <img
                  src={`/api/requests/uploads/${u.id}`}
                  alt={t("previewAlt", { kind })}
                  className="h-24 w-36 shrink-0 rounded border border-stone-200 object-contain"
                />
              ) : (
                <span className="flex h-24 w-36 shrink-0 items-center justify-center rounded border border-stone-200 bg-stone-50 text-sm font-bold text-muted">
                  {u.mimeType === "application/pdf" ? "PDF" : "HEIC"}
                </span>
              )}
              <div className="min-w-0 flex-1">
                <p className="font-semibold">
                  {kind}
                  {doc ? (
                    <span className="ml-2 text-sm font-normal text-muted">
                      {t("holderNote", { holder: tr(`documentHolders.${doc.holder}`) })}
                    </span>
                  ) : null}
                </p>
                <p className="text-sm break-all text-muted">
                  {u.originalName} · {size(u.sizeBytes)}
                  {doc?.issuedOn ? ` · ${t("issuedOnValue", { date: doc.issuedOn })}` : ""}
                </p>
              </div>
              <form action={removeAction}>
                <input type="hidden" name="fileId" value={u.id} />
                <button
                  type="submit"
                  className="min-h-11 rounded-md border border-danger px-3 text-sm font-semibold text-danger hover:bg-red-50"
                >
                  {t("remove")}
                  <span className="sr-only">{t("removeWhich", { kind, name: u.originalName })}</span>
                </button>
              </form>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
