"use server";
import { revalidatePath } from "next/cache";
import { staffActor } from "@/lib/server/current-staff";
import { updateSettings } from "@/lib/settings/update-settings";
import { settingsValueFromForm } from "@/lib/settings/settings-fields";
import { settingsSchemas, type SettingsKey } from "@/lib/settings/settings-schema";
import { addPolicyVersion } from "@/lib/settings/policy-versions";
import { formStateFromError, formValues, type FormState } from "@/lib/form-state";

function isSettingsKey(v: unknown): v is SettingsKey {
  return typeof v === "string" && v in settingsSchemas;
}

export async function saveSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const key = formData.get("group");
  if (!isSettingsKey(key)) return { status: "error", code: "INVALID_INPUT", fieldErrors: {} };
  try {
    await updateSettings({ actor: await staffActor(), key, value: settingsValueFromForm(key, formData) });
    revalidatePath("/", "layout");
    return { status: "ok" };
  } catch (err) {
    return formStateFromError(err, formValues(formData));
  }
}

export async function addPolicyVersionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    await addPolicyVersion({ actor: await staffActor(), input: values });
    revalidatePath("/", "layout");
    return { status: "ok" };
  } catch (err) {
    return formStateFromError(err, values);
  }
}
