"use client";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { buttonClass } from "@/components/ui/button-class";
import { PdfViewer } from "./pdf-viewer";

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
  const [tooLarge, setTooLarge] = useState(false);
  // A PDF is drawn by the console's own viewer (no browser plug-in, nothing in it runs).
  const viewSrc = isPdf ? `/console/view-pdf?src=${encodeURIComponent(src)}` : src;
  return (
    <div>
      <div className="flex flex-wrap gap-2">
        {viewable ? (
          <button
            type="button"
            className={buttonClass("secondary", "sm")}
            aria-expanded={open}
            aria-controls={panel}
            onClick={() => setOpen((o) => !o)}
          >
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
        {open && images.has(mimeType) && !tooLarge ? (
          // Over the pixel budget the route sends a preview the server drew; far over it, nothing (422).
          // eslint-disable-next-line @next/next/no-img-element -- a private, audited file: no image optimiser, no cache
          <img
            src={src}
            alt={t("viewerTitle", { name })}
            onError={() => setTooLarge(true)}
            className="max-h-[70vh] max-w-full rounded border border-stone-300"
            data-testid="document-image"
          />
        ) : null}
        {open && tooLarge ? <p role="alert">{t("imageTooLarge")}</p> : null}
        {open && isPdf ? (
          <div className="max-h-[70vh] overflow-auto rounded border border-stone-300 p-2" data-testid="document-pdf">
            <PdfViewer src={src} name={name} />
          </div>
        ) : null}
        {open ? (
          <a
            href={viewSrc}
            target="_blank"
            rel="noopener noreferrer"
            className="mt-1 inline-block text-sm text-brand-700 underline"
          >
            {t("openNewTab")}
          </a>
        ) : null}
      </div>
      {!viewable ? <p className="mt-1 text-sm text-muted">{t("noPreview")}</p> : null}
    </div>
  );
}
