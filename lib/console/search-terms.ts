// How the queue reads what staff type in the search box. Names are compared without
// spaces (half- or full-width) and kana in katakana, so 「やまだはなこ」 finds 「ヤマダ ハナコ」.

export type SearchTerm =
  | { kind: "reference"; exact: string | null; prefix: string }
  | { kind: "email"; email: string }
  | { kind: "name"; name: string; kana: string };

/** NFKC folds full-width digits and letters and half-width kana. */
export function normalizeEmail(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase();
}

export function stripSpaces(s: string): string {
  return s.replace(/[\s\u3000]+/g, "");
}

export function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** "DSR-2026-123", "dsr-2026-000123" and "2026-123" all mean DSR-2026-000123. */
function fullReference(q: string): string | null {
  const m = /^(?:DSR-?)?(\d{4})-(\d{1,6})$/.exec(q);
  return m ? `DSR-${m[1]}-${(m[2] ?? "").padStart(6, "0")}` : null;
}

export function parseSearch(raw: string): SearchTerm | null {
  const q = raw.normalize("NFKC").trim();
  if (!q) return null;
  const upper = q.toUpperCase();
  if (/^DSR/.test(upper) || /^\d{4}-\d+$/.test(upper)) {
    return { kind: "reference", exact: fullReference(upper), prefix: upper.startsWith("DSR") ? upper : `DSR-${upper}` };
  }
  if (q.includes("@")) return { kind: "email", email: normalizeEmail(q) };
  const name = stripSpaces(q);
  return { kind: "name", name, kana: toKatakana(name) };
}

/** Escapes LIKE wildcards in user text. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
