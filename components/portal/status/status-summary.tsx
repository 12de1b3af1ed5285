import { JST_ZONE } from "@/lib/dates";
import { getFormatter, getTranslations } from "next-intl/server";
import type { RequesterView } from "@/lib/requester/requester-view";
import { Badge } from "@/components/ui/alert";

const tone = (v: RequesterView) =>
  v.status === "WAITING_FOR_REQUESTER"
    ? "warning"
    : v.open
      ? "info"
      : v.status === "CLOSED" || v.status === "DECIDED"
        ? "success"
        : "neutral";

/** Where the request stands in plain words, its dates, and what we need from the person. */
export async function StatusSummary({ view }: { view: RequesterView }) {
  const t = await getTranslations("portal.status.view");
  const tr = await getTranslations("requests");
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "long", timeZone: JST_ZONE });
  return (
    <>
      <section
        aria-labelledby="state-title"
        className="mb-6 rounded-md border border-brand-100 bg-white p-4"
        data-testid="status-summary"
      >
        <h2 id="state-title" className="mb-2 flex flex-wrap items-center gap-2 text-xl font-bold">
          {t("stateTitle")} <Badge tone={tone(view)}>{tr(view.statusTitleKey)}</Badge>
        </h2>
        <p className="mb-3" data-testid="status-description">
          {tr(view.statusDescriptionKey)}
        </p>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
          <dt className="font-semibold text-muted">{t("type")}</dt>
          <dd>{tr(`types.${view.type}`)}</dd>
          <dt className="font-semibold text-muted">{t("received")}</dt>
          <dd>{day(view.receivedAt)}</dd>
          {view.targetAt && view.open ? (
            <>
              <dt className="font-semibold text-muted">{t("target")}</dt>
              <dd data-testid="target-date">
                {day(view.targetAt)}
                {view.paused ? <span className="block text-sm text-muted">{t("paused")}</span> : null}
              </dd>
            </>
          ) : null}
          {view.identity !== "NOT_REQUIRED" ? (
            <>
              <dt className="font-semibold text-muted">{t("identity")}</dt>
              <dd>{tr(`identityStatus.${view.identity}`)}</dd>
            </>
          ) : null}
        </dl>
      </section>
      {view.needs.length ? (
        <section
          aria-labelledby="needs-title"
          className="mb-6 rounded-md border-l-4 border-warn bg-amber-50 p-4"
          data-testid="needs"
        >
          <h2 id="needs-title" className="mb-2 text-xl font-bold">
            {t("needsTitle")}
          </h2>
          <ul className="list-disc space-y-1 pl-5">
            {view.needs.map((n) => (
              <li key={n.kind}>
                {tr(n.key)}
                {n.documentKinds?.length ? (
                  <span className="block text-sm">
                    {t("whichDocuments", { kinds: n.documentKinds.map((k) => tr(`documentKinds.${k}`)).join("、") })}
                  </span>
                ) : null}
                {n.kind === "PAYMENT" ? (
                  <a href="#fee-panel-title" className="ml-1 text-brand-700 underline">
                    {t("howToPay")}
                  </a>
                ) : null}
                {n.kind === "ANSWER" ||
                n.kind === "CLEARER_COPY" ||
                n.kind === "UNMASKED_COPY" ||
                n.kind === "DOCUMENTS" ? (
                  <a href="#f-body" className="ml-1 text-brand-700 underline">
                    {t("writeMessage")}
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {view.documents.length ? (
        <section aria-labelledby="docs-title" className="mb-6">
          <h2 id="docs-title" className="mb-2 text-xl font-bold">
            {t("documentsTitle")}
          </h2>
          <ul className="space-y-1">
            {view.documents.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center gap-2">
                {tr(`documentKinds.${d.kind}`)}
                <Badge tone={d.review === "ACCEPTED" ? "success" : d.review === "UNREVIEWED" ? "neutral" : "warning"}>
                  {tr(`documentReview.${d.review}`)}
                </Badge>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
