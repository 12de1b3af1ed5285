import { isRealDate } from "@/lib/dates";
import iconv from "iconv-lite";
import { AppError, type FieldErrors } from "@/lib/errors";
import { sha256Hex } from "@/lib/server/crypto";
import { normaliseStatementText } from "./transfer-reference";

/*
 * Bank statement CSV (docs/bank-statement-csv.md) — one deposit per line:
 *
 *   取引日,金額,振込依頼人名
 *   2026/11/29,5500,D2026000123 ﾔﾏﾀﾞ ﾊﾅｺ
 *   2026-11-30,"5,500",Ｄ２０２６０００１２４　ｻﾄｳ ｹﾝ
 *
 * - Encoding: UTF-8 (with or without BOM) or Shift_JIS (Windows-31J, as Japanese banks
 *   and Excel write it). Detected from the bytes: a BOM, else strict UTF-8, else Shift_JIS.
 * - Header row optional. With a header, columns are found by name, so a bank's own export
 *   with more columns works: date 取引日/日付/入金日/年月日/date, amount 入金額/入金/金額/
 *   amount (never a 出金 column), payer 振込依頼人名/依頼人名/振込依頼人/摘要/内容/payer/name.
 *   Without one, the first three columns are date, amount, payer name.
 * - Dates: 2026/11/29, 2026-11-29, 2026.11.29, 2026年11月29日 or 20261129; full-width digits ok.
 * - Amounts: integer yen; full-width digits, commas, ¥ and 円 are accepted. An empty,
 *   zero or negative amount is a withdrawal and is skipped.
 * - Quoting as RFC 4180 ("" inside quotes); CRLF or LF.
 * A line that cannot be read refuses the whole file (nothing is guessed), naming the line.
 */

export type StatementLine = { lineNo: number; bookedOn: string; amount: number; payerName: string; lineHash: string };
export type ParsedStatement = { encoding: "utf-8" | "utf-16le" | "shift_jis"; lines: StatementLine[]; skipped: number };

export function decodeStatement(bytes: Buffer): { text: string; encoding: ParsedStatement["encoding"] } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: bytes.subarray(3).toString("utf8"), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    // Not valid UTF-8: Shift_JIS kana and kanji almost never form valid UTF-8 sequences.
    return { text: iconv.decode(bytes, "cp932"), encoding: "shift_jis" };
  }
}

/** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
export function csvRecords(text: string): { lineNo: number; cells: string[] }[] {
  const out: { lineNo: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== "")) out.push({ lineNo: start, cells });
    cells = [];
    cell = "";
  };
  const src = text.replace(/\r\n?/g, "\n");
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else if (ch === "\n") {
      endRecord();
      start = ++line;
    } else {
      cell += ch;
    }
  }
  endRecord();
  return out;
}

export function parseStatementDate(raw: string): string | null {
  const s = raw.normalize("NFKC").trim();
  const m = /^(\d{4})[/\-.年](\d{1,2})[/\-.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${(m[2] ?? "").padStart(2, "0")}-${(m[3] ?? "").padStart(2, "0")}`;
  return isRealDate(iso) ? iso : null;
}

/** Integer yen, `null` for a blank cell; `NaN` when it cannot be read. */
export function parseStatementAmount(raw: string): number | null {
  const s = raw
    .normalize("NFKC")
    .replace(/[\s,¥\\円]/g, "")
    .replace(/^\+/, "");
  if (s === "") return null;
  return /^-?\d{1,12}$/.test(s) ? Number(s) : Number.NaN;
}

const columnNames = {
  date: ["取引日", "日付", "入金日", "年月日", "date"],
  amount: ["入金額", "入金", "金額", "amount"],
  payer: ["振込依頼人名", "依頼人名", "振込依頼人", "摘要", "内容", "payer", "name"],
} as const;

function findColumn(header: string[], names: readonly string[]): number {
  const cells = header.map((h) => h.normalize("NFKC").trim().toLowerCase());
  for (const name of names) {
    const exact = cells.indexOf(name);
    if (exact >= 0) return exact;
  }
  return cells.findIndex((c) => !c.includes("出金") && names.some((n) => c.includes(n)));
}

export function parseStatement(bytes: Buffer): ParsedStatement {
  const { text, encoding } = decodeStatement(bytes);
  const records = csvRecords(text);
  const first = records[0];
  if (!first) throw new AppError("INVALID_INPUT", "empty statement", { content: ["fees.errors.csvEmpty"] });
  const hasHeader =
    parseStatementDate(first.cells[0] ?? "") === null &&
    first.cells.some((c) => findColumn([c], columnNames.date) === 0);
  const cols = hasHeader
    ? {
        date: findColumn(first.cells, columnNames.date),
        amount: findColumn(first.cells, columnNames.amount),
        payer: findColumn(first.cells, columnNames.payer),
      }
    : { date: 0, amount: 1, payer: 2 };
  const errors: FieldErrors = {};
  if (cols.date < 0 || cols.amount < 0 || cols.payer < 0) errors[`lines.${first.lineNo}`] = ["fees.errors.csvColumns"];
  const lines: StatementLine[] = [];
  const seen = new Map<string, number>();
  let skipped = 0;
  for (const rec of hasHeader ? records.slice(1) : records) {
    if (Object.keys(errors).length >= 20) break;
    const width = Math.max(cols.date, cols.amount, cols.payer) + 1;
    if (rec.cells.length < width) {
      errors[`lines.${rec.lineNo}`] = ["fees.errors.csvColumns"];
      continue;
    }
    const amount = parseStatementAmount(rec.cells[cols.amount] ?? "");
    if (amount !== null && Number.isNaN(amount)) errors[`lines.${rec.lineNo}`] = ["fees.errors.csvAmount"];
    const bookedOn = parseStatementDate(rec.cells[cols.date] ?? "");
    if (!bookedOn) (errors[`lines.${rec.lineNo}`] ??= []).push("fees.errors.csvDate");
    if (!bookedOn || Number.isNaN(amount)) continue;
    if (amount === null || amount <= 0) {
      skipped++;
      continue;
    }
    const payerName = (rec.cells[cols.payer] ?? "").trim();
    // The same deposit in an overlapping statement hashes the same; a second identical
    // deposit in one file is told apart by its occurrence number.
    const key = `${bookedOn}|${amount}|${normaliseStatementText(payerName)}`;
    const k = (seen.get(key) ?? 0) + 1;
    seen.set(key, k);
    lines.push({ lineNo: rec.lineNo, bookedOn, amount, payerName, lineHash: sha256Hex(`${key}|${k}`) });
  }
  if (Object.keys(errors).length) throw new AppError("INVALID_INPUT", "unreadable statement lines", errors);
  if (lines.length === 0 && skipped === 0)
    throw new AppError("INVALID_INPUT", "empty statement", { content: ["fees.errors.csvEmpty"] });
  return { encoding, lines, skipped };
}
