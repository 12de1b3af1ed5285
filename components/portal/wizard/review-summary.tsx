import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { formatAddress } from "@/lib/requests/format-address";
import type { RequestSubmission } from "@/lib/requests/request-schemas";

type Row = [label: string, value: ReactNode];

async function Section({ title, href, rows }: { title: string; href: string; rows: Row[] }) {
  const t = await getTranslations("portal.wizard.review");
  return (
    <section className="mb-4 rounded-md border border-brand-100 bg-white p-4" aria-label={title}>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-bold">{title}</h2>
        <Link href={href} className="text-brand-700 underline">
          {t("change")}
          <span className="sr-only">{t("changeWhat", { what: title })}</span>
        </Link>
      </div>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
        {rows.map(([label, value], i) => (
          <div key={i} className="contents">
            <dt className="font-semibold text-muted">{label}</dt>
            <dd className="mb-2 break-words whitespace-pre-line sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Everything the person entered, as it will be filed, each part with a link back to its step. */
export async function ReviewSummary({
  s,
  files,
}: {
  s: RequestSubmission;
  files: { kind: string; holder: string; name: string }[];
}) {
  const t = await getTranslations("portal.wizard");
  const tr = await getTranslations("requests");
  const none = t("review.none");
  const cat = (n: number) => `(${n}) ${tr(`categories.${n}`)}`;
  const d = s.details as Record<string, unknown>;
  const list = (v: unknown) => (Array.isArray(v) && v.length ? v.map((n) => cat(Number(n))).join("\n") : none);
  const opt = (v: unknown) => (typeof v === "string" && v ? v : none);

  const details: Row[] = [];
  switch (s.type) {
    case "DISCLOSURE": {
      const period = d.period as { from?: string; to?: string } | undefined;
      details.push(
        [t("details.categories"), list(d.categories)],
        [
          t("details.period"),
          period?.from || period?.to
            ? t("review.period", { from: period.from ?? "—", to: period.to ?? "—" })
            : t("review.allPeriods"),
        ],
        [
          t("fields.deliveryMethod"),
          `${tr(`deliveryMethods.${String(d.deliveryMethod)}`)}${d.deliveryNote ? `\n${String(d.deliveryNote)}` : ""}`,
        ],
        [t("fields.includeProvisionRecords"), d.includeProvisionRecords ? t("review.yes") : t("review.no")],
      );
      break;
    }
    case "CORRECTION": {
      details.push([t("fields.action"), tr(`correctionActions.${String(d.action)}`)]);
      const items = (d.items as { category: number; current?: string; corrected?: string }[]) ?? [];
      items.forEach((item, i) =>
        details.push([
          t("details.item", { n: i + 1 }),
          `${cat(item.category)}\n${t("fields.item.current")}: ${item.current ?? "—"}\n${t("fields.item.corrected")}: ${item.corrected ?? "—"}`,
        ]),
      );
      details.push([t("fields.reason"), opt(d.reason)]);
      break;
    }
    case "SUSPENSION":
    case "THIRD_PARTY_STOP":
      details.push(
        [t("details.categories"), list(d.categories)],
        [t("fields.ground"), tr(`suspensionGrounds.${String(d.ground)}`)],
      );
      if (d.purpose)
        details.push([t("fields.purpose"), `(${String(d.purpose)}) ${tr(`purposes.${String(d.purpose)}`)}`]);
      if (d.wanted) details.push([t("fields.wanted"), tr(`suspensionWanted.${String(d.wanted)}`)]);
      details.push([t("fields.recipient"), opt(d.recipient)], [t("fields.explanation"), opt(d.explanation)]);
      break;
    case "PURPOSE_NOTICE":
      details.push([t("fields.note"), opt(d.note)]);
      break;
  }

  const subject = s.subject;
  const locale = (await getLocale()) === "en" ? "en" : "ja";
  return (
    <>
      <Section title={t("steps.type")} href="/requests/new" rows={[[t("review.type"), tr(`types.${s.type}`)]]} />
      <Section
        title={t("steps.requester")}
        href="/requests/new/requester"
        rows={[
          [t("review.requesterKind"), tr(`requesterKinds.${s.requesterKind}`)],
          ...(s.agent
            ? ([
                [t("fields.agent.name"), t("review.withKana", { name: s.agent.name, kana: s.agent.nameKana })],
                [t("fields.agent.email"), s.agent.email],
                [t("fields.agent.phone"), s.agent.phone],
                [t("fields.agent.address"), s.agent.address],
              ] satisfies Row[])
            : []),
        ]}
      />
      <Section
        title={t("steps.subject")}
        href="/requests/new/subject"
        rows={[
          [
            t("fields.name"),
            subject.nameKana ? t("review.withKana", { name: subject.name, kana: subject.nameKana }) : subject.name,
          ],
          [t("fields.birthDate"), subject.birthDate],
          [t("review.address"), formatAddress(subject, locale)],
          [t("fields.email"), subject.email],
          [t("fields.phone"), subject.phone],
          [t("fields.customerId"), subject.customerId ?? none],
          [t("fields.relationship"), tr(`relationships.${subject.relationship}`)],
        ]}
      />
      <Section title={t("steps.details")} href="/requests/new/details" rows={details} />
      <Section
        title={t("steps.documents")}
        href="/requests/new/documents"
        rows={[
          [
            t("review.files"),
            files.length
              ? files
                  .map((f) =>
                    t("review.fileLine", {
                      kind: tr(`documentKinds.${f.kind}`),
                      holder: tr(`documentHolders.${f.holder}`),
                      name: f.name,
                    }),
                  )
                  .join("\n")
              : none,
          ],
          [t("review.byPost"), s.documents.sendByPost ? t("review.yes") : t("review.no")],
        ]}
      />
    </>
  );
}
