import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatAddress, livesAbroad } from "@/lib/requests/format-address";
import type { RequestDetail } from "@/lib/console/request-detail";
import { documentsByPostOf, parseStoredDetails, type StoredDetails } from "@/lib/requests/stored-details";
import { Facts } from "./facts";
import { DataTable } from "@/components/ui/data-table";

type T = Awaited<ReturnType<typeof getTranslations>>;

function typeFacts(d: StoredDetails, t: T, rq: T): [string, string][] {
  const cats = (list: number[]) => list.map((n) => `(${n}) ${rq(`categories.${n}`)}`).join(" / ");
  switch (d.type) {
    case "DISCLOSURE":
      return [
        [t("categories"), cats(d.details.categories)],
        [
          t("period"),
          t("periodValue", { from: d.details.period.from ?? t("open"), to: d.details.period.to ?? t("open") }),
        ],
        [t("deliveryMethod"), rq(`deliveryMethods.${d.details.deliveryMethod}`)],
        [t("deliveryNote"), d.details.deliveryNote ?? ""],
        [t("provisionRecords"), d.details.includeProvisionRecords ? t("yes") : t("no")],
      ];
    case "CORRECTION":
      return [
        [t("correctionAction"), rq(`correctionActions.${d.details.action}`)],
        [t("reason"), d.details.reason ?? ""],
      ];
    case "SUSPENSION":
      return [
        [t("categories"), cats(d.details.categories)],
        [t("ground"), rq(`suspensionGrounds.${d.details.ground}`)],
        [t("purpose"), d.details.purpose ? `(${d.details.purpose}) ${rq(`purposes.${d.details.purpose}`)}` : ""],
        [t("wanted"), rq(`suspensionWanted.${d.details.wanted}`)],
        [t("recipient"), d.details.recipient ?? ""],
        [t("explanation"), d.details.explanation ?? ""],
      ];
    case "THIRD_PARTY_STOP":
      return [
        [t("categories"), cats(d.details.categories)],
        [t("recipient"), d.details.recipient ?? ""],
        [t("ground"), rq(`suspensionGrounds.${d.details.ground}`)],
        [t("explanation"), d.details.explanation ?? ""],
      ];
    case "PURPOSE_NOTICE":
      return [[t("note"), d.details.note ?? ""]];
    default:
      return [
        [t("topic"), rq(`inquiryTopics.${d.details.topic}`)],
        [t("message"), d.details.message],
        [t("relatedReference"), d.details.reference ?? ""],
      ];
  }
}

/** Who asked and what they asked for, by request type. */
export async function RequestDetails({ r }: { r: RequestDetail }) {
  const t = await getTranslations("console.request.details");
  const rq = await getTranslations("requests");
  const l = await getTranslations("console.labels");
  const format = await getFormatter();
  const stored = parseStoredDetails(r.type, r.details);
  // Abroad (ADR 0014): the address as the person wrote it, lines kept, and the country last.
  const address = livesAbroad(r) ? (
    <span className="whitespace-pre-line" data-testid="address-abroad">
      {formatAddress(r, (await getLocale()) === "en" ? "en" : "ja")}
    </span>
  ) : (
    [r.postalCode ? `〒${r.postalCode}` : "", r.prefecture, r.city, r.addressLine].filter(Boolean).join(" ")
  );
  return (
    <div className="flex flex-col gap-5">
      <div>
        <h3 className="mb-2 font-bold">{t("subject")}</h3>
        <Facts
          items={[
            [t("requesterKind"), l(`requesterKind.${r.requesterKind}`)],
            [t("name"), r.subjectName],
            [t("nameKana"), r.subjectNameKana],
            [
              t("birthDate"),
              r.subjectBirthDate ? format.dateTime(r.subjectBirthDate, { dateStyle: "long", timeZone: "UTC" }) : "",
            ],
            [t("address"), address],
            [t("email"), r.email],
            [t("phone"), r.phone],
            [t("customerId"), r.customerId],
            [t("relationship"), r.relationship ? rq(`relationships.${r.relationship}`) : ""],
          ]}
        />
      </div>
      {r.requesterKind !== "SELF" ? (
        <div>
          <h3 className="mb-2 font-bold">{t("agent")}</h3>
          <Facts
            items={[
              [t("name"), r.agentName],
              [t("nameKana"), r.agentNameKana],
              [t("email"), r.agentEmail],
              [t("phone"), r.agentPhone],
              [t("address"), r.agentAddress],
            ]}
          />
        </div>
      ) : null}
      <div data-testid="type-details">
        <h3 className="mb-2 font-bold">{t("typeDetails")}</h3>
        {stored ? (
          <>
            <Facts items={typeFacts(stored, t, rq)} columns={1} />
            {stored.type === "CORRECTION" ? (
              <div className="mt-3">
                <DataTable
                  caption={t("items")}
                  head={[t("itemCategory"), t("current"), t("corrected")]}
                  rows={stored.details.items.map((item) => [
                    `(${item.category}) ${rq(`categories.${item.category}`)}`,
                    item.current ?? t("none"),
                    item.corrected ?? t("none"),
                  ])}
                />
              </div>
            ) : null}
          </>
        ) : (
          <>
            <p className="mb-2 text-sm text-muted">{t("unreadable")}</p>
            <pre className="overflow-x-auto rounded bg-stone-100 p-2 text-sm whitespace-pre-wrap">
              {JSON.stringify(r.details, null, 2)}
            </pre>
          </>
        )}
        {documentsByPostOf(r.details) ? <p className="mt-2 text-sm">{t("documentsByPost")}</p> : null}
      </div>
    </div>
  );
}
