"use server";
import { revalidatePath } from "next/cache";
import { staffActor } from "@/lib/server/current-staff";
import { isAppError } from "@/lib/errors";
import { formStateFromError, formValues, type FormState } from "@/lib/form-state";
import { formInput } from "@/lib/form-input";
import { recordProvision } from "@/lib/provisions/record-provision";
import { recordProvisionSchema } from "@/lib/provisions/provision-schemas";
import { searchProvisions } from "@/lib/provisions/search-provisions";
import { toKatakana } from "@/lib/console/search-terms";
import type { ProvisionRow, ProvisionSearchState } from "./provision-rows";

const blank = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

// The provision schema's own keys, said in the console's words.
const keyFor: Record<string, string> = {
  "errors.field.date": "console.errors.date",
  "errors.provision.consentDateRequired": "console.provisions.consentDateRequired",
};

export async function recordProvisionAction(_prev: FormState, fd: FormData): Promise<FormState> {
  const v = formValues(fd);
  try {
    await recordProvision({
      actor: await staffActor(),
      input: {
        ...formInput(recordProvisionSchema, fd),
        categories: fd.getAll("categories").map((c) => Number(c)),
        contractIsRecord: v.contractIsRecord === "on",
      },
    });
    revalidatePath("/console/provisions");
    return { status: "ok" };
  } catch (err) {
    const state = formStateFromError(err, v);
    if (state.status !== "error") return state;
    return {
      ...state,
      fieldErrors: Object.fromEntries(
        Object.entries(state.fieldErrors).map(([k, list]) => [k, list.map((m) => keyFor[m] ?? m)]),
      ),
    };
  }
}

/** A POST, so a name or birth date searched for never lands in a URL or a log line. */
export async function searchProvisionsAction(_prev: ProvisionSearchState, fd: FormData): Promise<ProvisionSearchState> {
  const v = formValues(fd);
  try {
    // Kana typed in hiragana matches names recorded in katakana.
    const name = blank(v.name);
    const rows = await searchProvisions({
      actor: await staffActor(),
      input: {
        name: name ? toKatakana(name) : undefined,
        customerId: blank(v.customerId),
        birthDate: blank(v.birthDate),
        take: 100,
      },
    });
    return { status: "ok", rows: rows.map(toRow) };
  } catch (err) {
    if (isAppError(err))
      return {
        status: "error",
        code: err.code,
        fieldErrors: Object.fromEntries(
          Object.entries(err.fieldErrors ?? {}).map(([k, list]) => [k, list.map((m) => keyFor[m] ?? m)]),
        ),
      };
    throw err;
  }
}

function day(d: Date | null): string | null {
  return d ? d.toISOString().slice(0, 10) : null;
}

function toRow(r: Awaited<ReturnType<typeof searchProvisions>>[number]): ProvisionRow {
  return {
    id: r.id,
    recipientName: r.recipientName,
    providedOn: day(r.providedOn) ?? "",
    subjectName: r.subjectName,
    subjectNameKana: r.subjectNameKana,
    customerId: r.customerId,
    categories: r.categories,
    items: r.items,
    basis: r.basis,
    consentDate: day(r.consentDate),
    retainUntil: day(r.retainUntil) ?? "",
  };
}
