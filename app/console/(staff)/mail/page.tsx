import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/server/current-staff";
import { env } from "@/lib/server/env";
import { listOutbox } from "@/lib/mail/mail-viewer";
import { prisma } from "@/lib/server/db";
import { getSetting } from "@/lib/settings/get-settings";
import { Badge, PageHeader } from "@/components/ui/alert";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mail"))("viewerTitle") };
}

export default async function MailViewerPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const me = await requireStaffPage("read:mail-viewer");
  const t = await getTranslations("mail");
  const format = await getFormatter();
  const { rows, page, pages } = await listOutbox({ actor: me, page: Number((await searchParams).page ?? 1) });
  return (
    <>
      <PageHeader title={t("viewerTitle")} description={env().SMTP_URL ? t("viewerSmtp") : t("viewerIntro", { dir: env().MAIL_CAPTURE_DIR })} />
      <p className="mb-4 text-sm" data-testid="mail-redaction-note">
        {t("viewerRedacted", { days: (await getSetting(prisma, "retention")).mailBodyRetentionDays })}
      </p>
      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-md border border-stone-300 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className="p-2">{t("sentAt")}</th>
                <th scope="col" className="p-2">{t("to")}</th>
                <th scope="col" className="p-2">{t("subject")}</th>
                <th scope="col" className="p-2">{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id} className="border-t border-stone-200">
                  <td className="p-2 whitespace-nowrap">{format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "short" })}</td>
                  <td className="p-2 break-all">{m.toAddress}</td>
                  <td className="p-2">
                    <Link href={`/console/mail/${m.id}`} className="text-brand-700 underline">
                      {m.subject}
                    </Link>
                  </td>
                  <td className="p-2">
                    <Badge tone={m.status === "SENT" ? "success" : m.status === "FAILED" ? "danger" : "warning"}>{t(`outbox.${m.status}`)}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="mt-4 flex gap-4" aria-label="pagination">
        {page > 1 ? <Link href={`/console/mail?page=${page - 1}`} className="underline">{t("previous")}</Link> : null}
        {page < pages ? <Link href={`/console/mail?page=${page + 1}`} className="underline">{t("next")}</Link> : null}
      </nav>
    </>
  );
}
