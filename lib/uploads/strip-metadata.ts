import type { AllowedMimeType } from "./upload-limits";
import { stripHeifMetadata } from "./heif-metadata";

// Photos of ID cards taken on a phone carry EXIF: GPS position, time, device. None of it
// is needed, so it is removed before the file is stored (docs/design.md §6).

/** Markers that stand alone, without a length: TEM, RST0–7, SOI, EOI. */
const standalone = (m: number) => m === 0x01 || (m >= 0xd0 && m <= 0xd9);
const APP1 = 0xe1; // EXIF and XMP
const APP2 = 0xe2; // ICC profile (kept) or MPF (dropped with the images it points to)
const APP13 = 0xed; // Photoshop IRB / IPTC
const COM = 0xfe;
const SOS = 0xda;
const EOI = 0xd9;

function dropSegment(buf: Buffer, marker: number, start: number, end: number): boolean {
  if (marker === APP1 || marker === APP13 || marker === COM) return true;
  if (marker === APP2) return buf.toString("latin1", start + 4, Math.min(end, start + 8)) === "MPF\0";
  return false;
}

/** End of entropy-coded data after SOS: the next marker that is not stuffing or a restart. */
function scanEntropy(buf: Buffer, at: number): number {
  let i = at;
  while (i + 1 < buf.length) {
    if (buf[i] === 0xff) {
      const next = buf[i + 1] ?? 0;
      if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7) && next !== 0xff) return i;
    }
    i++;
  }
  return buf.length;
}

/** Walks the JPEG markers, keeping image data and dropping APP1, APP13, COM and MPF; nothing after EOI is kept. */
export function stripJpegMetadata(buf: Buffer): Buffer {
  if (buf[0] !== 0xff || buf[1] !== 0xd8) throw new Error("not a JPEG");
  const parts: Buffer[] = [buf.subarray(0, 2)];
  let at = 2;
  while (at < buf.length) {
    if (buf[at] !== 0xff) throw new Error("JPEG marker expected");
    let m = at + 1;
    while (buf[m] === 0xff) m++; // fill bytes
    const marker = buf[m] ?? EOI;
    const segStart = m - 1;
    if (marker === EOI) {
      parts.push(Buffer.from([0xff, EOI]));
      break;
    }
    if (standalone(marker)) {
      parts.push(buf.subarray(segStart, m + 1));
      at = m + 1;
      continue;
    }
    if (m + 3 > buf.length) throw new Error("truncated JPEG");
    const end = m + 1 + buf.readUInt16BE(m + 1);
    if (end > buf.length) throw new Error("truncated JPEG segment");
    if (!dropSegment(buf, marker, segStart, end)) parts.push(buf.subarray(segStart, end));
    at = end;
    if (marker === SOS) {
      const dataEnd = scanEntropy(buf, at);
      parts.push(buf.subarray(at, dataEnd));
      at = dataEnd;
    }
  }
  return Buffer.concat(parts);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Text and EXIF chunks, and the modification time; image chunks keep their own CRCs. */
const PNG_DROP = new Set(["eXIf", "tEXt", "iTXt", "zTXt", "tIME"]);

export function stripPngMetadata(buf: Buffer): Buffer {
  if (!buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error("not a PNG");
  const parts: Buffer[] = [PNG_SIGNATURE];
  let at = 8;
  while (at + 12 <= buf.length) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString("latin1", at + 4, at + 8);
    const end = at + 12 + length;
    if (end > buf.length) throw new Error("truncated PNG chunk");
    if (!PNG_DROP.has(type)) parts.push(buf.subarray(at, end));
    at = end;
    if (type === "IEND") break;
  }
  return Buffer.concat(parts);
}

/** Removes location and other metadata by type; PDFs pass through unchanged. */
export function stripMetadata(mime: AllowedMimeType, buf: Buffer): Buffer {
  switch (mime) {
    case "image/jpeg":
      return stripJpegMetadata(buf);
    case "image/png":
      return stripPngMetadata(buf);
    case "image/heic":
    case "image/heif":
      return stripHeifMetadata(buf);
    case "application/pdf":
      return buf;
  }
}
