import { AppError } from "@/lib/errors";
import {
  ALLOWED_TYPES,
  isAllowedMimeType,
  MAX_FILE_BYTES,
  MAX_FILES,
  MAX_PIXELS,
  type AllowedMimeType,
} from "./upload-limits";
import { imageDimensions } from "./image-dimensions";
import { stripMetadata } from "./strip-metadata";

// Every file a requester sends passes through here before it is stored: the type is
// judged by the bytes (a renamed .exe is refused whatever its name), the size and pixel
// count are bounded, and image metadata (EXIF GPS, XMP) is removed.

export type UploadCandidate = { bytes: Buffer | Uint8Array; name: string };

export type InspectedUpload = {
  /** The bytes to store: metadata removed from images. */
  content: Buffer;
  mimeType: AllowedMimeType;
  /** The name as given, without any path, with the extension of the real type. */
  originalName: string;
  sizeBytes: number;
};

function refuse(field: string, key: string, detail: string): never {
  throw new AppError("INVALID_INPUT", detail, { [field]: [key] });
}

/** Base name without path or control characters, extension matching the detected type. */
export function safeFileName(name: string, mime: AllowedMimeType): string {
  const base = (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "").trim();
  const stem = base.replace(/\.[^.]*$/, "").slice(0, 120) || "file";
  return `${stem}.${ALLOWED_TYPES[mime]}`;
}

async function detectType(bytes: Buffer): Promise<string | undefined> {
  // file-type is ESM-only; a dynamic import keeps this module loadable from CommonJS too.
  const { fileTypeFromBuffer } = await import("file-type");
  return (await fileTypeFromBuffer(bytes))?.mime;
}

export async function inspectUpload(file: UploadCandidate, opts: { field?: string } = {}): Promise<InspectedUpload> {
  const field = opts.field ?? "file";
  const bytes = Buffer.isBuffer(file.bytes) ? file.bytes : Buffer.from(file.bytes);
  if (bytes.length === 0) refuse(field, "errors.fileEmpty", "empty upload");
  if (bytes.length > MAX_FILE_BYTES) refuse(field, "errors.fileTooLarge", `upload of ${bytes.length} bytes`);
  const mime = await detectType(bytes);
  if (!mime || !isAllowedMimeType(mime)) refuse(field, "errors.fileType", `upload detected as ${mime ?? "unknown"}`);
  if (mime !== "application/pdf") {
    const dims = imageDimensions(mime, bytes);
    if (!dims || dims.width === 0 || dims.height === 0)
      refuse(field, "errors.fileDamaged", `${mime} without readable dimensions`);
    if (dims.width * dims.height > MAX_PIXELS)
      refuse(field, "errors.imageTooLarge", `${mime} of ${dims.width}x${dims.height}`);
  }
  let content: Buffer;
  try {
    content = stripMetadata(mime, bytes);
  } catch {
    refuse(field, "errors.fileDamaged", `${mime} could not be parsed for metadata removal`);
  }
  return { content, mimeType: mime, originalName: safeFileName(file.name, mime), sizeBytes: content.length };
}

/** Refuses adding files beyond the per-request limit (6 by default). */
export function assertUploadCount(existing: number, adding: number, field = "files"): void {
  if (existing + adding > MAX_FILES) refuse(field, "errors.tooManyFiles", `${existing} + ${adding} files`);
}
