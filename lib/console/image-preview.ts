import sharp, { type Metadata } from "sharp";

// Requesters' images are shown to staff as they are only up to a pixel budget: a small
// file can decode to an enormous bitmap (a decompression bomb) and stall the browser of
// whoever opens it. Above the budget staff see a preview the server drew, re-encoded (no
// metadata, nothing of the original's structure); above the hard limit, only a download.

/** 16 MP: a 4,000 × 4,000 photo is shown as it is. */
export const VIEW_PIXEL_BUDGET = 16_000_000;
/** 100 MP: the most the server decodes to draw a preview. */
export const PREVIEW_PIXEL_LIMIT = 100_000_000;
const PREVIEW_EDGE = 2000;

export type ImageView =
  { kind: "original" } | { kind: "preview"; content: Buffer; mimeType: "image/png" } | { kind: "too-large" };

export async function imageView(content: Buffer): Promise<ImageView> {
  let meta: Metadata;
  try {
    // Reads the header only: the bitmap is not decoded to learn its size.
    meta = await sharp(content, { limitInputPixels: false }).metadata();
  } catch {
    return { kind: "too-large" };
  }
  const pixels = (meta.width ?? 0) * (meta.height ?? 0) * Math.max(1, meta.pages ?? 1);
  if (!meta.width || !meta.height) return { kind: "too-large" };
  if (pixels <= VIEW_PIXEL_BUDGET) return { kind: "original" };
  if (pixels > PREVIEW_PIXEL_LIMIT) return { kind: "too-large" };
  try {
    const preview = await sharp(content, { limitInputPixels: PREVIEW_PIXEL_LIMIT, pages: 1 })
      .rotate()
      .resize({ width: PREVIEW_EDGE, height: PREVIEW_EDGE, fit: "inside", withoutEnlargement: true })
      .png()
      .toBuffer();
    return { kind: "preview", content: preview, mimeType: "image/png" };
  } catch {
    return { kind: "too-large" };
  }
}
