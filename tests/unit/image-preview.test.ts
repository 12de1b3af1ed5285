import zlib from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { imageView } from "@/lib/console/image-preview";

// A PNG whose header claims a huge bitmap: what a decompression bomb looks like before decoding.
function pngClaiming(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(Buffer.alloc(16))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("image previews", () => {
  it("an image within the pixel budget is shown as it is", async () => {
    const small = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#fff" } })
      .jpeg()
      .toBuffer();
    expect((await imageView(small)).kind).toBe("original");
  });

  it("an image over the budget becomes a re-encoded preview at most 2,000 px on its long side", async () => {
    const big = await sharp({ create: { width: 4200, height: 4200, channels: 3, background: "#abc" } })
      .png()
      .toBuffer();
    const view = await imageView(big);
    expect(view.kind).toBe("preview");
    if (view.kind !== "preview") return;
    const meta = await sharp(view.content).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 2000, 2000]);
  });

  it("a header claiming 400 megapixels is never decoded: no preview at all", async () => {
    expect((await imageView(pngClaiming(20_000, 20_000))).kind).toBe("too-large");
  });

  it("bytes that are not an image give no preview", async () => {
    expect((await imageView(Buffer.from("not an image"))).kind).toBe("too-large");
  });
});
