import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/server/current-staff";
import { env } from "@/lib/server/env";
import { cookies } from "next/headers";
import { listOutbox, MAIL_FILTER_COOKIE } from "@/lib/mail/mail-viewer";
import { openString } from "@/lib/server/crypto";
import { prisma } from "@/lib/server/db";
import { getSetting } from "@/lib/settings/get-settings";
import { buttonClass } from "@/components/ui/button-class";
import { clearMailFilterAction, filterMailAction } from "./mail-filter";
import { Badge, PageHeader } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mail"))("viewerTitle") };
}

export default async function MailViewerPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const me = await requireStaffPage("read:mail-viewer");
  const t = await getTranslations("mail");
  const format = await getFormatter();
  const sealed = (await cookies()).get(MAIL_FILTER_COOKIE)?.value;
  let to: string | undefined;
  try {
    to = sealed ? openString(sealed) : undefined;
  } catch {
    to = undefined; // sealed with another key: as if there were none
  }
  const { rows, page, pages, total, more } = await listOutbox({
    actor: me,
    page: Number((await searchParams).page ?? 1),
    to,
  });
  return (
    <>
      <PageHeader
        title={t("viewerTitle")}
        description={env().SMTP_URL ? t("viewerSmtp") : t("viewerIntro", { dir: env().MAIL_CAPTURE_DIR })}
      />
      <p className="mb-4 text-sm" data-testid="mail-redaction-note">
        {t("viewerRedacted", { days: (await getSetting(prisma, "retention")).mailBodyRetentionDays })}
      </p>
      <section aria-labelledby="mail-filter-title" className="mb-4 rounded-md border border-stone-300 bg-white p-4">
        <h2 id="mail-filter-title" className="sr-only">
          {t("filterTitle")}
        </h2>
        <form action={filterMailAction} className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="min-w-0 flex-1">
            <label htmlFor="mail-to" className="mb-1 block font-semibold">
              {t("filterLabel")}
            </label>
            <p id="mail-to-hint" className="mb-1 text-sm text-muted">
              {t("filterHint")}
            </p>
            <input
              id="mail-to"
              name="to"
              type="search"
              maxLength={254}
              autoComplete="off"
              defaultValue={to ?? ""}
              aria-describedby="mail-to-hint"
              className="block min-h-11 w-full rounded-md border border-stone-400 bg-white px-3"
            />
          </div>
          <button type="submit" className={buttonClass("primary")}>
            {t("filterSubmit")}
          </button>
        </form>
        {to ? (
          <form
            action={clearMailFilterAction}
            className="mt-3 flex flex-wrap items-center gap-3"
            data-testid="mail-filter-active"
          >
            <p role="status">{t("filterActive", { to, total: more ? `${total}+` : total })}</p>
            <button type="submit" className={buttonClass("ghost", "sm")}>
              {t("filterClear")}
            </button>
          </form>
        ) : null}
      </section>
      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <DataTable
          caption={t("viewerTitle")}
          framed
          head={[t("sentAt"), t("to"), t("subject"), t("status")]}
          rowHeader={2}
          rows={rows.map((m) => ({
            key: m.id,
            testId: "mail-row",
            cells: [
              <span key="at" className="whitespace-nowrap">
                {format.dateTime(m.createdAt, { dateStyle: "short", timeStyle: "short" })}
              </span>,
              <span key="to" className="break-all">
                {m.toAddress}
              </span>,
              <Link key="subject" href={`/console/mail/${m.id}`} className="text-brand-700 underline">
                {m.subject}
              </Link>,
              <Badge key="status" tone={m.status === "SENT" ? "success" : m.status === "FAILED" ? "danger" : "warning"}>
                {t(`outbox.${m.status}`)}
              </Badge>,
            ],
          }))}
        />
      )}
      <nav className="mt-4 flex flex-wrap items-center gap-4" aria-label={t("pagination")}>
        {page > 1 ? (
          <Link href={`/console/mail?page=${page - 1}`} className={buttonClass("secondary", "sm")} rel="prev">
            {t("previous")}
          </Link>
        ) : null}
        <span className="text-sm text-muted" data-testid="mail-page">
          {t("pageOf", { page, pages: more ? `${pages}+` : pages })}
        </span>
        {page < pages || more ? (
          <Link href={`/console/mail?page=${page + 1}`} className={buttonClass("secondary", "sm")} rel="next">
            {t("next")}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
