// Splits the policy text into articles so pages, notices and mails can link to one
// (/policy#art-6). Works for both languages: "Article 6 (Title)" and "第6条（タイトル）".

export type PolicyBlock =
  { kind: "paragraph"; number?: string; text: string } | { kind: "item"; number: string; text: string };
export type PolicyArticle = { number: number; title: string; blocks: PolicyBlock[] };

const headingPatterns = [/^Article\s+(\d+)\s*\((.+)\)\s*$/, /^第\s*(\d+)\s*条\s*[（(](.+)[）)]\s*$/];

export function parsePolicy(text: string): { preamble: string[]; articles: PolicyArticle[] } {
  const preamble: string[] = [];
  const articles: PolicyArticle[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const heading = headingPatterns.map((p) => p.exec(line)).find(Boolean);
    if (heading?.[1] && heading[2]) {
      articles.push({ number: Number(heading[1]), title: heading[2].trim(), blocks: [] });
      continue;
    }
    const current = articles.at(-1);
    if (!current) {
      preamble.push(line);
      continue;
    }
    const item = /^[(（](\d+)[)）]\s*(.*)$/.exec(line);
    const para = /^(\d+)[.．]\s*(.*)$/.exec(line);
    if (item?.[1]) current.blocks.push({ kind: "item", number: item[1], text: item[2] ?? "" });
    else if (para?.[1]) current.blocks.push({ kind: "paragraph", number: para[1], text: para[2] ?? "" });
    else current.blocks.push({ kind: "paragraph", text: line });
  }
  return { preamble, articles };
}

/** The anchor of an article on the policy page. */
export function articleAnchor(n: number): string {
  return `art-${n}`;
}
