"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { formValuesFrom } from "@/lib/requests/wizard-values";
import { requestStatusCode, verifyStatusCode } from "@/lib/requester/status-access";
import { endRequesterSession } from "@/lib/requester/requester-session";
import { withdrawRequest } from "@/lib/requester/withdraw-request";
import { postRequesterMessage } from "@/lib/requester/post-requester-message";
import { sendPackageDownloadCode, startPackageDownload } from "@/lib/requester/package-download";
import type { UploadCandidate } from "@/lib/uploads/inspect-upload";
import type { PortalFormState } from "@/lib/form-state";
import { clientKey, errorState, formState, portalLocale } from "../portal-server";
import { codeErrorState, dropCodeTicket, giveCodeTicket } from "../code-ticket-cookie";
import {
  clearRequesterCookie,
  currentRequesterSession,
  requesterSessionToken,
  setRequesterCookie,
} from "./requester-cookie";

// The status page's actions. Every one works as a plain form post; those needing a
// session find it from the cookie and send the person to sign in again without one.

/** Reference + email, then the code. The same answer whether or not they match a request. */
export async function statusAccessAction(prev: PortalFormState, formData: FormData): Promise<PortalFormState> {
  const values = formValuesFrom(formData);
  const intent = String(formData.get("intent") ?? "send");
  const access = { reference: values.reference, email: values.email };
  if (intent === "restart") return formState(prev, {});
  try {
    if (intent === "send" || intent === "resend") {
      await requestStatusCode({ input: access, locale: await portalLocale(), clientKey: await clientKey() });
      // Every client that asks gets a ticket, match or not (code-ticket-cookie.ts).
      await giveCodeTicket("STATUS_ACCESS");
      return formState(
        prev,
        { reference: String(values.reference ?? ""), email: String(values.email ?? "") },
        {},
        { notice: "portal.status.access.sent", data: { stage: "code" } },
      );
    }
    const session = await verifyStatusCode({ input: { ...access, code: values.code }, clientKey: await clientKey() });
    await setRequesterCookie(session);
    await dropCodeTicket();
  } catch (e) {
    if (intent !== "verify") return errorState(e, prev, values);
    const state = await codeErrorState(e, "STATUS_ACCESS", prev, values);
    return { ...state, data: { ...state.data, stage: "code" } };
  }
  redirect("/status");
}

export async function signOutAction(): Promise<void> {
  const token = await requesterSessionToken();
  if (token) await endRequesterSession(token);
  await clearRequesterCookie();
  redirect("/status?signedOut=1");
}

const filesFrom = async (formData: FormData, name: string): Promise<UploadCandidate[]> =>
  Promise.all(
    formData
      .getAll(name)
      .filter((f): f is File => f instanceof File && (f.size > 0 || f.name !== ""))
      .map(async (f) => ({ bytes: Buffer.from(await f.arrayBuffer()), name: f.name })),
  );

export async function postMessageAction(prev: PortalFormState, formData: FormData): Promise<PortalFormState> {
  const values = formValuesFrom(formData);
  const session = await currentRequesterSession();
  if (!session) redirect("/status");
  try {
    await postRequesterMessage({
      session,
      input: { body: values.body },
      attachments: await filesFrom(formData, "attachments"),
    });
  } catch (e) {
    return errorState(e, prev, values);
  }
  revalidatePath("/status");
  return formState(prev, {}, {}, { notice: "portal.status.messages.sent" });
}

/** A fresh code before the disclosed files can be downloaded, then the code itself. */
export async function downloadCodeAction(prev: PortalFormState, formData: FormData): Promise<PortalFormState> {
  const values = formValuesFrom(formData);
  const session = await currentRequesterSession();
  if (!session) redirect("/status");
  const intent = String(formData.get("intent") ?? "send");
  try {
    if (intent === "send") {
      await sendPackageDownloadCode({ session, locale: await portalLocale() });
      return formState(prev, {}, {}, { notice: "portal.status.package.codeSent", data: { stage: "code" } });
    }
    await startPackageDownload({ session, code: values.code });
  } catch (e) {
    return { ...errorState(e, prev, values), data: { stage: intent === "send" ? "send" : "code" } };
  }
  revalidatePath("/status");
  return formState(prev, {}, {}, { notice: "portal.status.package.verified" });
}

export async function withdrawAction(prev: PortalFormState, formData: FormData): Promise<PortalFormState> {
  const values = formValuesFrom(formData);
  const session = await currentRequesterSession();
  if (!session) redirect("/status");
  try {
    await withdrawRequest({ session, input: { reason: values.reason } });
  } catch (e) {
    if (isAppError(e)) return errorState(e, prev, values);
    throw e;
  }
  redirect("/status?withdrawn=1");
}
