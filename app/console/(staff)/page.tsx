import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/server/current-staff";
import { prisma } from "@/lib/server/db";
import { openString } from "@/lib/server/crypto";
import { isAppError } from "@/lib/errors";
import { getSettings } from "@/lib/settings/get-settings";
import { listQueue, type QueuePage } from "@/lib/console/queue";
import { listAssignableStaff } from "@/lib/console/assignable-staff";
import { Alert, PageHeader } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { QueueFilters } from "@/components/console/queue-filters";
import { QueueTable, type SortLink } from "@/components/console/queue-table";
import {
  DEFAULT_STATUSES,
  QUEUE_SEARCH_COOKIE,
  queueInput,
  queueQuery,
  readQueueParams,
  type QueueParams,
  type SearchParams,
} from "./queue-params";
import { clearQueueSearchAction, searchQueueAction } from "./queue-search";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.queue"))("title") };
}

async function searchFromCookie(): Promise<string | undefined> {
  const sealed = (await cookies()).get(QUEUE_SEARCH_COOKIE)?.value;
  if (!sealed) return undefined;
  try {
    return openString(sealed);
  } catch {
    return undefined; // a cookie sealed with another key: as if there were none
  }
}

const href = (p: QueueParams, change: Partial<QueueParams> = {}) => `/console?${queueQuery(p, change)}`;

export default async function QueuePageView({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const me = await requireStaffPage("read:request");
  const t = await getTranslations("console.queue");
  const params = readQueueParams(await searchParams);
  const search = params.ref ? undefined : await searchFromCookie();
  const [staff, settings] = await Promise.all([listAssignableStaff({ actor: me }), getSettings(prisma)]);
  let page: QueuePage | null = null;
  try {
    page = await listQueue({ actor: me, input: queueInput(params, search) });
  } catch (err) {
    if (!isAppError(err) || err.code !== "INVALID_INPUT") throw err;
  }

  const sortLink = (key: "dueAt" | "arrivedAt" | "reference"): SortLink => {
    const current = params.sort === key ? (params.direction === "asc" ? "ascending" : "descending") : undefined;
    const next = current === "ascending" ? "desc" : "asc";
    return {
      key,
      href: href(params, { sort: key, direction: next, page: 1 }),
      current,
      nextLabel: next === "asc" ? t("table.sortAsc") : t("table.sortDesc"),
    };
  };
  const views = [
    { key: "open", href: "/console" },
    {
      key: "mine",
      href: href({ ...params, assignee: "me", page: 1, dueSoon: false, overdue: false, status: DEFAULT_STATUSES }),
    },
    {
      key: "unassigned",
      href: href({
        ...params,
        assignee: "unassigned",
        page: 1,
        dueSoon: false,
        overdue: false,
        status: DEFAULT_STATUSES,
      }),
    },
    { key: "dueSoon", href: href({ ...params, dueSoon: true, overdue: false, page: 1 }) },
    { key: "overdue", href: href({ ...params, overdue: true, dueSoon: false, page: 1 }) },
  ];
  const returnTo = queueQuery(params, { page: 1 });
  const term = params.ref ?? search;
  const from = page ? (page.page - 1) * page.pageSize + 1 : 0;
  const to = page ? from + page.rows.length - 1 : 0;

  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <nav aria-label={t("views.label")} className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {views.map((v) => (
            <li key={v.key}>
              <Link href={v.href} className={buttonClass("secondary", "sm")}>
                {t(`views.${v.key}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="queue-search-title" className="mb-4 rounded-md border border-stone-300 bg-white p-4">
        <h2 id="queue-search-title" className="sr-only">
          {t("search.title")}
        </h2>
        <form action={searchQueueAction} className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <input type="hidden" name="returnTo" value={returnTo} />
          <div className="min-w-0 flex-1">
            <label htmlFor="queue-search" className="mb-1 block font-semibold">
              {t("search.label")}
            </label>
            <p id="queue-search-hint" className="mb-1 text-sm text-muted">
              {t("search.hint")}
            </p>
            <input
              id="queue-search"
              name="search"
              type="search"
              maxLength={200}
              autoComplete="off"
              aria-describedby="queue-search-hint"
              className="block min-h-11 w-full rounded-md border border-stone-400 bg-white px-3"
            />
          </div>
          <button type="submit" className={buttonClass("primary")}>
            {t("search.submit")}
          </button>
        </form>
        {term ? (
          <form
            action={clearQueueSearchAction}
            className="mt-3 flex flex-wrap items-center gap-3"
            data-testid="queue-search-active"
          >
            <input type="hidden" name="returnTo" value={returnTo} />
            <p role="status">{t("search.active", { term })}</p>
            <button type="submit" className={buttonClass("ghost", "sm")}>
              {t("search.clear")}
            </button>
          </form>
        ) : null}
      </section>

      <QueueFilters
        values={{ ...params }}
        staff={staff}
        dueSoonDays={settings.deadlines.dueSoonDays}
        open={params.filtered}
      />

      {!page ? (
        <Alert tone="danger">{t("badInput")}</Alert>
      ) : (
        <>
          <p className="mb-2 text-sm" role="status" data-testid="queue-count">
            {page.rows.length ? t(page.totalIsCapped ? "countCapped" : "count", { total: page.total, from, to }) : null}
          </p>
          {page.hiddenByFilters > 0 ? (
            <Alert tone="warning" testId="queue-hidden-by-filters">
              {t("hiddenByFilters", { count: page.hiddenByFilters })}{" "}
              <Link
                href={href({
                  ...params,
                  type: [],
                  status: [],
                  identity: [],
                  fee: [],
                  channel: [],
                  assignee: undefined,
                  dueSoon: false,
                  overdue: false,
                  page: 1,
                  filtered: true,
                })}
                className="font-semibold underline"
              >
                {t("showWithoutFilters")}
              </Link>
            </Alert>
          ) : null}
          <QueueTable
            rows={page.rows}
            sortLinks={{ dueAt: sortLink("dueAt"), arrivedAt: sortLink("arrivedAt"), reference: sortLink("reference") }}
            caption={t("table.caption", { sort: t(`table.sortedBy.${params.sort}`) })}
          />
          <nav aria-label={t("pagination")} className="mt-4 flex flex-wrap items-center gap-4">
            {page.page > 1 ? (
              <Link href={href(params, { page: page.page - 1 })} className={buttonClass("secondary", "sm")} rel="prev">
                {t("previous")}
              </Link>
            ) : null}
            <span className="text-sm text-muted">{t("page", { page: page.page })}</span>
            {page.hasNextPage ? (
              <Link href={href(params, { page: page.page + 1 })} className={buttonClass("secondary", "sm")} rel="next">
                {t("next")}
              </Link>
            ) : null}
          </nav>
        </>
      )}
    </>
  );
}
