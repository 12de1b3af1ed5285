import fs from "node:fs";
import path from "node:path";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { cachedFontkit } from "./fontkit-subset-fix";

// Noto Sans JP from the installed font package, embedded as a subset so a one-page
// notice stays a few kilobytes while its Japanese text remains extractable.
const fontDir = path.join(
  /*turbopackIgnore: true*/ process.cwd(),
  "node_modules",
  "@expo-google-fonts",
  "noto-sans-jp",
);
let fontBytes: { regular: Buffer; bold: Buffer } | undefined;

function loadFonts(): { regular: Buffer; bold: Buffer } {
  fontBytes ??= {
    regular: fs.readFileSync(path.join(fontDir, "400Regular", "NotoSansJP_400Regular.ttf")),
    bold: fs.readFileSync(path.join(fontDir, "700Bold", "NotoSansJP_700Bold.ttf")),
  };
  return fontBytes;
}

/**
 * Letters the font cannot draw, made drawable. Noto Sans JP has Latin-1 (é, ü, ß, ø) but
 * not Latin Extended-A, so an address abroad with "Łódź", "Dvořák" or "İstanbul" would
 * print blank boxes: such letters lose their accent (ř → r) or take their base letter
 * (ł → l). Anything else without a glyph is left as is.
 */
const BASE_LETTERS: Record<string, string> = {
  ł: "l",
  Ł: "L",
  ı: "i",
  đ: "d",
  Đ: "D",
  ħ: "h",
  Ħ: "H",
  ŧ: "t",
  Ŧ: "T",
  ŋ: "n",
  Ŋ: "N",
  ĸ: "k",
  ŀ: "l",
  Ŀ: "L",
  ſ: "s",
  œ: "oe",
  Œ: "OE",
};

export function drawableText(text: string, hasGlyph: (codePoint: number) => boolean): string {
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80 || ch === "\n" || hasGlyph(cp)) {
      out += ch;
      continue;
    }
    const bare = ch.normalize("NFD").replace(/\p{M}/gu, "");
    const base =
      bare && bare !== ch && [...bare].every((c) => hasGlyph(c.codePointAt(0) ?? 0)) ? bare : BASE_LETTERS[ch];
    out += base ?? ch;
  }
  return out;
}

type GlyphFont = { hasGlyphForCodePoint(codePoint: number): boolean };

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;

export type PdfBlock =
  | { kind: "title"; text: string }
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string; size?: number }
  | { kind: "fields"; rows: [label: string, value: string][] }
  | { kind: "spacer"; height?: number }
  | { kind: "rule" };

export type PdfMeta = { title: string; author?: string; lang: "ja" | "en" };

const tokenWidths = new WeakMap<PDFFont, Map<string, number>>();

/** Width of one token at size 1, measured once per font: shaping a growing line again for every character made wrapping quadratic (most of a notice's render time). */
function tokenWidth(font: PDFFont, token: string): number {
  let widths = tokenWidths.get(font);
  if (!widths) tokenWidths.set(font, (widths = new Map()));
  let w = widths.get(token);
  if (w === undefined) {
    w = font.widthOfTextAtSize(token, 1);
    if (widths.size < 20_000) widths.set(token, w);
  }
  return w;
}

/** Splits text into lines that fit the width: by word for Latin text, by character for Japanese. */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  const fits = (w: number) => w * size <= maxWidth;
  for (const paragraph of text.split("\n")) {
    let line = "";
    let lineWidth = 0;
    const tokens = paragraph.match(/[A-Za-z0-9@._\-:/,;'"()!?¥$%&+=#]+\s*|\s+|./gu) ?? [];
    for (const token of tokens) {
      const w = tokenWidth(font, token);
      if (fits(lineWidth + w) || line === "") {
        line += token;
        lineWidth += w;
        continue;
      }
      lines.push(line.trimEnd());
      line = token.trimStart();
      lineWidth = tokenWidth(font, line);
      // A single token wider than the line (a long URL): break it by character.
      while (!fits(lineWidth) && line.length > 1) {
        const chars = [...line];
        let cut = 0;
        for (let head = 0; cut < chars.length - 1; cut++) {
          const w = tokenWidth(font, chars[cut] ?? "");
          if (!fits(head + w)) break;
          head += w;
        }
        cut = Math.max(1, cut);
        lines.push(chars.slice(0, cut).join(""));
        line = chars.slice(cut).join("");
        lineWidth = tokenWidth(font, line);
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

/** Lays blocks out top to bottom on A4 pages, adding pages as needed. */
export async function renderPdf(meta: PdfMeta, blocks: PdfBlock[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const fonts = loadFonts();
  doc.registerFontkit(cachedFontkit(fonts.regular));
  const regular = await doc.embedFont(fonts.regular, { subset: true });
  // The same parsed font pdf-lib embeds (cachedFontkit parses each font once); regular and bold cover the same letters.
  const glyphs = cachedFontkit(fonts.regular).create(fonts.regular) as unknown as GlyphFont;
  const hasGlyph = (cp: number) => glyphs.hasGlyphForCodePoint(cp);
  const bold = await doc.embedFont(fonts.bold, { subset: true });
  doc.setTitle(meta.title);
  doc.setAuthor(meta.author ?? "Madoguchi");
  doc.setLanguage(meta.lang === "ja" ? "ja-JP" : "en-US");
  doc.setCreator("Madoguchi");

  let page: PDFPage = doc.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  const width = A4.width - MARGIN * 2;
  const ensure = (h: number) => {
    if (y - h < MARGIN) {
      page = doc.addPage([A4.width, A4.height]);
      y = A4.height - MARGIN;
    }
  };
  const write = (text: string, font: PDFFont, size: number, x = MARGIN, w = width) => {
    for (const line of wrapText(drawableText(text, hasGlyph), font, size, w)) {
      ensure(size * 1.6);
      page.drawText(line, { x, y: y - size, size, font, color: rgb(0.1, 0.12, 0.12) });
      y -= size * 1.6;
    }
  };

  for (const b of blocks) {
    switch (b.kind) {
      case "title":
        write(b.text, bold, 16);
        y -= 8;
        break;
      case "heading":
        y -= 6;
        write(b.text, bold, 11.5);
        break;
      case "paragraph":
        write(b.text, regular, b.size ?? 10.5);
        y -= 4;
        break;
      case "fields": {
        const labelWidth = Math.min(170, width * 0.35);
        for (const [label, value] of b.rows) {
          const startY = y;
          write(label, bold, 10, MARGIN, labelWidth - 8);
          const afterLabel = y;
          y = startY;
          write(value || "—", regular, 10, MARGIN + labelWidth, width - labelWidth);
          y = Math.min(y, afterLabel) - 2;
        }
        y -= 4;
        break;
      }
      case "spacer":
        y -= b.height ?? 12;
        break;
      case "rule":
        ensure(12);
        page.drawLine({
          start: { x: MARGIN, y: y - 4 },
          end: { x: A4.width - MARGIN, y: y - 4 },
          thickness: 0.5,
          color: rgb(0.6, 0.65, 0.64),
        });
        y -= 12;
        break;
    }
  }
  return Buffer.from(await doc.save());
}
