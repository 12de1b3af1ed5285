// Pure builder of the disclosure files from collections (no Prisma, no Next): a readable PDF in
// the requester's language (system → table → category → field label → value), JSON for
// machines, and CSV (UTF-8 with BOM, so Excel in Japan opens it correctly).
import { renderPdf, type PdfBlock } from "@/lib/pdf/pdf-document";
import type { Collection, Exclusion, RowKey, ScalarValue } from "../engine/types";
import { categoryLabel } from "./categories";

export type DisclosureSystemInput = {
  /** The data-map system's display name. */
  name: string;
  collection: Collection;
  /** This system's exclusions; applied before anything is built. */
  exclusions: Exclusion[];
};
export type DisclosureFilesInput = {
  systems: DisclosureSystemInput[];
  locale: "ja" | "en";
  requestReference: string;
  /** Defaults to now; fixed in tests. */
  generatedAt?: Date;
};
export type DisclosureFiles = { pdf: Buffer; json: Buffer; csv: Buffer };

type Field = { column: string; category: number; label: string; value: ScalarValue };
type Row = { key: RowKey; fields: Field[] };
type Table = { table: string; label: string; via: string; truncated: boolean; rows: Row[] };
type System = { name: string; collectedAt: string; tables: Table[]; withheldFields: number; withheldRows: number };

const sameKey = (a: RowKey, b: RowKey) => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => String(a[k]) === String(b[k]));
};

/** The collection with exclusions removed: whole rows, or single fields. */
export function applyExclusions(system: DisclosureSystemInput, locale: "ja" | "en"): System {
  let withheldFields = 0;
  let withheldRows = 0;
  const tables: Table[] = system.collection.tables.map((t) => {
    const ex = system.exclusions.filter((e) => e.table === t.table);
    const rows: Row[] = [];
    for (const r of t.rows) {
      const mine = ex.filter((e) => sameKey(e.rowKey, r.key));
      if (mine.some((e) => e.column === undefined)) {
        withheldRows += 1;
        continue;
      }
      const hidden = new Set(mine.map((e) => e.column));
      const fields: Field[] = [];
      for (const c of t.columns) {
        if (hidden.has(c.name)) {
          withheldFields += 1;
          continue;
        }
        fields.push({
          column: c.name,
          category: c.category,
          label: locale === "ja" ? c.labelJa : c.labelEn,
          value: r.values[c.name] ?? null,
        });
      }
      rows.push({ key: r.key, fields });
    }
    const label = (locale === "ja" ? t.labelJa : t.labelEn) ?? t.table;
    return { table: t.table, label, via: t.via, truncated: t.truncated, rows };
  });
  return { name: system.name, collectedAt: system.collection.collectedAt, tables, withheldFields, withheldRows };
}

const text = {
  ja: {
    title: "保有個人データの開示",
    reference: "受付番号",
    generated: "作成日時",
    system: "システム",
    table: "データ",
    row: "件目",
    none: "該当するデータはありませんでした。",
    truncated: "件数が多いため一部のみを記載しています。残りは別途お知らせします。",
    withheld: (f: number, r: number) =>
      `一部の情報（項目 ${f} 件、記録 ${r} 件）は開示していません。理由は別途の通知書をご覧ください。`,
    empty: "（空欄）",
    yes: "はい",
    no: "いいえ",
  },
  en: {
    title: "Disclosure of retained personal data",
    reference: "Reference",
    generated: "Generated",
    system: "System",
    table: "Data",
    row: "Record",
    none: "No data was found.",
    truncated: "Only part of the records is shown because there are many; the rest will follow separately.",
    withheld: (f: number, r: number) =>
      `Some information (${f} field(s), ${r} record(s)) is withheld; the notice explains why.`,
    empty: "(empty)",
    yes: "Yes",
    no: "No",
  },
};

function show(v: ScalarValue, locale: "ja" | "en"): string {
  if (v === null || v === "") return text[locale].empty;
  if (typeof v === "boolean") return v ? text[locale].yes : text[locale].no;
  return String(v);
}

