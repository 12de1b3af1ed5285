import type { ViewedFile } from "@/lib/console/view-document";
import { imageView } from "@/lib/console/image-preview";
import { consoleFileCsp } from "@/lib/security/security-headers";

// How the console hands a requester's file to the browser: never cached, never sniffed,
// sandboxed (nothing in it runs), framed by our own pages only. Images are shown inline
// (over the pixel budget, as a preview the server drew); a PDF is never handed to the
// browser's PDF viewer, which would run its scripts: the console draws it with pdf.js
// from these bytes (components/console/pdf-viewer.tsx). proxy.ts sets the same headers.

const inlineImages = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

function contentDisposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

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
  return new Response(new Uint8Array(content), {
    headers: {
      ...baseHeaders,
      "content-type": mimeType,
      "content-length": String(content.length),
      "content-disposition": contentDisposition(inline ? "inline" : "attachment", file.originalName),
    },
  });
}
