import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { requireStaffPage } from "@/lib/server/current-staff";
import { roleHas, type Permission } from "@/lib/server/permissions";
import { ConsoleNav } from "@/components/console/console-nav";
import { signOutAction } from "../actions";

const navItems: { href: string; key: string; permission: Permission }[] = [
  { href: "/console", key: "queue", permission: "read:request" },
  { href: "/console/requests/new", key: "newRequest", permission: "create:request" },
  { href: "/console/provisions", key: "provisions", permission: "read:provision-record" },
  { href: "/console/reports", key: "reports", permission: "read:report" },
  { href: "/console/fees", key: "fees", permission: "record:payment" },
  { href: "/console/data-map", key: "dataMap", permission: "manage:data-map" },
  { href: "/console/exports", key: "exports", permission: "export:data" },
  { href: "/console/staff", key: "staff", permission: "manage:staff" },
  { href: "/console/settings", key: "settings", permission: "manage:settings" },
  { href: "/console/audit", key: "audit", permission: "read:audit" },
  { href: "/console/mail", key: "mail", permission: "read:mail-viewer" },
  { href: "/console/preferences", key: "preferences", permission: "read:request" },
];

export default async function SignedInConsole({ children }: { children: ReactNode }) {
  const staff = await requireStaffPage();
  const t = await getTranslations("shell");
  const items = navItems
    .filter((i) => roleHas(staff.role, i.permission))
    .map((i) => ({ href: i.href, label: t(`nav.${i.key}`) }));
  return (
    <div className="mx-auto flex w-full max-w-7xl flex-1 flex-col gap-6 px-4 py-4 lg:flex-row">
      <aside className="lg:w-56 lg:shrink-0">
        <ConsoleNav label={t("nav.label")} items={items} />
        <div className="mt-4 border-t border-stone-300 pt-3 text-sm">
          <p>
            <span className="sr-only">{t("signedInAs")} </span>
            {staff.name}
          </p>
          <p className="text-muted">{t(`roles.${staff.role}`)}</p>
          <form action={signOutAction} className="mt-2">
            <button type="submit" className="min-h-11 text-brand-700 underline">
              {t("signOut")}
            </button>
          </form>
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1">
        {children}
      </main>
    </div>
  );
}
