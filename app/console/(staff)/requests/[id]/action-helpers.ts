import { revalidatePath } from "next/cache";
import { staffActor } from "@/lib/server/current-staff";
import type { StaffActor } from "@/lib/audit/actor";
import { formStateFromError, formValues, type FormState } from "@/lib/form-state";
import type { Upload } from "@/lib/requests/shared-schemas";
import { currentRequestVersion } from "@/lib/console/request-version";

// Shared by the request page's server actions: find the actor, call the domain function
// (which checks the permission and the version), turn AppErrors into form state, and
// always reload the page's data — after a conflict the form then shows the other
// person's change instead of silently keeping the stale one.

export type ActionResult = { message?: string; data?: Record<string, string> } | void;

export async function runRequestAction(
  formData: FormData,
  fn: (actor: StaffActor | null, values: Record<string, string>) => Promise<ActionResult>,
  mapErrors?: (errors: Record<string, string[]>) => Record<string, string[]>,
): Promise<FormState> {
  const values = formValues(formData);
  try {
    const out = await fn(await staffActor(), values);
    // The version this save produced, so every form on the page can use it at once
    // (the page's own refresh arrives later; see components/console/request-version.tsx).
    const requestVersion = values.requestId ? await currentRequestVersion(values.requestId) : null;
    return {
      status: "ok",
      message: out?.message,
      data: { ...out?.data, ...(requestVersion === null ? {} : { requestVersion: String(requestVersion) }) },
    };
  } catch (err) {
    const state = formStateFromError(err, values);
    return state.status === "error" && mapErrors ? { ...state, fieldErrors: mapErrors(state.fieldErrors) } : state;
  } finally {
    if (values.requestId) revalidatePath(`/console/requests/${values.requestId}`);
  }
}

/** The version field as a number (anything else fails the schema with console.errors.version). */
export function versionOf(values: Record<string, string>): number {
  return values.version && /^\d+$/.test(values.version) ? Number(values.version) : Number.NaN;
}

/** Files chosen in a file input, read into memory for the domain function (empty inputs skipped). */
export async function uploadsOf(formData: FormData, name: string): Promise<Upload[]> {
  const files = formData.getAll(name).filter((f): f is File => typeof f !== "string" && f.size > 0);
  return Promise.all(
    files.map(async (f) => ({
      fileName: f.name || "file",
      content: Buffer.from(await f.arrayBuffer()),
      mimeType: f.type || undefined,
    })),
  );
}

/** Text field or undefined when left empty. */
export const optional = (v: string | undefined) => (v && v.trim() ? v : undefined);
