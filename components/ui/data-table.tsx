import type { ReactNode } from "react";

// The one way to draw a table of records (issue 18): a plain table that scrolls sideways on
// a phone instead of squeezing. The caption names it for screen readers (and names the
// scrolling box, which is focusable so keyboard users can scroll it too); column headers
// have scope="col", and one cell of each row — the first unless `rowHeader` says which —
// is that row's header (scope="row").

/** A row with its own key, test id or data attributes; a bare array of cells is keyed by position. */
export type DataRow = {
  key: string;
  cells: ReactNode[];
  testId?: string;
  data?: Record<`data-${string}`, string>;
  /** A row that heads a group of rows below it (e.g. a database table above its columns). */
  group?: boolean;
  /** This row's header column, where it differs from the table's. */
  rowHeader?: number;
};

export function DataTable({
  caption,
  head,
  rows,
  testId,
  tableTestId,
  labelledBy,
  rowHeader = 0,
  minWidth,
  framed = false,
  sort = {},
  className = "",
}: {
  caption: string;
  head: ReactNode[];
  rows: (ReactNode[] | DataRow)[];
  /** On the scrolling box. */
  testId?: string;
  /** On the table itself. */
  tableTestId?: string;
  /** The id of a heading that names the table's box instead of the caption. */
  labelledBy?: string;
  /** Which column holds each row's header. */
  rowHeader?: number;
  /** A minimum width (e.g. "min-w-[44rem]") for tables with many columns: they scroll instead. */
  minWidth?: `min-w-[${string}]`;
  /** A bordered white box, for tables that stand on the page's grey background. */
  framed?: boolean;
  /** aria-sort of the sortable columns, by column index (their header holds the sort link). */
  sort?: Record<number, "ascending" | "descending" | "none">;
  /** More classes for the box (e.g. shown from a breakpoint up). */
  className?: string;
}) {
  return (
    <div
      className={`overflow-x-auto ${framed ? "rounded-md border border-stone-300 bg-white" : ""} ${className}`}
      data-testid={testId}
      role="region"
      aria-label={labelledBy ? undefined : caption}
      aria-labelledby={labelledBy}
      tabIndex={0}
    >
      <table className={`w-full text-left text-sm ${minWidth ?? ""}`} data-testid={tableTestId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-stone-300">
            {head.map((h, i) => (
              <th key={i} scope="col" className="p-2 whitespace-nowrap" aria-sort={sort[i]}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const r: DataRow = Array.isArray(row) ? { key: String(i), cells: row } : row;
            return (
              <tr
                key={r.key}
                className={`border-b border-stone-100 align-top ${r.group ? "bg-stone-50" : ""}`}
                data-testid={r.testId}
                {...r.data}
              >
                {r.cells.map((c, j) =>
                  j === (r.rowHeader ?? rowHeader) ? (
                    <th key={j} scope="row" className={`p-2 font-normal ${j === 0 ? "whitespace-nowrap" : ""}`}>
                      {c}
                    </th>
                  ) : (
                    <td key={j} className="p-2 tabular-nums">
                      {c}
                    </td>
                  ),
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
