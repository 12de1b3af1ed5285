// Every file the app hands to a browser (receipts, packages, CSV/ZIP exports, PDFs, the
// console's document viewer) goes out through here, so the name is encoded one way: an
// ASCII fallback in `filename` for old clients and the real name, Japanese included, in
// `filename*` (RFC 6266 §4.3 with RFC 5987 UTF-8 percent-encoding).

export type Disposition = "inline" | "attachment";

/** `attachment; filename="____.pdf"; filename*=UTF-8''%E9%A0%98...` for any file name. */
export function contentDisposition(kind: Disposition, fileName: string): string {
  // The fallback drops what a quoted-string cannot carry safely (non-ASCII, quotes, backslashes, controls).
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  // encodeURIComponent leaves ' ( ) * unescaped, but RFC 5987 attr-char does not allow them.
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export type FileDownload = {
  fileName: string;
  contentType: string;
  /** attachment unless the browser should show it (a preview, a printable form). */
  disposition?: Disposition;
  /** "no-store" by default: most downloads hold personal data. */
  cacheControl?: string;
  /** Known size of a streamed body (a Buffer's own length is used otherwise). */
  sizeBytes?: number;
  /** Further headers (nosniff, CSP for the console's viewer). */
  headers?: Record<string, string>;
  status?: number;
};

/** A Response carrying a file, with its name, type and caching said the one way above. */
export function fileDownload(
  body: Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> | string,
  file: FileDownload,
): Response {
  const size = file.sizeBytes ?? (body instanceof Uint8Array ? body.length : undefined);
  return new Response(body, {
    status: file.status,
    headers: {
      ...file.headers,
      ...(size !== undefined ? { "content-length": String(size) } : {}),
      "content-type": file.contentType,
      "content-disposition": contentDisposition(file.disposition ?? "attachment", file.fileName),
      "cache-control": file.cacheControl ?? "no-store",
    },
  });
}
