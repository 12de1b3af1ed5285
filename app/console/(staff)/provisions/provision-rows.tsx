import type { ErrorCode, FieldErrors } from "@/lib/errors";

export type ProvisionRow = {
  id: string;
  recipientName: string;
  providedOn: string;
  subjectName: string;
  subjectNameKana: string | null;
  customerId: string | null;
  categories: number[];
  items: string;
  basis: string;
  consentDate: string | null;
  retainUntil: string;
};

export type ProvisionSearchState =
  | { status: "idle" }
  | { status: "ok"; rows: ProvisionRow[] }
  | { status: "error"; code: ErrorCode; fieldErrors: FieldErrors };

/** The records as a table (dates are calendar dates, yyyy-mm-dd). */
export type ProvisionTableLabels = {
  caption: string;
  providedOn: string;
  subject: string;
  recipient: string;
  items: string;
  categories: string;
  basis: Record<string, string>;
  basisHeading: string;
  consentDate: string;
  retainUntil: string;
};

export function ProvisionTable({ rows, labels }: { rows: ProvisionRow[]; labels: ProvisionTableLabels }) {
  return (
    <div
      className="overflow-x-auto rounded-md border border-stone-300 bg-white"
      role="region"
      aria-label={labels.caption}
      tabIndex={0}
    >
      <table className="w-full text-left text-sm" data-testid="provision-table">
        <caption className="sr-only">{labels.caption}</caption>
        <thead className="bg-stone-100">
          <tr>
            {(
              [
                "providedOn",
                "subject",
                "recipient",
                "items",
                "categories",
                "basisHeading",
                "consentDate",
                "retainUntil",
              ] as const
            ).map((k) => (
              <th key={k} scope="col" className="p-2 whitespace-nowrap">
                {labels[k]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-stone-200 align-top" data-testid="provision-row">
              <td className="p-2 whitespace-nowrap">{r.providedOn}</td>
              <th scope="row" className="p-2 font-normal">
                {r.subjectName}
                {r.subjectNameKana ? <span className="block text-xs text-muted">{r.subjectNameKana}</span> : null}
                {r.customerId ? <span className="block text-xs text-muted">{r.customerId}</span> : null}
              </th>
              <td className="p-2">{r.recipientName}</td>
              <td className="p-2">{r.items}</td>
              <td className="p-2">{r.categories.join(", ")}</td>
              <td className="p-2">{labels.basis[r.basis] ?? r.basis}</td>
              <td className="p-2 whitespace-nowrap">{r.consentDate ?? "—"}</td>
              <td className="p-2 whitespace-nowrap">{r.retainUntil}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
