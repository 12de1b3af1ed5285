import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireStaffPage, type CurrentStaff } from "@/lib/server/current-staff";
import { roleHas } from "@/lib/server/permissions";
import { isAppError } from "@/lib/errors";
import { getRequestDetail, type RequestDetail } from "@/lib/console/request-detail";
import { listAssignableStaff } from "@/lib/console/assignable-staff";
import { isOpen } from "@/lib/requests/request-states";
import { outcomeLabelKey } from "@/lib/console/outcome-label";
import { listSystemsOfRecord } from "@/lib/tasks/data-map";
import { staffFeeView } from "@/lib/fees/fee-overview";
import { jstDate } from "@/lib/dates";
import { Badge } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { DeadlineBadge } from "@/components/console/deadline-badge";
import { Facts, Section } from "@/components/console/request/facts";
import { RequestDetails } from "@/components/console/request/request-details";
import { FeePanel } from "@/components/console/request/fee-panel";
import { TimelineList } from "@/components/console/request/timeline-list";
import { AssignForm } from "./assign-form";
import { FeeWaiveForm } from "./fee-waive-form";
import { DocumentsSection } from "./documents-section";
import { IdentitySection } from "./identity-section";
import { DecisionSection } from "./decision-section";
import { TasksSection } from "./tasks-section";
import { PackageSection } from "./package-section";
import { NoticesSection } from "./notices-section";
import { MessagesSection } from "./messages-section";
import { ConnectedSection } from "./connected-section";
import { RequestVersionProvider } from "@/components/console/request-version";
import { NextActionPanel } from "@/components/console/request/next-action-panel";
import { SectionLinks } from "@/components/console/request/section-links";
import { nextAction, type SectionId } from "@/lib/console/next-action";

type Props = { params: Promise<{ id: string }> };

async function load(me: CurrentStaff, id: string): Promise<RequestDetail> {
  try {
    return await getRequestDetail({ actor: me, input: { requestId: id } });
  } catch (err) {
    if (isAppError(err) && (err.code === "NOT_FOUND" || err.code === "INVALID_INPUT")) notFound();
    throw err;
  }
}

export async function generateMetadata(): Promise<Metadata> {
  // Never the person's name in a tab title or the browser history.
  return { title: (await getTranslations("console.request.sections"))("summary") };
}

const sectionIds = [
  "summary",
  "fee",
  "details",
  "documents",
  "identity",
  "decision",
  "tasks",
  "package",
  "notices",
  "messages",
  "timeline",
] as const;

