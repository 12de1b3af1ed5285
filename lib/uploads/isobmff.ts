// Minimal reader for ISO base media boxes (HEIC/HEIF): enough to find the image size
// (ispe) and the Exif/XMP items (iinf + iloc). Offsets are absolute positions in the file.

export type Box = { type: string; start: number; headerSize: number; end: number };

/** Boxes between start and end; stops at the first malformed box. */
export function readBoxes(buf: Buffer, start: number, end: number): Box[] {
  const boxes: Box[] = [];
  let at = start;
  while (at + 8 <= end) {
    let size = buf.readUInt32BE(at);
    const type = buf.toString("latin1", at + 4, at + 8);
    let headerSize = 8;
    if (size === 1) {
      if (at + 16 > end) break;
      size = Number(buf.readBigUInt64BE(at + 8));
      headerSize = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < headerSize || at + size > end) break;
    boxes.push({ type, start: at, headerSize, end: at + size });
    at += size;
  }
  return boxes;
}

/** Children of a box; FullBoxes (meta, iinf, iloc, infe, ispe…) have 4 more header bytes. */
export function childrenOf(buf: Buffer, box: Box, fullBox = false): Box[] {
  return readBoxes(buf, box.start + box.headerSize + (fullBox ? 4 : 0), box.end);
}

export function find(boxes: Box[], type: string): Box | undefined {
  return boxes.find((b) => b.type === type);
}

/** Reads an unsigned integer of 0, 2, 4 or 8 bytes. */
export function readUInt(buf: Buffer, at: number, size: number): number {
  if (size === 0) return 0;
  if (size === 2) return buf.readUInt16BE(at);
  if (size === 4) return buf.readUInt32BE(at);
  if (size === 8) return Number(buf.readBigUInt64BE(at));
  throw new Error(`unsupported field size ${size}`);
}

export function metaBox(buf: Buffer): Box | undefined {
  return find(readBoxes(buf, 0, buf.length), "meta");
}

/** Largest width × height declared by any ispe property (the full image, not tiles). */
export function heifPixels(buf: Buffer): { width: number; height: number } | null {
  const meta = metaBox(buf);
  const iprp = meta && find(childrenOf(buf, meta, true), "iprp");
  const ipco = iprp && find(childrenOf(buf, iprp), "ipco");
  if (!ipco) return null;
  let best: { width: number; height: number } | null = null;
  for (const ispe of childrenOf(buf, ipco).filter((b) => b.type === "ispe")) {
    const at = ispe.start + ispe.headerSize + 4;
    if (at + 8 > ispe.end) continue;
    const dims = { width: buf.readUInt32BE(at), height: buf.readUInt32BE(at + 4) };
    if (!best || dims.width * dims.height > best.width * best.height) best = dims;
  }
  return best;
}
