"use server";
import { randomToken } from "@/lib/server/crypto";
import { parseInput } from "@/lib/validation";
import { inquirySchema } from "@/lib/requests/inquiry-schema";
import { sendEmailConfirmationCode } from "@/lib/requests/email-confirmation";
import { submitInquiry } from "@/lib/requests/submit-inquiry";
import { formValuesFrom } from "@/lib/requests/wizard-values";
import type { PortalFormState } from "@/lib/form-state";
import { clientKey, errorState, formState, portalLocale } from "../portal-server";

// Art 11, 12: an inquiry or complaint in two steps — the message with a contact address,
// then the code sent there. The message waits in the form (a POST body), never in a URL.

const FIELDS = ["kind", "topic", "message", "name", "email", "reference", "phone"] as const;

export async function inquiryAction(prev: PortalFormState, formData: FormData): Promise<PortalFormState> {
  const all = formValuesFrom(formData);
  const values = Object.fromEntries(FIELDS.map((k) => [k, typeof all[k] === "string" ? all[k] : ""]));
  const intent = String(formData.get("intent") ?? "send");
  const key = typeof all.idempotencyKey === "string" && all.idempotencyKey ? all.idempotencyKey : randomToken(24);
  const code = { stage: "code", idempotencyKey: key };
  if (intent === "edit") return formState(prev, values);
  try {
    if (intent === "send" || intent === "resend") {
      const inquiry = parseInput(inquirySchema, values, "inquiry");
      await sendEmailConfirmationCode({
        email: inquiry.email,
        locale: await portalLocale(),
        clientKey: await clientKey(),
      });
      return formState(
        prev,
        values,
        {},
        { notice: intent === "resend" ? "portal.inquiry.resent" : "portal.inquiry.codeSent", data: code },
      );
    }
    const filed = await submitInquiry({
      input: values,
      emailCode: all.code,
      idempotencyKey: key,
      locale: await portalLocale(),
      clientKey: await clientKey(),
    });
    return formState(prev, {}, {}, { data: { stage: "done", reference: filed.reference } });
  } catch (e) {
    const state = errorState(e, prev, values);
    return intent === "send" ? state : { ...state, data: code };
  }
}