export default async function RequestPage({ params }: Props) {
  const me = await requireStaffPage("read:request");
  const { id } = await params;
  const r = await load(me, id);
  const [staff, systems, fee] = await Promise.all([
    listAssignableStaff({ actor: me }),
    listSystemsOfRecord({ actor: me }),
    staffFeeView({ actor: me, requestId: r.id }),
  ]);
  const t = await getTranslations("console.request");
  const l = await getTranslations("console.labels");
  const c = await getTranslations("console");
  const format = await getFormatter();
  const locale = await getLocale();
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const open = isOpen(r.status);
  const ref = { requestId: r.id, version: r.version };
  const systemNames = systems.map((s) => ({ id: s.id, name: locale === "en" ? s.nameEn : s.nameJa }));
  const today = jstDate(new Date());
  // The state and the next action lead; the sections holding its form come first and open,
  // the others follow closed (one click away); facts, assignment and fee sit in a side column.
  const next = nextAction({
    type: r.type,
    status: r.status,
    identity: r.identity,
    fee: r.fee,
    outcome: r.outcome,
    pendingApproval: r.decisions.some((d) => d.approval === "PENDING" && !d.superseded),
    package: r.package
      ? {
          files: r.package.files.length,
          publishedAt: r.package.publishedAt,
          deliveryMethod: r.package.deliveryMethod,
          postedOn: r.package.postedOn,
        }
      : null,
    openTasks: r.tasks.filter((x) => x.status === "OPEN" || x.status === "FAILED").length,
    tasks: r.tasks.length,
  });
  const finished = next.action === "none";
  const folded = (id: SectionId) => !finished && !next.sections.includes(id);
  const sections: Record<SectionId, ReactNode> = {
    details: (
      <Section key="details" id="details" title={t("sections.details")} folded={folded("details")}>
        <RequestDetails r={r} />
      </Section>
    ),
    documents: <DocumentsSection key="documents" r={r} folded={folded("documents")} />,
    identity: (
      <IdentitySection key="identity" r={r} me={me} open={open} systems={systemNames} folded={folded("identity")} />
    ),
    decision: <DecisionSection key="decision" r={r} me={me} open={open} folded={folded("decision")} />,
    tasks: <TasksSection key="tasks" r={r} me={me} folded={folded("tasks")} />,
    package:
      r.type === "DISCLOSURE" ? (
        <PackageSection key="package" r={r} me={me} today={today} folded={folded("package")} />
      ) : null,
    notices: <NoticesSection key="notices" r={r} me={me} today={today} folded={folded("notices")} />,
    messages: <MessagesSection key="messages" r={r} me={me} folded={folded("messages")} />,
  };
  const order: SectionId[] = [
    "decision",
    "tasks",
    "package",
    "identity",
    "documents",
    "messages",
    "notices",
    "details",
  ];
  const rest = order.filter((id) => !next.sections.includes(id));

  return (
    <RequestVersionProvider version={r.version}>
      <article data-version={r.version} data-testid="request-page" data-next-action={next.action}>
        <p className="mb-2">
          <Link href="/console" className="text-brand-700 underline">
            {t("back")}
          </Link>
        </p>
        <header className="mb-3">
          <h1 className="text-2xl font-bold" data-testid="request-reference">
            {r.reference}
          </h1>
          <p className="text-muted">
            {l(`type.${r.type}`)} · {r.subjectName}
          </p>
          <p className="mt-2 flex flex-wrap gap-2" data-testid="request-badges">
            <Badge tone="info">{l(`status.${r.status}`)}</Badge>
            <Badge
              tone={
                r.identity === "VERIFIED"
                  ? "success"
                  : r.identity === "FAILED"
                    ? "danger"
                    : r.identity === "PENDING"
                      ? "warning"
                      : "neutral"
              }
            >
              {l(`identity.${r.identity}`)}
            </Badge>
            <Badge tone={r.fee === "AWAITING_PAYMENT" ? "warning" : "neutral"}>{l(`fee.${r.fee}`)}</Badge>
            {r.outcome ? <Badge tone="info">{c(outcomeLabelKey(r.type, r.outcome))}</Badge> : null}
            <DeadlineBadge
              status={r.deadline.status}
              label={c(`deadline.${r.deadline.status}`, { days: Math.abs(r.deadline.daysLeft) })}
            />
          </p>
        </header>

        <div className="grid grid-cols-1 gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <div className="flex min-w-0 flex-col gap-4">
            <div>
              <NextActionPanel
                next={next}
                statusLabel={l(`status.${r.status}`)}
                requestId={r.id}
                canApprove={roleHas(me.role, "approve:decision")}
                canRecordPayment={roleHas(me.role, "record:payment")}
              />
              <SectionLinks
                label={t("toc")}
                links={sectionIds
                  .filter((s) => s !== "package" || r.type === "DISCLOSURE")
                  .map((s) => ({ id: s, title: t(`sections.${s}`) }))}
              />
            </div>
            {/* One keyed list: when a save moves the request on, sections change places without
                remounting, so an open section stays open and keeps its outcome line. */}
            {[
              ...next.sections.map((id) => sections[id]),
              <ConnectedSection key="connected" r={r} me={me} />,
              rest.length && !finished ? (
                <h2 key="more" className="mt-2 text-sm font-semibold text-muted" data-testid="more-sections">
                  {t("sectionsMore")}
                </h2>
              ) : null,
              ...rest.map((id) => sections[id]),
              <Section key="timeline" id="timeline" title={t("sections.timeline")}>
                <TimelineList entries={r.timeline} />
              </Section>,
            ]}
          </div>

          <div className="flex min-w-0 flex-col gap-4" data-testid="request-facts">
            <Section id="summary" title={t("sections.summary")}>
              <Facts
                columns={1}
                items={[
                  [
                    t("facts.arrived"),
                    <span key="a" data-testid="arrived-on">
                      {day(r.arrivedAt)}
                    </span>,
                  ],
                  [
                    t("facts.due"),
                    <span key="d" data-testid="due-on">
                      {day(r.deadline.dueAt)}
                    </span>,
                  ],
                  [
                    t("facts.appi"),
                    <span key="p" data-testid="appi-date">
                      {day(r.deadline.appiSuitDate)}
                    </span>,
                  ],
                  [t("facts.channel"), l(`channel.${r.channel}`)],
                  [t("facts.locale"), l(`locale.${r.locale}`)],
                  [t("facts.policy"), r.policyVersion ? r.policyVersion.version : ""],
                  [t("facts.closedAt"), r.closedAt ? day(r.closedAt) : ""],
                ]}
              />
              <div className="mt-4 border-t border-stone-200 pt-4" id="assignment">
                {roleHas(me.role, "write:request") ? (
                  <AssignForm
                    {...ref}
                    assigneeId={r.assigneeId}
                    me={me.id}
                    staff={staff.map((s) => ({ id: s.id, name: s.name }))}
                  />
                ) : (
                  <p>
                    {t("facts.assignee")}: {r.assignee?.name ?? t("assign.none")}
                  </p>
                )}
              </div>
            </Section>

            <Section id="fee" title={t("sections.fee")}>
              <FeePanel fee={fee} />
              {/* Only those who may record payments are sent to the fees page (admin-only); others are told who does it (issue 17, bug 6). */}
              {fee.fee !== "NOT_REQUIRED" ? (
                <p className="mt-3 text-sm text-muted" data-testid="fee-who-records">
                  {roleHas(me.role, "record:payment") ? t("fee.readOnly") : t("fee.adminRecords")}
                </p>
              ) : null}
              {roleHas(me.role, "record:payment") ? (
                <p className="mt-2">
                  <Link href={`/console/fees/${r.id}`} className={buttonClass("ghost", "sm")}>
                    {t("fee.manage")}
                  </Link>
                </p>
              ) : null}
              {roleHas(me.role, "waive:fee") && fee.takesPayment ? <FeeWaiveForm requestId={r.id} /> : null}
            </Section>
          </div>
        </div>
      </article>
    </RequestVersionProvider>
  );
}
