import { LineCounter, parseDocument, isNode } from "yaml";
import { datasetMapSchema, type DatasetMap } from "./engine";

// Reads a dataset map from YAML (JSON is YAML too) and reports every problem with the
// line and column it sits at, so the admin can fix the company's own file.

export type MapProblem = { line: number | null; column: number | null; path: string; message: string };
export type MapParse = { ok: true; map: DatasetMap } | { ok: false; problems: MapProblem[] };

export function parseMapText(text: string): MapParse {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.slice(0, 20).map((e) => {
        // An error at the very end (an unclosed bracket) has no linePos; its offset still places it.
        const pos = e.linePos?.[0] ?? lineCounter.linePos(Math.min(e.pos[0], Math.max(0, text.length - 1)));
        return { line: pos.line, column: pos.col, path: "", message: e.code };
      }),
    };
  }
  const parsed = datasetMapSchema.safeParse(doc.toJS());
  if (parsed.success) return { ok: true, map: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.slice(0, 50).map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      // The closest node that exists: a missing key is reported at its parent.
      let node: unknown = undefined;
      for (let n = path.length; n >= 0 && !isNode(node); n--)
        node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      const offset = isNode(node) && node.range ? node.range[0] : null;
      const pos = offset !== null ? lineCounter.linePos(offset) : null;
      return { line: pos?.line ?? null, column: pos?.col ?? null, path: path.join("."), message: issue.message };
    }),
  };
}
