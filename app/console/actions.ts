"use server";
import { redirect } from "next/navigation";
import { clearSessionCookies, currentStaff } from "@/lib/server/current-staff";
import { signOutStaff } from "@/lib/staff/sign-in";

/** Ends every session of the user (the version bump) and clears this browser's cookie. */
export async function signOutAction(): Promise<void> {
  const staff = await currentStaff();
  if (staff) await signOutStaff(staff.id);
  await clearSessionCookies();
  redirect("/console/sign-in?signedOut=1");
}
