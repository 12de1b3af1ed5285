"use server";
import type { FormState } from "@/lib/form-state";
import { AppError } from "@/lib/errors";
import { startCollection, startCollectionSchema } from "@/lib/connected/start-collection";
import { addExclusion, addExclusionSchema, removeExclusion, removeExclusionSchema } from "@/lib/connected/exclusions";
import { formInput } from "@/lib/form-input";
import { decideFromCollection } from "@/lib/connected/decide-from-collection";
import { attachCollectionPackage } from "@/lib/connected/attach-collection-package";
import { planChange } from "@/lib/connected/plan-change";
import { approveChangePlan, changePlanRefSchema, executeChangePlan } from "@/lib/connected/run-change-plan";
import { runRequestAction, versionOf } from "./action-helpers";

// The "Connected data" section's actions: thin wrappers over lib/connected.

function rowKeyOf(text: string | undefined): Record<string, string | number> {
  try {
    const v: unknown = JSON.parse(text ?? "");
    if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, string | number>;
  } catch {
    // fall through: the schema refuses an empty key
  }
  throw new AppError("INVALID_INPUT", "row key", { _form: ["connected.errors.rowUnknown"] });
}

/** The correction form's field choice: JSON ["table", "column"]. */
function fieldOf(text: string | undefined): string[] {
  try {
    const v: unknown = JSON.parse(text ?? "");
    if (Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === "string")) return v as string[];
  } catch {
    // fall through
  }
  return ["", ""];
}

export async function collectAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor) => {
    const r = await startCollection({
      actor,
      input: formInput(startCollectionSchema, formData),
    });
    return { data: { queued: String(r.queued) } };
  });
}

export async function exclusionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    if (v.intent === "remove")
      return void (await removeExclusion({ actor, input: formInput(removeExclusionSchema, formData) }));
    // The ground as posted: the schema refuses one that is not an Art 6.1 ground.
    await addExclusion({ actor, input: { ...formInput(addExclusionSchema, formData), rowKey: rowKeyOf(v.rowKey) } });
  });
}

export async function decideFromCollectionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    const groundExplanations = Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => k.startsWith("ground-"))
        .map(([k, text]) => [k.slice("ground-".length), text]),
    );
    const r = await decideFromCollection({
      actor,
      input: {
        requestId: v.requestId ?? "",
        version: versionOf(v),
        explanation: v.explanation ?? "",
        groundExplanations,
      },
    });
    return { data: { approval: r.approval } };
  });
}

export async function buildPackageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    await attachCollectionPackage({ actor, input: { requestId: v.requestId ?? "", version: versionOf(v) } });
  });
}

export async function planChangeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    if (v.kind === "CORRECTION") {
      const [table = "", column = ""] = fieldOf(v.field);
      const rowKeys = formData.getAll(`rows-${v.field ?? ""}`).map((k) => rowKeyOf(String(k)));
      await planChange({
        actor,
        input: {
          kind: "CORRECTION",
          requestId: v.requestId ?? "",
          systemId: v.systemId ?? "",
          table,
          column,
          rowKeys,
          newValue: v.newValue ?? "",
        },
      });
    } else {
      await planChange({ actor, input: { kind: "ERASURE", requestId: v.requestId ?? "", systemId: v.systemId ?? "" } });
    }
  });
}

export async function planDecisionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    if (v.intent === "execute") {
      const r = await executeChangePlan({ actor, input: formInput(changePlanRefSchema, formData) });
      return { message: r.state === "EXECUTED" ? "executed" : "failed" };
    }
    await approveChangePlan({ actor, input: formInput(changePlanRefSchema, formData) });
    return { message: "approved" };
  });
}
