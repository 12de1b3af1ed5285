import { cache } from "react";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { prisma } from "./db";
import { getSetting } from "@/lib/settings/get-settings";
import { authOptions } from "./auth-options";
import { roleHas, type Permission } from "./permissions";
import type { StaffActor } from "@/lib/audit/actor";
import type { Locale, Role } from "@/lib/generated/prisma/enums";

export type CurrentStaff = StaffActor & { name: string; email: string; locale: Locale };

/**
 * The one place the console learns who is signed in. The session cookie names a staff
 * id and the session version it was issued with; the role comes from the database, so
 * a deactivation, role change or sign-out takes effect on the next request. Besides the
 * idle timeout (the cookie's maxAge), a session ends a set number of hours after sign-in
 * however busy (settings: security.staffSessionHours); a token without its sign-in time
 * is from before that rule and counts as ended.
 */
export const currentStaff = cache(async (): Promise<CurrentStaff | null> => {
  const session = await getServerSession(authOptions());
  if (!session?.staffId) return null;
  const staff = await prisma.staffUser.findUnique({ where: { id: session.staffId } });
  if (!staff?.active || staff.sessionVersion !== session.sessionVersion) return null;
  const { staffSessionHours } = await getSetting(prisma, "security");
  if (!session.signedInAt || session.signedInAt + staffSessionHours * 3600 <= Date.now() / 1000) return null;
  return {
    type: "STAFF",
    id: staff.id,
    role: staff.role as Role,
    name: staff.name,
    email: staff.email,
    locale: staff.locale,
  };
});

/** For console pages: signed-out → sign-in page; lacking the permission → 403 page. */
export async function requireStaffPage(permission?: Permission): Promise<CurrentStaff> {
  const staff = await currentStaff();
  if (!staff) redirect("/console/sign-in");
  if (permission && !roleHas(staff.role, permission)) forbidden();
  return staff;
}

/** For server actions: the actor (or null); the domain function checks the permission. */
export async function staffActor(): Promise<StaffActor | null> {
  const staff = await currentStaff();
  return staff ? { type: "STAFF", id: staff.id, role: staff.role } : null;
}

/** next-auth's cookie names, plain and __Secure-, so sign-out clears whichever is set. */
export async function clearSessionCookies(): Promise<void> {
  const store = await cookies();
  for (const c of store.getAll()) if (c.name.includes("next-auth.session-token")) store.delete(c.name);
}
