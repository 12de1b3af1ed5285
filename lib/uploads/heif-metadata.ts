import { childrenOf, find, metaBox, readUInt, type Box } from "./isobmff";

// HEIC keeps Exif (and XMP) as items: iinf names each item's type, iloc says where its
// bytes are. Removing the bytes would shift every offset after them, so they are
// overwritten with zeros instead: the file stays valid and the location data is gone.

type Extent = { offset: number; length: number };

function cString(buf: Buffer, at: number, end: number): { value: string; next: number } {
  let i = at;
  while (i < end && buf[i] !== 0) i++;
  return { value: buf.toString("utf8", at, i), next: i + 1 };
}

/** Item ids whose type is Exif, or mime items holding XMP. */
function metadataItemIds(buf: Buffer, iinf: Box): Set<number> {
  const ids = new Set<number>();
  const version = buf[iinf.start + iinf.headerSize] ?? 0;
  const skip = version === 0 ? 2 : 4; // entry_count
  const entries = childrenOf(buf, { ...iinf, headerSize: iinf.headerSize + skip }, true).filter(
    (b) => b.type === "infe",
  );
  for (const infe of entries) {
    const v = buf[infe.start + infe.headerSize] ?? 0;
    if (v < 2) continue; // version 0/1 entries predate HEIF and carry no item_type
    let at = infe.start + infe.headerSize + 4;
    const id = v === 2 ? buf.readUInt16BE(at) : buf.readUInt32BE(at);
    at += (v === 2 ? 2 : 4) + 2; // item_ID, item_protection_index
    const type = buf.toString("latin1", at, at + 4);
    const name = cString(buf, at + 4, infe.end);
    const contentType = type === "mime" ? cString(buf, name.next, infe.end).value : "";
    if (type === "Exif" || (type === "mime" && /xmp|rdf\+xml/i.test(contentType))) ids.add(id);
  }
  return ids;
}

/** Absolute file extents of the given items (construction method 0 = file, 1 = idat). */
function extentsOf(buf: Buffer, iloc: Box, idat: Box | undefined, ids: Set<number>): Extent[] {
  const out: Extent[] = [];
  let at = iloc.start + iloc.headerSize;
  const version = buf[at] ?? 0;
  at += 4;
  const offsetSize = (buf[at] ?? 0) >> 4;
  const lengthSize = (buf[at] ?? 0) & 15;
  const baseOffsetSize = (buf[at + 1] ?? 0) >> 4;
  const indexSize = version >= 1 ? (buf[at + 1] ?? 0) & 15 : 0;
  at += 2;
  const itemCount = version < 2 ? buf.readUInt16BE(at) : buf.readUInt32BE(at);
  at += version < 2 ? 2 : 4;
  for (let i = 0; i < itemCount && at < iloc.end; i++) {
    const id = version < 2 ? buf.readUInt16BE(at) : buf.readUInt32BE(at);
    at += version < 2 ? 2 : 4;
    let method = 0;
    if (version >= 1) {
      method = buf.readUInt16BE(at) & 15;
      at += 2;
    }
    at += 2; // data_reference_index
    const base = readUInt(buf, at, baseOffsetSize);
    at += baseOffsetSize;
    const extentCount = buf.readUInt16BE(at);
    at += 2;
    for (let e = 0; e < extentCount; e++) {
      at += indexSize;
      const offset = readUInt(buf, at, offsetSize);
      at += offsetSize;
      const length = readUInt(buf, at, lengthSize);
      at += lengthSize;
      if (!ids.has(id)) continue;
      if (method === 0) out.push({ offset: base + offset, length });
      else if (method === 1 && idat) out.push({ offset: idat.start + idat.headerSize + base + offset, length });
    }
  }
  return out;
}

/** A copy of the HEIC with its Exif and XMP item bytes zeroed; unchanged when it has none. */
export function stripHeifMetadata(input: Buffer): Buffer {
  const out = Buffer.from(input);
  const meta = metaBox(out);
  if (!meta) return out;
  const children = childrenOf(out, meta, true);
  const iinf = find(children, "iinf");
  const iloc = find(children, "iloc");
  if (!iinf || !iloc) return out;
  const ids = metadataItemIds(out, iinf);
  if (ids.size === 0) return out;
  for (const { offset, length } of extentsOf(out, iloc, find(children, "idat"), ids)) {
    const end = length === 0 ? out.length : Math.min(out.length, offset + length);
    if (offset >= 0 && offset < end) out.fill(0, offset, end);
  }
  return out;
}
