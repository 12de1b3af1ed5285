import { limits } from "@/lib/requests/schema-fields";

// Limits on what requesters upload (docs/design.md §6): PDF, JPEG, PNG, HEIC/HEIF only,
// judged by content; sizes that a phone photo or a scanned certificate fits easily.

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Per request (wizard draft) and per message. */
export const MAX_FILES = limits.files;
/** A phone camera makes 12–48 MP; more than this is a decompression bomb, not a photo. */
export const MAX_PIXELS = 50_000_000;

export const ALLOWED_TYPES = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/heic": "heic",
  "image/heif": "heif",
} as const;

export type AllowedMimeType = keyof typeof ALLOWED_TYPES;

export function isAllowedMimeType(mime: string): mime is AllowedMimeType {
  return Object.hasOwn(ALLOWED_TYPES, mime);
}
