import { AppError } from "@/lib/errors";

// A file's type is decided by its content, never its name or the browser's claim
// (docs/design.md §6). Text formats (CSV, plain text) have no signature: they are accepted
// when the content is text (no NUL bytes, valid UTF-8 or Shift_JIS-free of control
// junk) and the name says .csv or .txt.

export const MAX_CONSOLE_FILE_BYTES = 20 * 1024 * 1024;

export const scanTypes = ["application/pdf", "image/jpeg", "image/png", "image/heic"] as const;
export const disclosureTypes = [
  ...scanTypes,
  "image/webp",
  "image/gif",
  "application/zip",
  "text/csv",
  "text/plain",
] as const;

function looksLikeText(content: Buffer): boolean {
  if (content.includes(0)) return false;
  // Allow tabs, line breaks and anything printable; reject other C0 control bytes.
  for (const b of content.subarray(0, 64 * 1024)) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  return true;
}

/** Returns the content's real MIME type if it is one of `allowed`, else INVALID_INPUT on `field`. */
export async function sniffFileType(
  content: Buffer,
  fileName: string,
  allowed: readonly string[],
  field = "file",
): Promise<string> {
  if (content.length > MAX_CONSOLE_FILE_BYTES)
    throw new AppError("INVALID_INPUT", "file too large", { [field]: ["console.errors.fileTooLarge"] });
  // file-type is ESM-only; a dynamic import keeps this module loadable from CommonJS too.
  const { fileTypeFromBuffer } = await import("file-type");
  const detected = await fileTypeFromBuffer(content);
  let mime = detected?.mime as string | undefined;
  if (mime === "image/heif") mime = "image/heic";
  if (!detected && looksLikeText(content)) {
    const ext = fileName.toLowerCase().split(".").pop();
    mime = ext === "csv" ? "text/csv" : ext === "txt" ? "text/plain" : undefined;
  }
  if (!mime || !allowed.includes(mime))
    throw new AppError("INVALID_INPUT", `file type ${mime ?? "unknown"}`, { [field]: ["console.errors.fileType"] });
  return mime;
}
