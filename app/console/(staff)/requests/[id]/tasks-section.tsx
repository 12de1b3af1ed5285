import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { RequestDetail } from "@/lib/console/request-detail";
import type { CurrentStaff } from "@/lib/server/current-staff";
import { roleHas } from "@/lib/server/permissions";
import { Badge } from "@/components/ui/alert";
import { Section } from "@/components/console/request/facts";
import { CloseRequestForm, TaskForm } from "./task-forms";
import { taskInstructionView } from "@/lib/tasks/task-instruction-view";

const tone = { OPEN: "warning", DONE: "success", FAILED: "danger", EXPLAINED: "info" } as const;

/** One task per system holding the affected items; the request closes when all are done or explained. */
export async function TasksSection({ r, me, folded }: { r: RequestDetail; me: CurrentStaff; folded?: boolean }) {
  const t = await getTranslations("console.request.tasks");
  const c = await getTranslations("console");
  const s = await getTranslations("console.request.sections");
  const format = await getFormatter();
  const locale = await getLocale();
  const rq = await getTranslations("requests");
  const canWork = roleHas(me.role, "work:task");
  const decision = [...r.decisions]
    .reverse()
    .find((d) => !d.superseded && d.approval !== "PENDING" && d.approval !== "SENT_BACK");
  const category = (n: number) => `(${n}) ${rq.has(`categories.${n}`) ? rq(`categories.${n}`) : ""}`.trim();
  return (
    <Section id="tasks" title={s("tasks")} folded={folded}>
      {r.tasks.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {r.tasks.map((task) => {
            const system = locale === "en" ? task.system.nameEn : task.system.nameJa;
            const view = taskInstructionView(task, r.details, decision?.details);
            return (
              <li
                key={task.id}
                className="rounded-md border border-stone-200 p-3"
                data-testid="task"
                data-system={task.system.key}
                data-status={task.status}
              >
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-bold">{system}</span>
                  <Badge>{c(`taskAction.${task.action}`)}</Badge>
                  <Badge tone={tone[task.status]}>{c(`taskStatus.${task.status}`)}</Badge>
                </p>
                <p className="text-sm text-muted">
                  {t("owner")}: {task.system.owner}
                </p>
                <div className="mt-1 text-sm" data-testid="task-instructions">
                  <p>
                    {c(`taskAction.${task.action}`)} — {t("categories")}:{" "}
                    {view.categories.map(category).join(locale === "en" ? ", " : "、")}
                  </p>
                  {view.measure ? (
                    <p className="whitespace-pre-wrap">
                      {t("measure")}: {view.measure}
                    </p>
                  ) : null}
                  {view.items.length ? (
                    <ul className="mt-1 list-disc pl-5">
                      {view.items.map((item, i) => (
                        <li key={i}>
                          {category(item.category)}:{" "}
                          {t("change", { current: item.current ?? "—", corrected: item.corrected ?? "—" })}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {view.recipient ? (
                    <p>
                      {t("recipient")}: {view.recipient}
                    </p>
                  ) : null}
                </div>
                {task.resultNote ? (
                  <p className="mt-1 text-sm whitespace-pre-wrap">
                    {t("result")}: {task.resultNote}
                    {task.completedAt
                      ? ` (${t("completedBy", { name: task.completedById ? (r.staffNames[task.completedById] ?? "—") : "—", at: format.dateTime(task.completedAt, { dateStyle: "medium", timeStyle: "short" }) })})`
                      : ""}
                  </p>
                ) : null}
                {canWork && (task.status === "OPEN" || task.status === "FAILED") && r.status === "DECIDED" ? (
                  <TaskForm
                    requestId={r.id}
                    taskId={task.id}
                    version={task.version}
                    label={`${system}: ${c(`taskAction.${task.action}`)}`}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {canWork && r.status === "DECIDED" ? <CloseRequestForm requestId={r.id} version={r.version} /> : null}
    </Section>
  );
}
