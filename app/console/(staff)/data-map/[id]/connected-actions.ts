"use server";
import { revalidatePath } from "next/cache";
import { staffActor } from "@/lib/server/current-staff";
import { formStateFromError, formValues, type FormState } from "@/lib/form-state";
import { saveConnection } from "@/lib/connected/save-connection";
import { MapInvalidError, saveDatasetMap } from "@/lib/connected/save-map";
import { checkConnection } from "@/lib/connected/check-connection";

// The connected-database forms of a data-map system. Connection URLs are write-only: they
// are never put back into the form state (which the page re-renders after an error).

function refresh(systemId: string) {
  revalidatePath(`/console/data-map/${systemId}`);
  revalidatePath("/console/data-map");
}

export async function saveConnectionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { readUrl, writeUrl, ...values } = formValues(formData);
  const systemId = values.systemId ?? "";
  try {
    await saveConnection({
      actor: await staffActor(),
      input: {
        systemId,
        dialect: values.dialect === "mysql" ? "mysql" : "postgres",
        readUrl: readUrl?.trim() || undefined,
        writeUrl: writeUrl?.trim() || undefined,
        clearWriteUrl: values.clearWriteUrl === "on",
      },
    });
    refresh(systemId);
    return { status: "ok" };
  } catch (err) {
    return formStateFromError(err, values);
  }
}

export async function saveMapAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const systemId = values.systemId ?? "";
  try {
    const r = await saveDatasetMap({ actor: await staffActor(), input: { systemId, mapText: values.mapText ?? "" } });
    refresh(systemId);
    return { status: "ok", data: { tables: String(r.tables), columns: String(r.columns) } };
  } catch (err) {
    const state = formStateFromError(err, values);
    if (err instanceof MapInvalidError && state.status === "error")
      return { ...state, values: { ...values, problems: JSON.stringify(err.problems) } };
    return state;
  }
}

export async function checkConnectionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const systemId = String(formData.get("systemId") ?? "");
  try {
    const r = await checkConnection({ actor: await staffActor(), input: { systemId } });
    refresh(systemId);
    return { status: "ok", data: { ok: r.ok ? "1" : "" } };
  } catch (err) {
    return formStateFromError(err);
  }
}
