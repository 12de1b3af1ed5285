"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { staffActor } from "@/lib/server/current-staff";
import { updateStaffPreferences } from "@/lib/staff/preferences";
import { formStateFromError, type FormState } from "@/lib/form-state";
import { LOCALE_COOKIE } from "@/i18n/config";

export async function savePreferencesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = { locale: formData.get("locale"), digestEnabled: formData.get("digestEnabled") === "on" };
  try {
    await updateStaffPreferences({ actor: await staffActor(), input });
  } catch (err) {
    return formStateFromError(err);
  }
  // The screen follows the chosen language at once.
  (await cookies()).set(LOCALE_COOKIE, String(input.locale), {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
  });
  revalidatePath("/console", "layout");
  return { status: "ok" };
}