function pdfBlocks(systems: System[], input: DisclosureFilesInput, generatedAt: string): PdfBlock[] {
  const t = text[input.locale];
  const blocks: PdfBlock[] = [
    { kind: "title", text: t.title },
    {
      kind: "fields",
      rows: [
        [t.reference, input.requestReference],
        [t.generated, generatedAt],
      ],
    },
    { kind: "rule" },
  ];
  for (const s of systems) {
    blocks.push({ kind: "heading", text: `${t.system}: ${s.name}` });
    if (s.withheldFields + s.withheldRows > 0)
      blocks.push({ kind: "paragraph", text: t.withheld(s.withheldFields, s.withheldRows), size: 9.5 });
    const tables = s.tables.filter((x) => x.rows.length > 0);
    if (tables.length === 0) blocks.push({ kind: "paragraph", text: t.none });
    for (const table of tables) {
      blocks.push({ kind: "heading", text: `${t.table}: ${table.label}` });
      if (table.truncated) blocks.push({ kind: "paragraph", text: t.truncated, size: 9.5 });
      table.rows.forEach((row, i) => {
        blocks.push({
          kind: "paragraph",
          text: input.locale === "ja" ? `${i + 1}${t.row}` : `${t.row} ${i + 1}`,
          size: 9.5,
        });
        const byCategory = new Map<number, Field[]>();
        for (const f of row.fields) byCategory.set(f.category, [...(byCategory.get(f.category) ?? []), f]);
        for (const [category, fields] of [...byCategory.entries()].sort((a, b) => a[0] - b[0])) {
          blocks.push({ kind: "paragraph", text: categoryLabel(category, input.locale), size: 9 });
          blocks.push({ kind: "fields", rows: fields.map((f) => [f.label, show(f.value, input.locale)]) });
        }
      });
    }
    blocks.push({ kind: "rule" });
  }
  return blocks;
}

function csvCell(v: string): string {
  // A leading = + - @ would run as a formula in a spreadsheet: prefix an apostrophe (numbers stay as they are).
  const safe = /^[=+\-@\t\r]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
}

export async function buildDisclosureFiles(input: DisclosureFilesInput): Promise<DisclosureFiles> {
  const generatedAt = (input.generatedAt ?? new Date()).toISOString();
  const systems = input.systems.map((s) => applyExclusions(s, input.locale));

  const json = Buffer.from(
    JSON.stringify(
      {
        requestReference: input.requestReference,
        generatedAt,
        locale: input.locale,
        systems: systems.map((s) => ({
          name: s.name,
          collectedAt: s.collectedAt,
          withheld: { fields: s.withheldFields, records: s.withheldRows },
          tables: s.tables.map((t) => ({
            table: t.table,
            label: t.label,
            truncated: t.truncated,
            records: t.rows.map((r) => ({
              key: r.key,
              fields: r.fields.map((f) => ({ column: f.column, category: f.category, label: f.label, value: f.value })),
            })),
          })),
        })),
      },
      null,
      2,
    ),
    "utf8",
  );

  const header =
    input.locale === "ja"
      ? ["システム", "データ", "記録", "区分", "項目", "値"]
      : ["System", "Data", "Record", "Category", "Field", "Value"];
  const lines = [header.map(csvCell).join(",")];
  for (const s of systems) {
    for (const t of s.tables) {
      t.rows.forEach((r, i) => {
        for (const f of r.fields) {
          lines.push(
            [
              s.name,
              t.label,
              String(i + 1),
              categoryLabel(f.category, input.locale),
              f.label,
              f.value === null ? "" : show(f.value, input.locale),
            ]
              .map(csvCell)
              .join(","),
          );
        }
      });
    }
  }
  const csv = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8")]);

  const pdf = await renderPdf(
    { title: text[input.locale].title, lang: input.locale },
    pdfBlocks(systems, input, generatedAt),
  );
  return { pdf, json, csv };
}
