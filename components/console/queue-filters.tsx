import { getTranslations } from "next-intl/server";
import { Channel, FeeStatus, IdentityStatus, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import type { AssignableStaff } from "@/lib/console/assignable-staff";
import { buttonClass } from "@/components/ui/button-class";
import { CheckGroup } from "./check-group";

export type QueueFilterValues = {
  type: string[];
  status: string[];
  identity: string[];
  fee: string[];
  channel: string[];
  assignee?: string;
  dueSoon: boolean;
  overdue: boolean;
  ref?: string;
  sort: string;
  direction: string;
};

/** The queue's filters as a GET form, so a filtered view is a link staff can share. */
export async function QueueFilters({
  values,
  staff,
  dueSoonDays,
  open,
}: {
  values: QueueFilterValues;
  staff: AssignableStaff[];
  dueSoonDays: number;
  open: boolean;
}) {
  const t = await getTranslations("console.queue.filters");
  const l = await getTranslations("console.labels");
  const opts = (group: "type" | "status" | "identity" | "fee" | "channel", values: Record<string, string>) =>
    Object.values(values).map((v) => ({ value: v, label: l(`${group}.${v}`) }));
  return (
    <details open={open} className="mb-4 rounded-md border border-stone-300 bg-white">
      <summary className="min-h-11 cursor-pointer px-4 py-2 font-semibold">{t("title")}</summary>
      <form method="get" action="/console" className="border-t border-stone-200 p-4">
        <input type="hidden" name="f" value="1" />
        {values.ref ? <input type="hidden" name="ref" value={values.ref} /> : null}
        <input type="hidden" name="sort" value={values.sort} />
        <input type="hidden" name="dir" value={values.direction} />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <CheckGroup name="type" legend={t("type")} options={opts("type", RequestType)} checked={values.type} />
          <CheckGroup
            name="status"
            legend={t("status")}
            options={opts("status", RequestStatus)}
            checked={values.status}
          />
          <div className="flex flex-col gap-4">
            <CheckGroup
              name="identity"
              legend={t("identity")}
              options={opts("identity", IdentityStatus)}
              checked={values.identity}
            />
            <CheckGroup
              name="channel"
              legend={t("channel")}
              options={opts("channel", Channel)}
              checked={values.channel}
            />
          </div>
          <CheckGroup name="fee" legend={t("fee")} options={opts("fee", FeeStatus)} checked={values.fee} />
          <div>
            <label htmlFor="filter-assignee" className="mb-1 block font-semibold">
              {t("assignee")}
            </label>
            <select
              id="filter-assignee"
              name="assignee"
              defaultValue={values.assignee ?? ""}
              className="block min-h-11 w-full rounded-md border border-stone-400 bg-white px-3"
            >
              <option value="">{t("assigneeAny")}</option>
              <option value="me">{t("assigneeMe")}</option>
              <option value="unassigned">{t("assigneeNone")}</option>
              {staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <CheckGroup
            name="deadline"
            legend={t("deadline")}
            options={[
              { value: "dueSoon", label: t("dueSoon", { days: dueSoonDays }) },
              { value: "overdue", label: t("overdue") },
            ]}
            checked={[...(values.dueSoon ? ["dueSoon"] : []), ...(values.overdue ? ["overdue"] : [])]}
          />
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          <button type="submit" className={buttonClass("primary")}>
            {t("apply")}
          </button>
          <a href="/console" className={buttonClass("secondary")}>
            {t("reset")}
          </a>
        </div>
      </form>
    </details>
  );
}
