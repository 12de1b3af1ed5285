"use server";
import type { FormState } from "@/lib/form-state";
import { type consoleNoticeKinds, previewNotice, recordNoticePosting, sendNotice } from "@/lib/notices/send-notice";
import { optional, runRequestAction } from "./action-helpers";

type Kind = (typeof consoleNoticeKinds)[number];

/** intent=preview returns the text (nothing written); intent=send sends exactly that kind and message. */
export async function noticeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return runRequestAction(formData, async (actor, v) => {
    const input = { requestId: v.requestId ?? "", kind: v.kind as Kind, message: optional(v.message) };
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
  return runRequestAction(formData, async (actor, v) => {
    await recordNoticePosting({
      actor,
      input: { noticeId: v.noticeId ?? "", postedOn: v.postedOn ?? "", trackingNumber: optional(v.trackingNumber) },
    });
  });
}
