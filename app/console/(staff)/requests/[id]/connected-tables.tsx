import { getTranslations } from "next-intl/server";
import type { Collection } from "@/lib/connected/engine";
import type { ExclusionView } from "@/lib/connected/connected-view";
import { Badge } from "@/components/ui/alert";
import { ExclusionForm, RemoveExclusionForm } from "./connected-forms";
import { DataTable } from "@/components/ui/data-table";

// Rows shown per table on the page; the package always holds them all.
const SHOWN_ROWS = 50;

const show = (v: string | number | boolean | null | undefined) =>
  v === null || v === undefined || v === "" ? "—" : String(v);

/** One system's collection, table by table, fields ordered by Art 2.1 category, with the exclusions marked. */
export async function CollectedTables({
  requestId,
  collectionId,
  result,
  exclusions,
  locale,
  canExclude,
}: {
  requestId: string;
  collectionId: string;
  result: Collection;
  exclusions: ExclusionView[];
  locale: "ja" | "en";
  canExclude: boolean;
}) {
  const t = await getTranslations("connected");
  const tables = result.tables.filter((tb) => tb.rows.length > 0);
  if (tables.length === 0) return <p data-testid="collection-empty">{t("section.nothingFound")}</p>;
  return (
    <div className="flex flex-col gap-4">
      {tables.map((tb) => {
        const columns = [...tb.columns].sort((a, b) => a.category - b.category);
        const label = (col: (typeof columns)[number]) => (locale === "en" ? col.labelEn : col.labelJa);
        return (
          <div key={tb.table} data-testid="collected-table" data-table={tb.table}>
            <h4 className="font-semibold">
              <span className="font-mono">{tb.table}</span>{" "}
              <span className="text-sm font-normal text-muted">
                ({t("section.via")}: {tb.via}) · {t("section.rows", { count: tb.rows.length })}
                {tb.truncated ? ` · ${t("section.truncated")}` : ""}
              </span>
            </h4>
            {tb.rows.slice(0, SHOWN_ROWS).map((row, i) => {
              const keyText = JSON.stringify(row.key);
              const rowExclusions = exclusions.filter(
                (x) => x.table === tb.table && JSON.stringify(x.rowKey) === keyText,
              );
              const wholeRow = rowExclusions.find((x) => x.column === null);
              const rowLabel = `${tb.table} #${i + 1}`;
              return (
                <div
                  key={keyText}
                  className="mt-2 rounded border border-stone-200 p-2"
                  data-testid="collected-row"
                  data-excluded={wholeRow ? "1" : "0"}
                >
                  <DataTable
                    caption={rowLabel}
                    head={[t("section.category"), t("section.field"), t("section.value")]}
                    rowHeader={1}
                    rows={columns.map((col) => {
                      const excluded = wholeRow ?? rowExclusions.find((x) => x.column === col.name);
                      return {
                        key: col.name,
                        testId: "collected-field",
                        data: { "data-column": col.name },
                        cells: [
                          <span key="category" className="whitespace-nowrap">
                            {t("section.categoryItem", { n: col.category })}
                          </span>,
                          label(col),
                          <span key="value" className="break-all">
                            {show(row.values[col.name])}
                            {excluded ? (
                              <>
                                {" "}
                                <Badge tone="warning">
                                  {t("exclusion.marked", { ground: t(`grounds.${excluded.ground}`) })}
                                </Badge>
                              </>
                            ) : null}
                          </span>,
                        ],
                      };
                    })}
                  />
                  {rowExclusions.map((x) => (
                    <p key={x.id} className="mt-1 text-sm">
                      {t("exclusion.item", {
                        what: x.column
                          ? label(
                              columns.find((col) => col.name === x.column) ?? {
                                name: x.column,
                                category: 0,
                                labelJa: x.column,
                                labelEn: x.column,
                              },
                            )
                          : t("exclusion.wholeRow"),
                        ground: t(`grounds.${x.ground}`),
                      })}{" "}
                      {canExclude ? (
                        <RemoveExclusionForm
                          requestId={requestId}
                          exclusionId={x.id}
                          label={t("exclusion.removeLabel", { row: rowLabel })}
                        />
                      ) : null}
                    </p>
                  ))}
                  {canExclude && !wholeRow ? (
                    <ExclusionForm
                      requestId={requestId}
                      collectionId={collectionId}
                      table={tb.table}
                      rowKey={keyText}
                      rowLabel={rowLabel}
                      columns={columns.map((col) => ({ name: col.name, label: label(col) }))}
                    />
                  ) : null}
                </div>
              );
            })}
            {tb.rows.length > SHOWN_ROWS ? (
              <p className="text-sm text-muted">{t("section.moreRows", { count: tb.rows.length - SHOWN_ROWS })}</p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
