import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { prisma } from "@/lib/server/db";
import { getSettings } from "@/lib/settings/get-settings";
import { formatNumber } from "@/lib/fees/fee-messages";
import { loadWizardDraft } from "@/lib/requests/wizard-draft";
import { buttonClass } from "@/components/ui/button-class";
import { draftKeyFromCookie } from "../requests/new/wizard-cookie";
import { formPageReferrer } from "../portal-server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal.postal"))("title"), referrer: formPageReferrer };
}

/** Requests by post (Art 6.2): the form to print, what to enclose, where to send it. */
export default async function PostalPage() {
  const t = await getTranslations("portal.postal");
  const tr = await getTranslations("requests");
  const locale = await getLocale();
  const { operator, fee, deadlines } = await getSettings(prisma);
  const company = locale === "ja" ? operator.legalNameJa : operator.legalNameEn;
  const hasDraft = Boolean(await loadWizardDraft(await draftKeyFromCookie()));
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-6">{t("lead")}</p>
      <ol className="mb-8 space-y-6">
        <li>
          <h2 className="mb-2 text-xl font-bold">{t("step1Title")}</h2>
          <p className="mb-3">{t("step1Body")}</p>
          <div className="flex flex-col gap-3 sm:flex-row">
            <a href="/postal/form" className={buttonClass("primary")} data-testid="postal-form-blank">
              {t("blankForm")}
            </a>
            {hasDraft ? (
              <a href="/postal/form?filled=1" className={buttonClass("secondary")}>
                {t("filledForm")}
              </a>
            ) : null}
          </div>
        </li>
        <li>
          <h2 className="mb-2 text-xl font-bold">{t("step2Title")}</h2>
          <p className="mb-2">{t("step2Body")}</p>
          <ul className="mb-2 list-disc space-y-1 pl-6">
            <li>{t("docSelf")}</li>
            <li>{t("docAgent", { months: deadlines.certificateFreshnessMonths })}</li>
            <li>{tr("documentGuidance.maskMyNumber")}</li>
            <li>{tr("documentGuidance.maskHonseki")}</li>
            <li>{tr("documentGuidance.maskInsurerNumber")}</li>
          </ul>
        </li>
        <li>
          <h2 className="mb-2 text-xl font-bold">{t("step3Title")}</h2>
          <p className="mb-2">{t("step3Body", { amount: formatNumber(fee.amount) })}</p>
        </li>
        <li>
          <h2 className="mb-2 text-xl font-bold">{t("step4Title")}</h2>
          <address className="rounded-md border border-brand-100 bg-white p-4 not-italic" data-testid="postal-address">
            {t("address", {
              postalCode: operator.postalCode,
              address: locale === "ja" ? operator.addressJa : operator.addressEn,
              company,
            })}
          </address>
          <p className="mt-2 text-sm text-muted">{t("postage")}</p>
        </li>
      </ol>
      <p className="mb-2">
        {t("online")}{" "}
        <Link href="/requests/new" className="text-brand-700 underline">
          {t("onlineLink")}
        </Link>
      </p>
      <p className="text-sm">
        <Link href="/policy#art-6" className="text-brand-700 underline">
          {t("policy")}
        </Link>
      </p>
    </div>
  );
}
