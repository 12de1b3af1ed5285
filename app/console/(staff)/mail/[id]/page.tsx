import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/server/current-staff";
import { readOutboxMessage } from "@/lib/mail/mail-viewer";
import { isAppError } from "@/lib/errors";
import { PageHeader } from "@/components/ui/alert";

export default async function MailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const me = await requireStaffPage("read:mail-viewer");
  const t = await getTranslations("mail");
  const { id } = await params;
  const mail = await readOutboxMessage({ actor: me, id }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  return (
    <>
      <p className="mb-3">
        <Link href="/console/mail" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={mail.subject} description={`${t("to")}: ${mail.toAddress} · ${t("recordId")}: ${mail.id}`} />
      {mail.bodyPurgedAt ? <p className="mb-4">{t("bodyPurged")}</p> : null}
      <h2 className="mb-2 text-lg font-bold">{t("textVersion")}</h2>
      <pre
        data-testid="mail-text"
        className="mb-6 overflow-x-auto rounded-md border border-stone-300 bg-white p-4 text-sm whitespace-pre-wrap"
      >
        {mail.text}
      </pre>
      <h2 className="mb-2 text-lg font-bold">{t("htmlVersion")}</h2>
      {/* sandbox with no permissions: the HTML cannot run scripts or navigate the console. */}
      <iframe
        title={t("htmlVersion")}
        sandbox=""
        srcDoc={mail.html}
        className="h-[600px] w-full rounded-md border border-stone-300 bg-white"
      />
    </>
  );
}
