import type { ViewedFile } from "@/lib/console/view-document";
import { imageView } from "@/lib/console/image-preview";
import { consoleFileCsp } from "@/lib/security/security-headers";
import { fileDownload } from "@/lib/file-download";

// How the console hands a requester's file to the browser: never cached, never sniffed,
// sandboxed (nothing in it runs), framed by our own pages only. Images are shown inline
// (over the pixel budget, as a preview the server drew); a PDF is never handed to the
// browser's PDF viewer, which would run its scripts: the console draws it with pdf.js
// from these bytes (components/console/pdf-viewer.tsx). proxy.ts sets the same headers.

const inlineImages = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

export type FileView = { download: boolean };

export function fileViewOf(req: Request): FileView {
  return { download: new URL(req.url).searchParams.has("download") };
}

const baseHeaders = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "SAMEORIGIN",
  "content-security-policy": consoleFileCsp,
  "cache-control": "no-store, private",
  "referrer-policy": "no-referrer",
};

export async function fileResponse(file: ViewedFile, view: FileView): Promise<Response> {
  let content = file.content;
  let mimeType = file.mimeType;
  const inline = !view.download && inlineImages.has(file.mimeType);
  if (inline) {
    const shown = await imageView(file.content);
    // Too large even to draw a preview of: the viewer says so and offers the download.
    if (shown.kind === "too-large") return new Response(null, { status: 422, headers: baseHeaders });
    if (shown.kind === "preview") {
      content = shown.content;
      mimeType = shown.mimeType;
    }
  }
  return fileDownload(new Uint8Array(content), {
    fileName: file.originalName,
    contentType: mimeType,
    disposition: inline ? "inline" : "attachment",
    cacheControl: baseHeaders["cache-control"],
    headers: baseHeaders,
  });
}
