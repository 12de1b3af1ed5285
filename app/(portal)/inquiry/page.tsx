import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { InquiryForm } from "@/components/portal/inquiry-form";
import { initialFormState } from "@/lib/form-state";
import { inquiryAction } from "./actions";
import { formPageReferrer } from "../portal-server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal.inquiry"))("title"), referrer: formPageReferrer };
}

export default async function InquiryPage() {
  const t = await getTranslations("portal.inquiry");
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-2">{t("lead")}</p>
      <p className="mb-6 text-sm">
        {t("requestsElsewhere")}{" "}
        <Link href="/requests/new" className="text-brand-700 underline">
          {t("requestsLink")}
        </Link>{" "}
        ·{" "}
        <Link href="/policy#art-11" className="text-brand-700 underline">
          {t("policy11")}
        </Link>{" "}
        ·{" "}
        <Link href="/policy#art-12" className="text-brand-700 underline">
          {t("policy12")}
        </Link>
      </p>
      <InquiryForm action={inquiryAction} initial={initialFormState()} />
    </div>
  );
}
