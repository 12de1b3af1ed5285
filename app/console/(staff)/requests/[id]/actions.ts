"use server";
import type { FormState } from "@/lib/form-state";
import { assignRequest } from "@/lib/console/assign";
import { addInternalNote, sendMessageToRequester } from "@/lib/console/notes";
import { recordIdentityCheck, requestClearerCopy } from "@/lib/identity/identity-check";
import { waiveFee } from "@/lib/fees/waive-refund";
import { completeTask } from "@/lib/tasks/complete-task";
import { closeRequestIfComplete } from "@/lib/tasks/close-request";
import { optional, runRequestAction, uploadsOf, versionOf } from "./action-helpers";

export async function assignAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    const assigneeId = v.takeIt ? (actor?.id ?? null) : (optional(v.assigneeId) ?? null);
    await assignRequest({ actor, input: { requestId: v.requestId ?? "", version: versionOf(v), assigneeId } });
  });
}

export async function identityCheckAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    await recordIdentityCheck({
      actor,
      input: {
        requestId: v.requestId ?? "",
        version: versionOf(v),
        holder: v.holder === "AGENT" ? "AGENT" : "SUBJECT",
        result: v.result as "VERIFIED" | "FAILED",
        matchedRecord: optional(v.matchedRecord),
        matchedSystemId: optional(v.matchedSystemId),
        reason: optional(v.reason),
      },
    });
  });
}

export async function clearerCopyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    const documentIds = formData.getAll("documentIds").filter((x): x is string => typeof x === "string");
    await requestClearerCopy({
      actor,
      input: {
        requestId: v.requestId ?? "",
        version: versionOf(v),
        message: v.message ?? "",
        documentIds,
        review: v.review === "UNMASKED" ? "UNMASKED" : "UNCLEAR",
      },
    });
  });
}

export async function waiveFeeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    await waiveFee({ actor, input: { requestId: v.requestId ?? "", reason: v.reason ?? "" } });
  });
}

export async function completeTaskAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    const r = await completeTask({
      actor,
      input: { taskId: v.taskId ?? "", version: versionOf(v), status: v.status as "DONE", note: v.note ?? "" },
    });
    return { data: { closed: r.requestClosed ? "1" : "" } };
  });
}

export async function closeRequestAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    await closeRequestIfComplete({ actor, input: { requestId: v.requestId ?? "", version: versionOf(v) } });
  });
}

export async function sendMessageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(
    formData,
    async (actor, v) => {
      await sendMessageToRequester({
        actor,
        input: {
          requestId: v.requestId ?? "",
          body: v.body ?? "",
          attachments: await uploadsOf(formData, "attachments"),
        },
      });
    },
    (errors) =>
      Object.fromEntries(
        Object.entries(errors).map(([k, list]) => [k.startsWith("attachments") ? "attachments" : k, list]),
      ),
  );
}

export async function addNoteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    await addInternalNote({ actor, input: { requestId: v.requestId ?? "", body: v.body ?? "" } });
  });
}
