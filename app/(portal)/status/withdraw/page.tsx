import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requesterView } from "@/lib/requester/requester-view";
import { Alert } from "@/components/ui/alert";
import { WithdrawForm } from "@/components/portal/status/withdraw-form";
import { initialFormState } from "@/lib/form-state";
import { withdrawAction } from "../actions";
import { currentRequesterSession } from "../requester-cookie";
import { formPageReferrer } from "../../portal-server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal.status.withdraw"))("title"), referrer: formPageReferrer };
}

/** Withdrawing is final, so it has its own page: what it means, an optional reason, confirm. */
export default async function WithdrawPage() {
  const session = await currentRequesterSession();
  if (!session) redirect("/status");
  const view = await requesterView(session);
  if (!view.canWithdraw) redirect("/status");
  const t = await getTranslations("portal.status.withdraw");
  const tr = await getTranslations("requests");
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="mb-4 text-2xl font-bold">{t("title")}</h1>
      <p className="mb-2">{t("which", { reference: view.reference, type: tr(`types.${view.type}`) })}</p>
      <Alert tone="warning" title={t("warningTitle")}>
        <p>{t("warning")}</p>
        {view.fee.status === "PAID" ? <p className="mt-1">{t("paidFee")}</p> : null}
      </Alert>
      <WithdrawForm action={withdrawAction} initial={initialFormState()} />
    </div>
  );
}
