import Link from "next/link";
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

function SortHeader({ label, link }: { label: string; link: SortLink }) {
  return (
    <th scope="col" className="p-2 whitespace-nowrap" aria-sort={link.current ?? "none"}>
      <Link href={link.href} className="text-brand-800 underline" aria-label={`${label}: ${link.nextLabel}`}>
        {label}
        <span aria-hidden="true">
          {link.current === "ascending" ? " ▲" : link.current === "descending" ? " ▼" : " ↕"}
        </span>
      </Link>
    </th>
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
      <div
        className="hidden overflow-x-auto rounded-md border border-stone-300 bg-white md:block"
        role="region"
        aria-label={caption}
        tabIndex={0}
      >
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-stone-100">
            <tr>
              <SortHeader label={t("reference")} link={sortLinks.reference} />
              <SortHeader label={t("due")} link={sortLinks.dueAt} />
              <th scope="col" className="p-2">
                {t("subject")}
              </th>
              <th scope="col" className="p-2">
                {t("type")}
              </th>
              <th scope="col" className="p-2">
                {t("status")}
              </th>
              <th scope="col" className="p-2 whitespace-nowrap">
                {t("appi")}
              </th>
              <th scope="col" className="p-2">
                {t("identity")}
              </th>
              <th scope="col" className="p-2">
                {t("fee")}
              </th>
              <th scope="col" className="p-2">
                {t("assignee")}
              </th>
              <SortHeader label={t("arrived")} link={sortLinks.arrivedAt} />
              <th scope="col" className="p-2">
                {t("channel")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.id}
                className="border-t border-stone-200 align-top"
                data-testid="queue-row"
                data-reference={r.reference}
              >
                <th scope="row" className="p-2 font-normal whitespace-nowrap">
                  <Link href={`/console/requests/${r.id}`} className="font-semibold text-brand-700 underline">
                    {r.reference}
                  </Link>
                </th>
                <td className="p-2 whitespace-nowrap">
                  <span className="block">{day(r.dueAt)}</span>
                  <DeadlineBadge
                    status={r.deadlineStatus}
                    label={d(r.deadlineStatus, { days: Math.abs(r.daysLeft) })}
                  />
                </td>
                <td className="min-w-32 p-2">
                  <span className="block">{r.subjectName}</span>
                  {r.subjectNameKana ? <span className="block text-xs text-muted">{r.subjectNameKana}</span> : null}
                </td>
                <td className="p-2 whitespace-nowrap">{l(`type.${r.type}`)}</td>
                <td className="p-2 whitespace-nowrap">{l(`status.${r.status}`)}</td>
                <td className="p-2 whitespace-nowrap">{day(r.appiSuitDate)}</td>
                <td className="p-2">
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
                </td>
                <td className="p-2">
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
                </td>
                <td className="p-2 whitespace-nowrap">
                  {r.assignee?.name ?? <span className="text-muted">{t("unassigned")}</span>}
                </td>
                <td className="p-2 whitespace-nowrap">{day(r.arrivedAt)}</td>
                <td className="p-2 whitespace-nowrap">{l(`channel.${r.channel}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
