"use server";
import type { FormState } from "@/lib/form-state";
import { formInput } from "@/lib/form-input";
import { assignRequest, assignRequestSchema } from "@/lib/console/assign";
import {
  addInternalNote,
  addInternalNoteSchema,
  sendMessageToRequester,
  sendMessageToRequesterSchema,
} from "@/lib/console/notes";
import {
  recordIdentityCheck,
  recordIdentityCheckSchema,
  requestClearerCopy,
  requestClearerCopySchema,
} from "@/lib/identity/identity-check";
import { waiveFee } from "@/lib/fees/waive-refund";
import { waiveFeeSchema } from "@/lib/fees/fee-schemas";
import { completeTask, completeTaskSchema } from "@/lib/tasks/complete-task";
import { closeRequestIfComplete, closeRequestSchema } from "@/lib/tasks/close-request";
import { optional, runRequestAction, uploadsOf, versionOf } from "./action-helpers";

export async function assignAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    const assigneeId = v.takeIt ? (actor?.id ?? null) : (optional(v.assigneeId) ?? null);
    await assignRequest({
      actor,
      input: { ...formInput(assignRequestSchema, formData), version: versionOf(v), assigneeId },
    });
  });
}

export async function identityCheckAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    await recordIdentityCheck({
      actor,
      // A forged holder or result fails the schema (errors.invalid on that field).
      input: { ...formInput(recordIdentityCheckSchema, formData), version: versionOf(v) },
    });
  });
}

export async function clearerCopyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    await requestClearerCopy({
      actor,
      input: { ...formInput(requestClearerCopySchema, formData, { lists: ["documentIds"] }), version: versionOf(v) },
    });
  });
}

export async function waiveFeeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor) => {
    await waiveFee({ actor, input: formInput(waiveFeeSchema, formData) });
  });
}

export async function completeTaskAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    const r = await completeTask({
      actor,
      input: { ...formInput(completeTaskSchema, formData), version: versionOf(v) },
    });
    return { data: { closed: r.requestClosed ? "1" : "" } };
  });
}

export async function closeRequestAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    await closeRequestIfComplete({
      actor,
      input: { ...formInput(closeRequestSchema, formData), version: versionOf(v) },
    });
  });
}

export async function sendMessageAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(
    formData,
    async (actor) => {
      await sendMessageToRequester({
        actor,
        input: {
          ...formInput(sendMessageToRequesterSchema, formData),
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
  return runRequestAction(formData, async (actor) => {
    await addInternalNote({ actor, input: formInput(addInternalNoteSchema, formData) });
  });
}
