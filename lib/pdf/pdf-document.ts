import fs from "node:fs";
import path from "node:path";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { patchFontkitSubsets } from "./fontkit-subset-fix";

// Noto Sans JP from the installed font package, embedded as a subset so a one-page
// notice stays a few kilobytes while its Japanese text remains extractable.
const fontDir = path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans-jp");
let fontBytes: { regular: Buffer; bold: Buffer } | undefined;

function loadFonts(): { regular: Buffer; bold: Buffer } {
  fontBytes ??= {
    regular: fs.readFileSync(path.join(fontDir, "400Regular", "NotoSansJP_400Regular.ttf")),
    bold: fs.readFileSync(path.join(fontDir, "700Bold", "NotoSansJP_700Bold.ttf")),
  };
  return fontBytes;
}

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

/** Splits text into lines that fit the width: by word for Latin text, by character for Japanese. */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    const tokens = paragraph.match(/[A-Za-z0-9@._\-:/,;'"()!?¥$%&+=#]+\s*|\s+|./gu) ?? [];
    for (const token of tokens) {
      const candidate = line + token;
      if (font.widthOfTextAtSize(candidate, size) <= maxWidth || line === "") {
        line = candidate;
        continue;
      }
      lines.push(line.trimEnd());
      line = token.trimStart();
      // A single token wider than the line (a long URL): break it by character.
      while (font.widthOfTextAtSize(line, size) > maxWidth && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > maxWidth) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
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
  doc.registerFontkit(patchFontkitSubsets(fonts.regular));
  const regular = await doc.embedFont(fonts.regular, { subset: true });
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
    for (const line of wrapText(text, font, size, w)) {
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
        page.drawLine({ start: { x: MARGIN, y: y - 4 }, end: { x: A4.width - MARGIN, y: y - 4 }, thickness: 0.5, color: rgb(0.6, 0.65, 0.64) });
        y -= 12;
        break;
    }
  }
  return Buffer.from(await doc.save());
}
