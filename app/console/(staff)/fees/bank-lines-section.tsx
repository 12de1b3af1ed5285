import { getTranslations } from "next-intl/server";
import type { listUnmatchedBankLines } from "@/lib/fees/fee-dashboard";
import { formatNumber } from "@/lib/fees/fee-messages";
import { Alert, Badge } from "@/components/ui/alert";
import { BankLineDecision } from "./bank-forms";

type Lines = Awaited<ReturnType<typeof listUnmatchedBankLines>>;

/** Deposits the import could not apply on its own, oldest first, each with its two decisions. */
export async function BankLinesSection({ lines, query, done }: { lines: Lines; query: string; done?: string }) {
  const t = await getTranslations("fees.console.lines");
  const tf = await getTranslations("fees");
  const yen = (n: number) => tf("amount", { amount: formatNumber(n) });
  return (
    <section
      aria-labelledby="bank-lines-title"
      className="rounded-md border border-stone-300 bg-white p-4"
      data-testid="bank-lines"
    >
      <h2 id="bank-lines-title" className="mb-1 text-xl font-bold">
        {tf("dashboard.unmatchedLines")}{" "}
        <span className="text-base font-normal text-muted">({t("count", { count: lines.total })})</span>
      </h2>
      <p className="mb-3 text-sm text-muted">{t("intro")}</p>
      {done ? (
        <Alert live tone="success">
          {done}
        </Alert>
      ) : null}
      {lines.lines.length ? (
        <ol className="space-y-4">
          {lines.lines.map((l) => (
            <li key={l.id} className="rounded-md border border-stone-300 p-3" data-testid="bank-line">
              <h3 className="mb-2 flex flex-wrap items-center gap-2 font-semibold">
                <span>{t("lineTitle", { date: l.bookedOn.toISOString().slice(0, 10), amount: yen(l.amount) })}</span>
                <Badge tone={l.status === "ALREADY_SETTLED" ? "info" : "warning"}>{tf(`bankLine.${l.status}`)}</Badge>
              </h3>
              <dl className="mb-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                <dt className="text-muted">{t("payerName")}</dt>
                <dd className="break-all">{l.payerName}</dd>
                <dt className="text-muted">{t("foundReference")}</dt>
                <dd>
                  {l.request
                    ? t("requestFacts", {
                        reference: l.request.reference,
                        status: tf(`status.${l.request.fee}`),
                        fee: yen(l.request.feeAmount),
                      })
                    : (l.reference ?? t("noReference"))}
                </dd>
                <dt className="text-muted">{t("file")}</dt>
                <dd className="break-all">{t("fileFacts", { name: l.import.fileName, line: l.lineNo })}</dd>
              </dl>
              <BankLineDecision
                lineId={l.id}
                suggestedReference={l.request?.reference ?? ""}
                amountText={yen(l.amount)}
                query={query}
              />
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("none")}</p>
      )}
      {lines.total > lines.lines.length ? (
        <p className="mt-3 text-sm">{t("more", { shown: lines.lines.length, total: lines.total })}</p>
      ) : null}
    </section>
  );
}
