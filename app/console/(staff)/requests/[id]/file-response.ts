import type { ViewedFile } from "@/lib/console/view-document";

// How the console hands a requester's file to the browser: never cached, never sniffed,
// shown inline only for types the browser renders safely, framed by our own pages only.
// next.config.ts sets the final CSP for these routes (sandboxed, except a PDF asked for
// with ?pdf — Chrome will not run its PDF viewer under a CSP sandbox, crbug 413851).
// The headers below say the same, in case the route is ever served without that config.

const inlineImages = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);
const sandboxed = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox";
const pdfViewer = "frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

function contentDisposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export type FileView = { download: boolean; pdf: boolean };

export function fileViewOf(req: Request): FileView {
  const q = new URL(req.url).searchParams;
  return { download: q.has("download"), pdf: q.has("pdf") };
}

export function fileResponse(file: ViewedFile, view: FileView): Response {
  const isPdf = file.mimeType === "application/pdf";
  // A PDF is shown only through the PDF viewer (?pdf); anything asked for with ?pdf that is not one downloads.
  const inline = !view.download && (view.pdf ? isPdf : inlineImages.has(file.mimeType));
  return new Response(new Uint8Array(file.content), {
    headers: {
      "content-type": file.mimeType,
      "content-length": String(file.content.length),
      "content-disposition": contentDisposition(inline ? "inline" : "attachment", file.originalName),
      "x-content-type-options": "nosniff",
      "x-frame-options": "SAMEORIGIN",
      "content-security-policy": inline && isPdf ? pdfViewer : sandboxed,
      "cache-control": "no-store, private",
      "referrer-policy": "no-referrer",
    },
  });
}
