import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { getFormatter, getTranslations } from "next-intl/server";
import type { QueueRow } from "@/lib/console/queue";
import { Badge } from "@/components/ui/alert";
import { DeadlineBadge } from "./deadline-badge";

type SortKey = "dueAt" | "arrivedAt" | "reference";

export type SortLink = {
  key: SortKey;
  href: string;
  current: "ascending" | "descending" | undefined;
  nextLabel: string;
};

/** A sortable column's header: a link to the other order (the header cell carries aria-sort). */
function SortLinkHead({ label, link }: { label: string; link: SortLink }) {
  return (
    <Link href={link.href} className="text-brand-800 underline" aria-label={`${label}: ${link.nextLabel}`}>
      {label}
      <span aria-hidden="true">
        {link.current === "ascending" ? " ▲" : link.current === "descending" ? " ▼" : " ↕"}
      </span>
    </Link>
  );
}

/**
 * One page of the queue: a table on wider screens, cards on a phone (reference, due date,
 * status, identity and fee without sideways scrolling; issue 17).
 */
export async function QueueTable({
  rows,
  sortLinks,
  caption,
}: {
  rows: QueueRow[];
  sortLinks: Record<SortKey, SortLink>;
  caption: string;
}) {
  const t = await getTranslations("console.queue.table");
  const l = await getTranslations("console.labels");
  const d = await getTranslations("console.deadline");
  const format = await getFormatter();
  const day = (x: Date) => format.dateTime(x, { year: "numeric", month: "2-digit", day: "2-digit" });
  if (!rows.length) return <p className="rounded-md border border-stone-300 bg-white p-4">{t("empty")}</p>;
  const identityTone = (r: QueueRow) =>
    r.identity === "VERIFIED"
      ? "success"
      : r.identity === "FAILED"
        ? "danger"
        : r.identity === "PENDING"
          ? "warning"
          : "neutral";
  const feeTone = (r: QueueRow) =>
    r.fee === "AWAITING_PAYMENT" ? "warning" : r.fee === "PAID" || r.fee === "WAIVED" ? "success" : "neutral";
  return (
    <>
      <ul className="flex flex-col gap-2 md:hidden" aria-label={caption} data-testid="queue-cards">
        {rows.map((r) => (
          <li
            key={r.id}
            className="rounded-md border border-stone-300 bg-white p-3"
            data-testid="queue-card"
            data-reference={r.reference}
          >
            <p className="flex flex-wrap items-baseline justify-between gap-2">
              <Link href={`/console/requests/${r.id}`} className="font-semibold text-brand-700 underline">
                {r.reference}
              </Link>
              <span className="text-sm">{l(`status.${r.status}`)}</span>
            </p>
            <p className="mt-1 text-sm">
              {r.subjectName} · {l(`type.${r.type}`)}
            </p>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-muted">{t("due")}</dt>
              <dd className="flex flex-wrap items-center gap-2">
                {day(r.dueAt)}{" "}
                <DeadlineBadge status={r.deadlineStatus} label={d(r.deadlineStatus, { days: Math.abs(r.daysLeft) })} />
              </dd>
              <dt className="text-muted">{t("identity")}</dt>
              <dd>
                <Badge tone={identityTone(r)}>{l(`identity.${r.identity}`)}</Badge>
              </dd>
              <dt className="text-muted">{t("fee")}</dt>
              <dd>
                <Badge tone={feeTone(r)}>{l(`fee.${r.fee}`)}</Badge>
              </dd>
              <dt className="text-muted">{t("assignee")}</dt>
              <dd>{r.assignee?.name ?? <span className="text-muted">{t("unassigned")}</span>}</dd>
            </dl>
          </li>
        ))}
      </ul>
      <DataTable
        caption={caption}
        framed
        className="hidden md:block"
        head={[
          <SortLinkHead key="reference" label={t("reference")} link={sortLinks.reference} />,
          <SortLinkHead key="due" label={t("due")} link={sortLinks.dueAt} />,
          t("subject"),
          t("type"),
          t("status"),
          t("appi"),
          t("identity"),
          t("fee"),
          t("assignee"),
          <SortLinkHead key="arrived" label={t("arrived")} link={sortLinks.arrivedAt} />,
          t("channel"),
        ]}
        sort={{
          0: sortLinks.reference.current ?? "none",
          1: sortLinks.dueAt.current ?? "none",
          9: sortLinks.arrivedAt.current ?? "none",
        }}
        rows={rows.map((r) => ({
          key: r.id,
          testId: "queue-row",
          data: { "data-reference": r.reference },
          cells: [
            <Link key="reference" href={`/console/requests/${r.id}`} className="font-semibold text-brand-700 underline">
              {r.reference}
            </Link>,
            <span key="c0" className="whitespace-nowrap">
              <span className="block">{day(r.dueAt)}</span>
              <DeadlineBadge status={r.deadlineStatus} label={d(r.deadlineStatus, { days: Math.abs(r.daysLeft) })} />
            </span>,
            <span key="c1" className="block min-w-32">
              <span className="block">{r.subjectName}</span>
              {r.subjectNameKana ? <span className="block text-xs text-muted">{r.subjectNameKana}</span> : null}
            </span>,
            <span key="c2" className="whitespace-nowrap">
              {l(`type.${r.type}`)}
            </span>,
            <span key="c3" className="whitespace-nowrap">
              {l(`status.${r.status}`)}
            </span>,
            <span key="c4" className="whitespace-nowrap">
              {day(r.appiSuitDate)}
            </span>,
            <span key="c5">
              <Badge
                tone={
                  r.identity === "VERIFIED"
                    ? "success"
                    : r.identity === "FAILED"
                      ? "danger"
                      : r.identity === "PENDING"
                        ? "warning"
                        : "neutral"
                }
              >
                {l(`identity.${r.identity}`)}
              </Badge>
            </span>,
            <span key="c6">
              <Badge
                tone={
                  r.fee === "AWAITING_PAYMENT"
                    ? "warning"
                    : r.fee === "PAID" || r.fee === "WAIVED"
                      ? "success"
                      : "neutral"
                }
              >
                {l(`fee.${r.fee}`)}
              </Badge>
            </span>,
            <span key="c7" className="whitespace-nowrap">
              {r.assignee?.name ?? <span className="text-muted">{t("unassigned")}</span>}
            </span>,
            <span key="c8" className="whitespace-nowrap">
              {day(r.arrivedAt)}
            </span>,
            <span key="c9" className="whitespace-nowrap">
              {l(`channel.${r.channel}`)}
            </span>,
          ],
        }))}
      />
    </>
  );
}
