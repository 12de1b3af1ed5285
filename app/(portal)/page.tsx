import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { prisma } from "@/lib/server/db";
import { getSettings } from "@/lib/settings/get-settings";
import { env } from "@/lib/server/env";
import { buttonClass } from "@/components/ui/button-class";
import { formatFee } from "@/lib/fees/format-fee";
import { REQUEST_TYPE_ARTICLES } from "@/lib/policy/request-articles";
import type { WizardRequestType } from "@/lib/requests/request-choices";

// Each card starts the wizard with its own request type chosen, and cites the articles
// that type rests on (the same list the wizard cites).
const kinds = [
  { key: "disclosure", type: "DISCLOSURE" },
  { key: "correction", type: "CORRECTION" },
  { key: "suspension", type: "SUSPENSION" },
  { key: "thirdParty", type: "THIRD_PARTY_STOP" },
  { key: "purpose", type: "PURPOSE_NOTICE" },
] as const satisfies readonly { key: string; type: WizardRequestType }[];

export default async function LandingPage() {
  const t = await getTranslations("portal.landing");
  const locale = await getLocale();
  const settings = await getSettings(prisma);
  const { operator, fee, deadlines } = settings;
  const company = locale === "ja" ? operator.legalNameJa : operator.legalNameEn;
  const online = fee.methods.includes("STRIPE") && Boolean(env().STRIPE_SECRET_KEY) ? "yes" : "no";
  const docs = ["docLicense", "docPassport", "docMyNumber", "docResidence", "docInsurance", "docResident"] as const;
  return (
    <div className="space-y-10">
      <section aria-labelledby="landing-title">
        <h1 id="landing-title" className="mb-4 text-2xl leading-snug font-bold sm:text-3xl">
          {t("title")}
        </h1>
        <p className="mb-6 max-w-3xl">{t("lead", { company })}</p>
        <div className="flex flex-col gap-3 sm:flex-row">
          <Link href="/requests/new" className={buttonClass("primary")}>
            {t("start")}
          </Link>
          <Link href="/status" className={buttonClass("secondary")}>
            {t("status")}
          </Link>
        </div>
      </section>

      <section aria-labelledby="what-title">
        <h2 id="what-title" className="mb-4 text-xl font-bold">
          {t("whatTitle")}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {kinds.map((k) => (
            <li
              key={k.key}
              className="flex flex-col rounded-md border border-brand-100 bg-white p-4"
              data-testid={`landing-card-${k.type}`}
            >
              <h3 className="mb-1 font-bold">{t(`${k.key}Title`)}</h3>
              <p className="mb-2">{t(`${k.key}Body`)}</p>
              <p className="mt-auto flex flex-wrap items-center gap-x-4 text-sm">
                {/* Padded to a 24 px target: on a phone the links wrap onto adjacent lines. */}
                <Link
                  href={`/requests/new?type=${k.type}`}
                  className="inline-block py-1 font-semibold text-brand-700 underline"
                >
                  {t("startType", { title: t(`${k.key}Title`) })}
                </Link>
                {REQUEST_TYPE_ARTICLES[k.type].map((n) => (
                  <Link key={n} href={`/policy#art-${n}`} className="inline-block py-1 text-brand-700 underline">
                    {t("policyLink", { n })}
                  </Link>
                ))}
              </p>
            </li>
          ))}
          <li className="rounded-md border border-brand-100 bg-white p-4">
            <h3 className="mb-1 font-bold">{t("inquiryTitle")}</h3>
            <p className="mb-2">{t("inquiryBody")}</p>
            <p className="flex flex-wrap gap-x-4 text-sm">
              {/* Padded to a 24 px target: on a phone the two links wrap onto adjacent lines. */}
              <Link href="/inquiry" className="inline-block py-1 text-brand-700 underline">
                {t("inquiryLink")}
              </Link>
              <Link href="/policy#art-11" className="inline-block py-1 text-brand-700 underline">
                {t("policyLink", { n: 11 })}
              </Link>
            </p>
          </li>
        </ul>
      </section>

      <section aria-labelledby="fee-title">
        <h2 id="fee-title" className="mb-3 text-xl font-bold">
          {t("feeTitle")}
        </h2>
        <p>{t("feeBody", { amount: formatFee(fee.amount, locale === "en" ? "en" : "ja"), online })}</p>
      </section>

      <section aria-labelledby="docs-title">
        <h2 id="docs-title" className="mb-3 text-xl font-bold">
          {t("documentsTitle")}
        </h2>
        <p className="mb-2">{t("documentsBody")}</p>
        <ul className="mb-3 list-disc pl-6">
          {docs.map((d) => (
            <li key={d}>{t(d, { months: deadlines.certificateFreshnessMonths })}</li>
          ))}
        </ul>
        <p>{t("agentDocs")}</p>
      </section>

      <section aria-labelledby="steps-title">
        <h2 id="steps-title" className="mb-3 text-xl font-bold">
          {t("stepsTitle")}
        </h2>
        <ol className="mb-3 list-decimal space-y-2 pl-6">
          <li>{t("step1")}</li>
          <li>{t("step2")}</li>
          <li>{t("step3")}</li>
          <li>{t("step4", { days: deadlines.targetDays })}</li>
        </ol>
        <p className="text-sm text-muted">{t("stepsNote")}</p>
      </section>

      <section aria-labelledby="postal-title">
        <h2 id="postal-title" className="mb-3 text-xl font-bold">
          {t("postalTitle")}
        </h2>
        <p className="mb-2">{t("postalBody")}</p>
        <address className="mb-3 rounded-md bg-white p-3 not-italic">
          {t("postalAddress", {
            postalCode: operator.postalCode,
            address: locale === "ja" ? operator.addressJa : operator.addressEn,
            company,
          })}
        </address>
        <Link href="/postal" className="text-brand-700 underline">
          {t("postalLink")}
        </Link>
      </section>

      <p className="text-sm text-muted">
        {t("policyNote")}{" "}
        <Link href="/policy#art-6" className="text-brand-700 underline">
          {t("policyLink", { n: 6 })}
        </Link>
      </p>
    </div>
  );
}
