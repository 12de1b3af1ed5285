import fontkit from "@pdf-lib/fontkit";

// @pdf-lib/fontkit 1.1.1 writes a TrueType subset's `loca` in the short format (offsets
// halved) without padding glyph records to an even length, so after the first
// odd-length glyph every later glyph points one byte off: poppler/FreeType draw many
// Japanese characters blank while pdftotext still extracts them (pdf-lib#1232; fixed
// upstream in fontkit 1.8 by foliojs/fontkit#191). Padding each glyph record to an
// even length, as the TrueType spec recommends, makes both loca formats correct.

type SubsetProto = { _addGlyph: (this: SubsetState, gid: number) => number; __madoguchiPadded?: boolean };
type SubsetState = { glyf: Uint8Array[]; offset: number };

let patched = false;

/** Patches the subset encoder once (needs any TrueType font to reach its prototype). */
export function patchFontkitSubsets(sampleFont: Uint8Array): typeof fontkit {
  if (patched) return fontkit;
  const font = fontkit.create(sampleFont) as unknown as { createSubset(): object };
  const proto = Object.getPrototypeOf(font.createSubset()) as SubsetProto;
  if (typeof proto._addGlyph === "function" && !proto.__madoguchiPadded) {
    const addGlyph = proto._addGlyph;
    proto._addGlyph = function (this: SubsetState, gid: number): number {
      const index = addGlyph.call(this, gid);
      const record = this.glyf[index];
      if (record && record.length % 2 === 1) {
        // Same buffer class as the encoder's own records (the bundle carries a Buffer polyfill).
        const Ctor = record.constructor as new (size: number) => Uint8Array;
        const padded = new Ctor(record.length + 1);
        padded.set(record, 0);
        padded[record.length] = 0;
        this.glyf[index] = padded;
        this.offset += 1;
      }
      return index;
    };
    proto.__madoguchiPadded = true;
  }
  patched = true;
  return fontkit;
}

type Fontkit = typeof fontkit;
const parsed = new WeakMap<Uint8Array, ReturnType<Fontkit["create"]>>();

/**
 * The patched fontkit, but parsing each font's bytes once per process. Parsing Noto Sans
 * JP (17,000 glyphs) was most of a notice PDF's cost: ~80 ms and ~10 MB of garbage per
 * render. pdf-lib only reads the parsed font and makes a fresh subset per document, so
 * sharing it between renders is safe.
 */
export function cachedFontkit(sampleFont: Uint8Array): Fontkit {
  const base = patchFontkitSubsets(sampleFont);
  return {
    ...base,
    create(buffer: Uint8Array, postscriptName?: string) {
      if (postscriptName) return base.create(buffer, postscriptName);
      let font = parsed.get(buffer);
      if (!font) {
        font = base.create(buffer);
        parsed.set(buffer, font);
      }
      return font;
    },
  };
}
