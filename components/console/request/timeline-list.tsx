import { getFormatter, getTranslations } from "next-intl/server";
import type { TimelineEntry } from "@/lib/timeline/request-timeline";

/** The request's story from the audit log: what happened, who did it and when (JST). */
export async function TimelineList({ entries }: { entries: TimelineEntry[] }) {
  const root = await getTranslations();
  const t = await getTranslations("console.request.timeline");
  const format = await getFormatter();
  if (!entries.length) return <p>{t("empty")}</p>;
  const who = (e: TimelineEntry) =>
    e.actor.type === "STAFF"
      ? (e.actor.name ?? t("unknownStaff"))
      : e.actor.type === "REQUESTER"
        ? t("requester")
        : e.actor.type === "API_TOKEN"
          ? t("apiToken")
          : t("system");
  // Actions the timeline module does not list yet may still have words here.
  const what = (e: TimelineEntry) => {
    const key = e.messageKey !== "console.timeline.other" ? e.messageKey : `console.timeline.${e.action}`;
    return root.has(key) ? root(key) : root("console.timeline.other", { action: e.action });
  };
  return (
    <ol className="flex flex-col gap-0 border-l-2 border-brand-600 pl-4" data-testid="timeline">
      {entries.map((e) => (
        <li key={e.seq} className="relative pb-3" data-action={e.action}>
          <span aria-hidden="true" className="absolute top-2 -left-[1.3rem] size-2.5 rounded-full bg-brand-700" />
          <p className="font-semibold">{what(e)}</p>
          <p className="text-sm text-muted">
            <time dateTime={e.at.toISOString()}>
              {format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}
            </time>
            {" · "}
            <span data-testid="timeline-actor">{who(e)}</span>
          </p>
        </li>
      ))}
    </ol>
  );
}
