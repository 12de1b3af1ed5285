import fs from "node:fs/promises";
import path from "node:path";

// pdf.js's worker, from the installed pdfjs-dist (the same version as the library the
// console bundles): served by the app itself, never from a CDN. It is public code.
let worker: Promise<Buffer> | undefined;

export async function GET(): Promise<Response> {
  worker ??= fs.readFile(path.join(process.cwd(), "node_modules", "pdfjs-dist", "build", "pdf.worker.min.mjs"));
  const body = await worker;
  return new Response(new Uint8Array(body), {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=86400" },
  });
}
