import type { AllowedMimeType } from "./upload-limits";
import { heifPixels } from "./isobmff";

// Declared pixel size, read from the headers without decoding, so a small file that
// would expand to gigabytes (a decompression bomb) is refused before anyone opens it.

export type Dimensions = { width: number; height: number };

/** Start-of-frame markers carry the size: SOF0–3, 5–7, 9–11, 13–15 (not DHT C4, JPG C8, DAC CC). */
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function jpegDimensions(buf: Buffer): Dimensions | null {
  let at = 2;
  while (at + 4 <= buf.length) {
    if (buf[at] !== 0xff) return null;
    const marker = buf[at + 1] ?? 0;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // no frame header before the image data
    const length = buf.readUInt16BE(at + 2);
    if (isSof(marker) && at + 9 <= buf.length)
      return { height: buf.readUInt16BE(at + 5), width: buf.readUInt16BE(at + 7) };
    at += 2 + length;
  }
  return null;
}

function pngDimensions(buf: Buffer): Dimensions | null {
  if (buf.length < 24 || buf.toString("latin1", 12, 16) !== "IHDR") return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Pixel size for images; null for PDFs or when the header cannot be read. */
export function imageDimensions(mime: AllowedMimeType, buf: Buffer): Dimensions | null {
  switch (mime) {
    case "image/jpeg":
      return jpegDimensions(buf);
    case "image/png":
      return pngDimensions(buf);
    case "image/heic":
    case "image/heif":
      return heifPixels(buf);
    case "application/pdf":
      return null;
  }
}
