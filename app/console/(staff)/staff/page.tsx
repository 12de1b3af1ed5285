import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/server/current-staff";
import { listStaff } from "@/lib/staff/manage-staff";
import { Badge, PageHeader } from "@/components/ui/alert";
import { InviteStaffForm, StaffRowActions } from "./staff-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("title") };
}

export default async function StaffAdminPage() {
  const me = await requireStaffPage("manage:staff");
  const t = await getTranslations("staff");
  const tr = await getTranslations("shell.roles");
  const format = await getFormatter();
  const rows = await listStaff({ actor: me });
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <section aria-labelledby="list-title" className="mb-10">
        <h2 id="list-title" className="mb-3 text-xl font-bold">
          {t("listTitle")}
        </h2>
        <ul className="divide-y divide-stone-200 rounded-md border border-stone-300 bg-white">
          {rows.map((s) => (
            <li key={s.id} className="grid gap-3 p-4 md:grid-cols-[1fr_auto]" data-testid="staff-row">
              <div>
                <p className="font-semibold">
                  {s.name} {s.id === me.id ? <span className="text-sm font-normal text-muted">{t("you")}</span> : null}
                </p>
                <p className="text-sm break-all text-muted">{s.email}</p>
                <p className="mt-1 flex flex-wrap gap-1">
                  <Badge tone="info">{tr(s.role)}</Badge>
                  <Badge tone={s.active ? "success" : "neutral"}>
                    {s.active ? t("statusActive") : t("statusInactive")}
                  </Badge>
                  {s.invited ? <Badge tone="warning">{t("statusInvited")}</Badge> : null}
                  {s.locked ? <Badge tone="danger">{t("statusLocked")}</Badge> : null}
                  {!s.totpEnrolled && !s.invited ? <Badge>{t("statusNoTotp")}</Badge> : null}
                </p>
                <p className="mt-1 text-sm text-muted">
                  {t("lastSignIn")}:{" "}
                  {s.lastSignInAt
                    ? format.dateTime(s.lastSignInAt, { dateStyle: "medium", timeStyle: "short" })
                    : t("never")}
                </p>
              </div>
              <StaffRowActions
                row={{
                  id: s.id,
                  name: s.name,
                  role: s.role,
                  active: s.active,
                  locked: s.locked,
                  isSelf: s.id === me.id,
                }}
              />
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="invite-title">
        <h2 id="invite-title" className="mb-3 text-xl font-bold">
          {t("inviteTitle")}
        </h2>
        <InviteStaffForm />
      </section>
    </>
  );
}
