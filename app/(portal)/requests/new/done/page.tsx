import { JST_ZONE } from "@/lib/dates";
import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { isAppError } from "@/lib/errors";
import { prisma } from "@/lib/server/db";
import { getSettings } from "@/lib/settings/get-settings";
import { formatNumber } from "@/lib/fees/fee-messages";
import { REQUESTER_SESSION_COOKIE, resolveRequesterSession } from "@/lib/requester/requester-session";
import { requesterView, type RequesterView } from "@/lib/requester/requester-view";
import { buttonClass } from "@/components/ui/button-class";
import { WizardProgress } from "@/components/portal/wizard-progress";
import { formPageReferrer } from "../../../portal-server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal.done"))("title"), referrer: formPageReferrer };
}

async function filedRequest(): Promise<RequesterView | null> {
  try {
    return await requesterView(await resolveRequesterSession((await cookies()).get(REQUESTER_SESSION_COOKIE)?.value));
  } catch (e) {
    if (isAppError(e)) return null;
    throw e;
  }
}

export default async function RequestDonePage() {
  const view = await filedRequest();
  if (!view) redirect("/status");
  const t = await getTranslations("portal.done");
  const tr = await getTranslations("requests");
  const locale = await getLocale();
  const format = await getFormatter();
  const { operator } = await getSettings(prisma);
  const byPost = view.needs.some((n) => n.kind === "POST_DOCUMENTS");
  return (
    <div className="mx-auto max-w-2xl">
      <WizardProgress current="confirm" />
      <div className="mb-6 rounded-md border-l-4 border-green-700 bg-green-50 p-4" role="status">
        <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
        <p className="mb-1">{t("referenceLabel")}</p>
        <p className="text-2xl font-bold tracking-wider" data-testid="reference">
          {view.reference}
        </p>
        <p className="mt-2 text-sm">{t("referenceHint")}</p>
      </div>
      <p className="mb-4">{t("received", { type: tr(`types.${view.type}`) })}</p>
      <h2 className="mb-2 text-xl font-bold">{t("nextTitle")}</h2>
      <ol className="mb-6 list-decimal space-y-2 pl-6">
        <li>{t("mailSent")}</li>
        {byPost ? (
          <li>
            {t("postDocuments", {
              reference: view.reference,
              address: `〒${operator.postalCode} ${locale === "ja" ? operator.addressJa : operator.addressEn}`,
              company: locale === "ja" ? operator.legalNameJa : operator.legalNameEn,
            })}
          </li>
        ) : null}
        <li>{t("identity")}</li>
        {view.fee.status === "AWAITING_PAYMENT" ? <li>{t("fee", { amount: formatNumber(view.fee.amount) })}</li> : null}
        <li>
          {view.targetAt
            ? t("target", { date: format.dateTime(view.targetAt, { dateStyle: "long", timeZone: JST_ZONE }) })
            : t("targetUnknown")}
        </li>
      </ol>
      <Link href="/status" className={`${buttonClass("primary")} w-full sm:w-auto`}>
        {t("toStatus")}
      </Link>
    </div>
  );
}
