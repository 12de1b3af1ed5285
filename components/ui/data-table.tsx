import type { ReactNode } from "react";

// A plain table that scrolls sideways on a phone instead of squeezing; the first cell of
// each row is its header. The scrolling box is focusable and named, so keyboard users
// can scroll it too.
export function DataTable({
  caption,
  head,
  rows,
  testId,
}: {
  caption: string;
  head: string[];
  rows: ReactNode[][];
  testId?: string;
}) {
  return (
    <div className="overflow-x-auto" data-testid={testId} role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-stone-300">
            {head.map((h) => (
              <th key={h} scope="col" className="p-2 whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} className="border-b border-stone-100 align-top">
              {r.map((c, j) =>
                j === 0 ? (
                  <th key={j} scope="row" className="p-2 font-normal whitespace-nowrap">
                    {c}
                  </th>
                ) : (
                  <td key={j} className="p-2 tabular-nums">
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
