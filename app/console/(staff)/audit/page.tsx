import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/server/current-staff";
import { isAppError } from "@/lib/errors";
import { listAuditEvents, type AuditFilter } from "@/lib/audit/audit-log";
import { Alert, PageHeader } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { VerifyChainForm } from "./verify-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("console.audit"))("title") };
}

type Params = { action?: string; actor?: string; from?: string; to?: string; ref?: string; page?: string };

const one = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

/** The filters in the URL: only action codes, ids, days and a reference number — never personal data. */
function filterOf(sp: Params): AuditFilter {
  const page = Number.parseInt(sp.page ?? "1", 10);
  return {
    action: one(sp.action),
    actor: one(sp.actor),
    from: one(sp.from),
    to: one(sp.to),
    reference: one(sp.ref),
    page: Number.isFinite(page) && page >= 1 ? page : 1,
  };
}

function query(sp: Params, page: number): string {
  const out = new URLSearchParams();
  for (const k of ["action", "actor", "from", "to", "ref"] as const) {
    const v = one(sp[k]);
    if (v) out.set(k, v);
  }
  if (page > 1) out.set("page", String(page));
  return out.toString();
}

// /console/audit — admins read the whole audit log, including entries without a request
// (settings, exports, sign-ins, file views), and run the chain verification.
export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  const me = await requireStaffPage("read:audit");
  const t = await getTranslations("console.audit");
  const root = await getTranslations();
  const format = await getFormatter();
  const sp = await searchParams;
  const filter = filterOf(sp);
  let result: Awaited<ReturnType<typeof listAuditEvents>> | null = null;
  try {
    result = await listAuditEvents({ actor: me, input: filter });
  } catch (err) {
    if (!isAppError(err) || err.code !== "INVALID_INPUT") throw err;
  }
  const actionLabel = (a: string) =>
    root.has(`console.audit.actions.${a}`)
      ? root(`console.audit.actions.${a}`)
      : root.has(`console.timeline.${a}`)
        ? root(`console.timeline.${a}`)
        : a;
  const field = "block min-h-11 w-full rounded-md border border-stone-400 bg-white px-3";
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <section aria-labelledby="audit-filter-title" className="mb-4 rounded-md border border-stone-300 bg-white p-4">
        <h2 id="audit-filter-title" className="mb-3 text-lg font-bold">
          {t("filters.title")}
        </h2>
        <form
          method="get"
          action="/console/audit"
          className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3"
          data-testid="audit-filters"
        >
          <div>
            <label htmlFor="audit-action" className="mb-1 block font-semibold">
              {t("filters.action")}
            </label>
            <select id="audit-action" name="action" defaultValue={filter.action ?? ""} className={field}>
              <option value="">{t("filters.any")}</option>
              {(result?.actions ?? []).map((a) => (
                <option key={a} value={a}>
                  {actionLabel(a)} ({a})
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="audit-actor" className="mb-1 block font-semibold">
              {t("filters.actor")}
            </label>
            <select id="audit-actor" name="actor" defaultValue={filter.actor ?? ""} className={field}>
              <option value="">{t("filters.any")}</option>
              <option value="SYSTEM">{t("actorType.SYSTEM")}</option>
              <option value="REQUESTER">{t("actorType.REQUESTER")}</option>
              <option value="API_TOKEN">{t("actorType.API_TOKEN")}</option>
              {(result?.staff ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="audit-ref" className="mb-1 block font-semibold">
              {t("filters.reference")}
            </label>
            <input
              id="audit-ref"
              name="ref"
              defaultValue={filter.reference ?? ""}
              maxLength={40}
              autoComplete="off"
              placeholder="DSR-2026-000123"
              className={field}
            />
          </div>
          <div>
            <label htmlFor="audit-from" className="mb-1 block font-semibold">
              {t("filters.from")}
            </label>
            <input id="audit-from" name="from" type="date" defaultValue={filter.from ?? ""} className={field} />
          </div>
          <div>
            <label htmlFor="audit-to" className="mb-1 block font-semibold">
              {t("filters.to")}
            </label>
            <input id="audit-to" name="to" type="date" defaultValue={filter.to ?? ""} className={field} />
          </div>
          <div className="flex items-end gap-3">
            <button type="submit" className={buttonClass("primary")}>
              {t("filters.apply")}
            </button>
            <Link href="/console/audit" className={buttonClass("ghost", "sm")}>
              {t("filters.reset")}
            </Link>
          </div>
        </form>
      </section>

      <section aria-labelledby="audit-verify-title" className="mb-4 rounded-md border border-stone-300 bg-white p-4">
        <h2 id="audit-verify-title" className="mb-2 text-lg font-bold">
          {t("verify.title")}
        </h2>
        <VerifyChainForm />
      </section>

      {!result ? (
        <Alert tone="danger">{t("badInput")}</Alert>
      ) : result.rows.length === 0 ? (
        <p className="rounded-md border border-stone-300 bg-white p-4" data-testid="audit-empty">
          {t("empty")}
        </p>
      ) : (
        <ol className="flex flex-col gap-2" aria-label={t("listLabel")}>
          {result.rows.map((e) => (
            <li
              key={e.seq}
              className="rounded-md border border-stone-300 bg-white p-3 text-sm"
              data-testid="audit-row"
              data-action={e.action}
            >
              <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                <span className="font-mono text-muted">#{e.seq}</span>
                <time dateTime={e.at.toISOString()}>
                  {format.dateTime(e.at, { dateStyle: "medium", timeStyle: "medium" })}
                </time>
                <span className="font-bold">{actionLabel(e.action)}</span>
                <code className="text-xs text-muted">{e.action}</code>
              </p>
              <p className="mt-1">
                {t("by")}: {e.actorType === "STAFF" ? (e.actorName ?? e.actorId ?? "—") : t(`actorType.${e.actorType}`)}
                {e.reference ? (
                  <>
                    {" · "}
                    {t("request")}:{" "}
                    <Link href={`/console/requests/${e.requestId}`} className="text-brand-700 underline">
                      {e.reference}
                    </Link>
                  </>
                ) : null}
                {" · "}
                {e.entity}
              </p>
              {e.data && typeof e.data === "object" && Object.keys(e.data).length ? (
                <pre className="mt-1 overflow-x-auto text-xs whitespace-pre-wrap break-all text-muted">
                  {JSON.stringify(e.data)}
                </pre>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {result ? (
        <nav aria-label={t("pagination")} className="mt-4 flex flex-wrap items-center gap-4">
          {result.page > 1 ? (
            <Link
              href={`/console/audit?${query(sp, result.page - 1)}`}
              className={buttonClass("secondary", "sm")}
              rel="prev"
            >
              {t("newer")}
            </Link>
          ) : null}
          <span className="text-sm text-muted">{t("page", { page: result.page })}</span>
          {result.hasNextPage ? (
            <Link
              href={`/console/audit?${query(sp, result.page + 1)}`}
              className={buttonClass("secondary", "sm")}
              rel="next"
            >
              {t("older")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
