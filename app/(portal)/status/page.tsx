import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requesterView } from "@/lib/requester/requester-view";
import { requesterActor } from "@/lib/requester/requester-session";
import { requesterFeeView } from "@/lib/fees/fee-overview";
import { MAX_FILE_BYTES, MAX_FILES } from "@/lib/uploads/upload-limits";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { FeePanel } from "@/components/portal/fee-panel";
import { StatusAccessForm } from "@/components/portal/status/status-access-form";
import { StatusSummary } from "@/components/portal/status/status-summary";
import { MessageThread } from "@/components/portal/status/message-thread";
import { MessageForm } from "@/components/portal/status/message-form";
import { NoticesList } from "@/components/portal/status/notices-list";
import { PackageSection } from "@/components/portal/status/package-section";
import { initialFormState } from "@/lib/form-state";
import { downloadCodeAction, postMessageAction, signOutAction, statusAccessAction } from "./actions";
import { currentRequesterSession } from "./requester-cookie";
import { formPageReferrer } from "../portal-server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal.status"))("title"), referrer: formPageReferrer };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StatusPage({ searchParams }: Props) {
  const t = await getTranslations("portal.status");
  const query = await searchParams;
  const session = await currentRequesterSession();
  if (!session) {
    return (
      <div className="mx-auto max-w-2xl">
        <h1 className="mb-2 text-2xl font-bold">{t("title")}</h1>
        {query.link === "invalid" ? <Alert tone="warning">{t("access.linkInvalid")}</Alert> : null}
        {query.link === "expired" ? <Alert tone="warning">{t("access.linkExpired")}</Alert> : null}
        {query.signedOut ? (
          <Alert tone="success" live>
            {t("access.signedOut")}
          </Alert>
        ) : null}
        {query.payment === "signin" ? <Alert tone="warning">{t("access.signInToPay")}</Alert> : null}
        <p className="mb-6">{t("access.lead")}</p>
        <StatusAccessForm action={statusAccessAction} initial={initialFormState()} />
        <p className="mt-6 text-sm text-muted">{t("access.noEnumeration")}</p>
      </div>
    );
  }
  const view = await requesterView(session);
  const fee = await requesterFeeView({ actor: requesterActor(session) });
  const download = typeof query.download === "string" ? query.download : undefined;
  return (
    <div className="mx-auto max-w-3xl">
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="text-lg">
            {t("view.reference")}{" "}
            <span className="font-bold tracking-wider" data-testid="status-reference">
              {view.reference}
            </span>
          </p>
        </div>
        <form action={signOutAction}>
          <button type="submit" className={buttonClass("secondary", "sm")}>
            {t("signOut")}
          </button>
        </form>
      </div>
      {query.withdrawn ? (
        <Alert tone="success" live>
          {t("withdraw.done")}
        </Alert>
      ) : null}
      <StatusSummary view={view} />
      {view.package ? <PackageSection pkg={view.package} codeAction={downloadCodeAction} download={download} /> : null}
      {fee.fee !== "NOT_REQUIRED" ? (
        <div className="mb-6">
          <FeePanel fee={fee} payment={query.payment} />
        </div>
      ) : null}
      <section aria-labelledby="messages-title" className="mb-6">
        <h2 id="messages-title" className="mb-2 text-xl font-bold">
          {t("messages.title")}
        </h2>
        <MessageThread messages={view.messages} />
        {view.canMessage ? (
          <MessageForm
            action={postMessageAction}
            initial={initialFormState()}
            maxBytes={MAX_FILE_BYTES}
            maxFiles={MAX_FILES}
          />
        ) : (
          <p className="text-muted">{t("messages.closed")}</p>
        )}
      </section>
      <NoticesList notices={view.notices} />
      {view.canWithdraw ? (
        <section aria-labelledby="withdraw-title" className="mb-6 rounded-md border border-stone-300 bg-white p-4">
          <h2 id="withdraw-title" className="mb-1 text-xl font-bold">
            {t("withdraw.title")}
          </h2>
          <p className="mb-3">{t("withdraw.lead")}</p>
          <Link href="/status/withdraw" className={buttonClass("danger")}>
            {t("withdraw.start")}
          </Link>
        </section>
      ) : null}
    </div>
  );
}
