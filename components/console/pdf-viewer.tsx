"use client";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";

/** Served by the app itself (app/console/pdf-worker/route.ts): no CDN, same version as the library. */
const WORKER_URL = "/console/pdf-worker";
/** Pages drawn at most; a longer file is downloaded to be read in full. */
const MAX_PAGES = 50;

type PageView = { number: number; text: string };

/**
 * Draws a requester's PDF with pdf.js from its bytes: no browser PDF plug-in, so nothing in
 * the file runs: pdf.js here has no scripting sandbox, does not evaluate strings
 * (isEvalSupported off), draws no forms (XFA off) and renders no link annotations. Each page
 * is a canvas with its text beside it for screen readers.
 */
export function PdfViewer({ src, name }: { src: string; name: string }) {
  const t = useTranslations("console.request.documents");
  const pagesRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  const [pages, setPages] = useState<PageView[]>([]);
  const [pageCount, setPageCount] = useState(0);

  useEffect(() => {
    let cancelled = false;
    const abort = new AbortController();
    (async () => {
      const pdfjs = await import("pdfjs-dist");
      pdfjs.GlobalWorkerOptions.workerSrc = WORKER_URL;
      const res = await fetch(src, { credentials: "same-origin", signal: abort.signal });
      if (!res.ok) throw new Error(`status ${res.status}`);
      const data = new Uint8Array(await res.arrayBuffer());
      const doc = await pdfjs.getDocument({ data, isEvalSupported: false, enableXfa: false, stopAtErrors: false })
        .promise;
      if (cancelled) return void doc.destroy();
      const count = Math.min(doc.numPages, MAX_PAGES);
      const views: PageView[] = [];
      for (let n = 1; n <= count; n++) {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        views.push({
          number: n,
          text: content.items
            .map((i) => ("str" in i ? i.str + (i.hasEOL ? "\n" : " ") : ""))
            .join("")
            .trim(),
        });
      }
      if (cancelled) return void doc.destroy();
      setPageCount(doc.numPages);
      setPages(views);
      setState("ready");
      // Canvases exist after the render above; draw each at the device's pixel density.
      await new Promise((r) => requestAnimationFrame(r));
      for (const v of views) {
        const canvas = pagesRef.current?.querySelector<HTMLCanvasElement>(`canvas[data-page="${v.number}"]`);
        if (!canvas || cancelled) continue;
        const page = await doc.getPage(v.number);
        const width = canvas.parentElement?.clientWidth || 800;
        const base = page.getViewport({ scale: 1 });
        const scale = Math.min(2, width / base.width);
        const ratio = window.devicePixelRatio || 1;
        const viewport = page.getViewport({ scale: scale * ratio });
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
        await page.render({ canvas, viewport, annotationMode: pdfjs.AnnotationMode.DISABLE }).promise;
      }
    })().catch(() => {
      if (!cancelled) setState("failed");
    });
    return () => {
      cancelled = true;
      abort.abort();
    };
  }, [src]);

  return (
    <section aria-label={t("viewerTitle", { name })} data-testid="pdf-viewer" data-state={state}>
      <p className="mb-2 text-sm text-muted">{t("pdfSafe")}</p>
      {state === "loading" ? <p role="status">{t("pdfLoading")}</p> : null}
      {state === "failed" ? <p role="alert">{t("pdfFailed")}</p> : null}
      <div ref={pagesRef} className="flex flex-col gap-4">
        {pages.map((p) => (
          <figure key={p.number} className="rounded border border-stone-300 bg-white p-2">
            <figcaption className="mb-1 text-sm text-muted">
              {t("pdfPage", { page: p.number, pages: pageCount })}
            </figcaption>
            <canvas data-page={p.number} aria-hidden="true" className="max-w-full" />
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer text-brand-700 underline">
                {t("pdfPageText", { page: p.number })}
              </summary>
              <p data-testid="pdf-page-text" className="mt-1 whitespace-pre-wrap">
                {p.text}
              </p>
            </details>
          </figure>
        ))}
      </div>
    </section>
  );
}
