"use server";
import type { FormState } from "@/lib/form-state";
import { formInput } from "@/lib/form-input";
import {
  previewNotice,
  sendNoticeSchema,
  recordNoticePosting,
  recordNoticePostingSchema,
  sendNotice,
} from "@/lib/notices/send-notice";
import { runRequestAction } from "./action-helpers";

/** intent=preview returns the text (nothing written); intent=send sends exactly that kind and message. */
export async function noticeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    const input = formInput(sendNoticeSchema, formData);
    if (v.intent === "send") {
      await sendNotice({ actor, input });
      return { message: "sent" };
    }
    const n = await previewNotice({ actor, input });
    return {
      message: "preview",
      data: { subject: n.subject, body: n.bodyText, kind: v.kind ?? "", message: v.message ?? "" },
    };
  });
}

export async function noticePostingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor) => {
    await recordNoticePosting({
      actor,
      input: formInput(recordNoticePostingSchema, formData),
    });
  });
}
