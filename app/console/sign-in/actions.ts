"use server";
import { headers } from "next/headers";
import { beginSignIn } from "@/lib/staff/sign-in";
import { formStateFromError, type FormState } from "@/lib/form-state";
import { clientKeyFrom } from "@/lib/server/client-key";
import { RateLimitError } from "@/lib/server/rate-limit";

export async function passwordStepAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const email = String(formData.get("email") ?? "");
  try {
    const result = await beginSignIn(
      { email, password: String(formData.get("password") ?? "") },
      { clientKey: clientKeyFrom(await headers()) },
    );
    return {
      status: "ok",
      data: {
        challenge: result.challenge,
        ...(result.enrolment ? { secret: result.enrolment.secret, qr: result.enrolment.qrDataUrl } : {}),
      },
    };
  } catch (err) {
    // Give the email back so the form keeps it; never the password. A throttled attempt
    // says how long to wait (the same for every account, known or not).
    const values: Record<string, string> = { email };
    if (err instanceof RateLimitError) values.retryAfter = String(err.retryAfterSeconds);
    return formStateFromError(err, values);
  }
}
