import type { ViewedFile } from "@/lib/console/view-document";

// How the console hands a requester's file to the browser: never cached, never sniffed,
// shown inline only for types the browser renders safely (images, PDF), inside a page
// of our own origin only. Everything else downloads, sandboxed.

const inlineTypes = new Set(["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"]);

function contentDisposition(kind: "inline" | "attachment", name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function fileResponse(file: ViewedFile, opts: { download: boolean }): Response {
  const inline = !opts.download && inlineTypes.has(file.mimeType);
  // Chrome refuses to run its PDF viewer under a CSP sandbox (crbug 413851), so a PDF
  // gets everything but the sandbox; its type was checked by content at upload.
  const csp =
    file.mimeType === "application/pdf"
      ? "frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
      : "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox";
  return new Response(new Uint8Array(file.content), {
    headers: {
      "content-type": file.mimeType,
      "content-length": String(file.content.length),
      "content-disposition": contentDisposition(inline ? "inline" : "attachment", file.originalName),
      "x-content-type-options": "nosniff",
      "x-frame-options": "SAMEORIGIN",
      "content-security-policy": csp,
      "cache-control": "no-store, private",
      "referrer-policy": "no-referrer",
    },
  });
}
