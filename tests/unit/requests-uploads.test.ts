import fs from "node:fs";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { inspectUpload, assertUploadCount, safeFileName } from "@/lib/uploads/inspect-upload";
import { stripJpegMetadata, stripPngMetadata } from "@/lib/uploads/strip-metadata";
import { stripHeifMetadata } from "@/lib/uploads/heif-metadata";
import { imageDimensions } from "@/lib/uploads/image-dimensions";
import { AppError } from "@/lib/errors";
import {
  heicWithExif,
  jpegWithMetadata,
  MARKERS,
  minimalPdf,
  pngWithMetadata,
  windowsExecutable,
} from "@/tests/fixtures/files/build-fixtures";

const containsMarker = (buf: Buffer) => MARKERS.filter((m) => buf.includes(Buffer.from(m, "latin1")));

async function refusal(p: Promise<unknown>): Promise<string[] | undefined> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe("INVALID_INPUT");
  return (e as AppError).fieldErrors?.file;
}

function pngChunkTypes(buf: Buffer): string[] {
  const types: string[] = [];
  for (let at = 8; at + 12 <= buf.length;) {
    const len = buf.readUInt32BE(at);
    const body = buf.subarray(at + 4, at + 8 + len);
    expect(buf.readUInt32BE(at + 8 + len)).toBe(zlib.crc32(body)); // CRCs untouched and valid
    types.push(body.toString("latin1", 0, 4));
    at += 12 + len;
  }
  return types;
}

describe("metadata removal", () => {
  it("drops EXIF, XMP, IPTC, comments and trailing data from JPEG, keeping ICC and the image", () => {
    const input = jpegWithMetadata(2, 2);
    expect(containsMarker(input)).toHaveLength(5);
    const out = stripJpegMetadata(input);
    expect(containsMarker(out)).toEqual([]);
    expect(out.includes(Buffer.from("KEEP-ICC"))).toBe(true);
    expect(out.includes(Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd0, 0x78, 0x9a]))).toBe(true);
    expect(out.subarray(-2)).toEqual(Buffer.from([0xff, 0xd9]));
    expect(imageDimensions("image/jpeg", out)).toEqual({ width: 2, height: 2 });
  });

  it("drops the EXIF of a real camera-style JPEG and nothing else", () => {
    const input = fs.readFileSync("tests/fixtures/files/drivers-license.jpg");
    expect(input.includes(Buffer.from("GPS-EXIF-MARKER"))).toBe(true);
    const out = stripJpegMetadata(input);
    expect(out.includes(Buffer.from("GPS-EXIF-MARKER"))).toBe(false);
    const app1Length = input.readUInt16BE(input.indexOf(Buffer.from([0xff, 0xe1])) + 2) + 2;
    expect(out.length).toBe(input.length - app1Length);
    expect(imageDimensions("image/jpeg", out)).toEqual({ width: 640, height: 400 });
  });

  it("drops text, EXIF and time chunks from PNG", () => {
    const out = stripPngMetadata(pngWithMetadata(3, 2));
    expect(containsMarker(out)).toEqual([]);
    expect(pngChunkTypes(out)).toEqual(["IHDR", "IDAT", "IEND"]);
  });

  it("zeroes the HEIC Exif item in place, so every offset stays valid", () => {
    const input = heicWithExif();
    const out = stripHeifMetadata(input);
    expect(out.length).toBe(input.length);
    expect(out.includes(Buffer.from("GPS-HEIC-MARKER"))).toBe(false);
    expect(out.includes(Buffer.from("HEVC-IMAGE-DATA-KEEP"))).toBe(true);
    expect(input.includes(Buffer.from("GPS-HEIC-MARKER"))).toBe(true); // the input is not modified
  });
});

describe("inspectUpload", () => {
  it("accepts PDF, JPEG, PNG and HEIC by content, without metadata", async () => {
    const pdf = await inspectUpload({ bytes: minimalPdf(), name: "C:\\Users\\me\\scan.PDF" });
    expect(pdf).toMatchObject({ mimeType: "application/pdf", originalName: "scan.pdf" });
    const jpeg = await inspectUpload({ bytes: jpegWithMetadata(), name: "licence.png" });
    expect(jpeg).toMatchObject({ mimeType: "image/jpeg", originalName: "licence.jpg" });
    expect(containsMarker(jpeg.content)).toEqual([]);
    const png = await inspectUpload({ bytes: new Uint8Array(pngWithMetadata()), name: "card.png" });
    expect(containsMarker(png.content)).toEqual([]);
    const heic = await inspectUpload({ bytes: heicWithExif(), name: "IMG_0001.HEIC" });
    expect(heic).toMatchObject({
      mimeType: "image/heic",
      originalName: "IMG_0001.heic",
      sizeBytes: heicWithExif().length,
    });
    expect(containsMarker(heic.content)).toEqual([]);
  });

  it("refuses an .exe renamed .pdf", async () => {
    expect(await refusal(inspectUpload({ bytes: windowsExecutable(), name: "passport.pdf" }))).toEqual([
      "errors.fileType",
    ]);
  });

  it("refuses other types, empty files and files over 10 MB", async () => {
    expect(
      await refusal(
        inspectUpload({ bytes: Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1"), name: "a.gif" }),
      ),
    ).toEqual(["errors.fileType"]);
    expect(await refusal(inspectUpload({ bytes: Buffer.from("just text"), name: "a.pdf" }))).toEqual([
      "errors.fileType",
    ]);
    expect(await refusal(inspectUpload({ bytes: Buffer.alloc(0), name: "a.pdf" }))).toEqual(["errors.fileEmpty"]);
    const big = Buffer.alloc(50 * 1024 * 1024);
    minimalPdf().copy(big);
    expect(await refusal(inspectUpload({ bytes: big, name: "big.pdf" }))).toEqual(["errors.fileTooLarge"]);
  });

  it("refuses images declaring absurd pixel counts (decompression bombs)", async () => {
    expect(
      await refusal(inspectUpload({ bytes: pngWithMetadata(10_000, 10_000, { pixels: false }), name: "bomb.png" })),
    ).toEqual(["errors.imageTooLarge"]);
    expect(await refusal(inspectUpload({ bytes: jpegWithMetadata(9_000, 9_000), name: "bomb.jpg" }))).toEqual([
      "errors.imageTooLarge",
    ]);
    expect(await refusal(inspectUpload({ bytes: heicWithExif(10_000, 6_000), name: "bomb.heic" }))).toEqual([
      "errors.imageTooLarge",
    ]);
    await expect(inspectUpload({ bytes: heicWithExif(8_000, 6_000), name: "ok.heic" })).resolves.toBeTruthy(); // 48 MP phones exist
  });

  it("refuses damaged images it cannot clean", async () => {
    const truncated = jpegWithMetadata().subarray(0, 40);
    expect(await refusal(inspectUpload({ bytes: truncated, name: "cut.jpg" }))).toEqual(["errors.fileDamaged"]);
  });

  it("names the field it refuses, and limits the count", async () => {
    const e = await inspectUpload({ bytes: windowsExecutable(), name: "x.pdf" }, { field: "attachments.2" }).catch(
      (err: AppError) => err,
    );
    expect((e as AppError).fieldErrors).toEqual({ "attachments.2": ["errors.fileType"] });
    expect(() => assertUploadCount(5, 1)).not.toThrow();
    expect(() => assertUploadCount(5, 2)).toThrow(AppError);
    expect(safeFileName("../../etc/pass\u0000wd", "application/pdf")).toBe("passwd.pdf");
  });
});
