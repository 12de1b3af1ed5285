"use client";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button-class";

const images = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

/**
 * Shows a requester's file inside the console page. Nothing is fetched until staff ask
 * to see it, because every view is written to the audit log.
 */
export function DocumentViewer({ src, mimeType, name }: { src: string; mimeType: string; name: string }) {
  const t = useTranslations("console.request.documents");
  const [open, setOpen] = useState(false);
  const panel = useId();
  const isPdf = mimeType === "application/pdf";
  const viewable = images.has(mimeType) || isPdf;
  // A PDF goes through the browser's PDF viewer, which the route allows only with ?pdf.
  const viewSrc = isPdf ? `${src}?pdf=1` : src;
  return (
    <div>
      <div className="flex flex-wrap gap-2">
        {viewable ? (
          <button type="button" className={buttonClass("secondary", "sm")} aria-expanded={open} aria-controls={panel} onClick={() => setOpen((o) => !o)}>
            {open ? t("hide") : t("view")}
            <span className="sr-only">: {name}</span>
          </button>
        ) : null}
        <a href={`${src}?download=1`} className={buttonClass("ghost", "sm")} download>
          {t("download")}
          <span className="sr-only">: {name}</span>
        </a>
      </div>
      <div id={panel} hidden={!open} className="mt-2">
        {open && images.has(mimeType) ? (
          // eslint-disable-next-line @next/next/no-img-element -- a private, audited file: no image optimiser, no cache
          <img src={src} alt={t("viewerTitle", { name })} className="max-h-[70vh] max-w-full rounded border border-stone-300" data-testid="document-image" />
        ) : null}
        {open && mimeType === "application/pdf" ? (
          <iframe src={viewSrc} title={t("viewerTitle", { name })} className="h-[70vh] w-full rounded border border-stone-300" data-testid="document-pdf" />
        ) : null}
        {open ? (
          <a href={viewSrc} target="_blank" rel="noopener noreferrer" className="mt-1 inline-block text-sm text-brand-700 underline">
            {t("openNewTab")}
          </a>
        ) : null}
      </div>
      {!viewable ? <p className="mt-1 text-sm text-muted">{t("noPreview")}</p> : null}
    </div>
  );
}
