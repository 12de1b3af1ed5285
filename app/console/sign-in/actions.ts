"use server";
import { beginSignIn } from "@/lib/staff/sign-in";
import { formStateFromError, type FormState } from "@/lib/form-state";

export async function passwordStepAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const email = String(formData.get("email") ?? "");
  try {
    const result = await beginSignIn({ email, password: String(formData.get("password") ?? "") });
    return {
      status: "ok",
      data: {
        challenge: result.challenge,
        ...(result.enrolment ? { secret: result.enrolment.secret, qr: result.enrolment.qrDataUrl } : {}),
      },
    };
  } catch (err) {
    // Give the email back so the form keeps it; never the password.
    return formStateFromError(err, { email });
  }
}
