import type { ErrorCode, FieldErrors } from "@/lib/errors";
import { DataTable } from "@/components/ui/data-table";

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
    <DataTable
      caption={labels.caption}
      framed
      tableTestId="provision-table"
      head={(
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
      ).map((k) => labels[k])}
      rowHeader={1}
      rows={rows.map((r) => ({
        key: r.id,
        testId: "provision-row",
        cells: [
          <span key="on" className="whitespace-nowrap">
            {r.providedOn}
          </span>,
          <span key="subject">
            {r.subjectName}
            {r.subjectNameKana ? <span className="block text-xs text-muted">{r.subjectNameKana}</span> : null}
            {r.customerId ? <span className="block text-xs text-muted">{r.customerId}</span> : null}
          </span>,
          r.recipientName,
          r.items,
          r.categories.join(", "),
          labels.basis[r.basis] ?? r.basis,
          r.consentDate ?? "—",
          r.retainUntil,
        ],
      }))}
    />
  );
}
