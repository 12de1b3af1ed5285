"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { staffActor } from "@/lib/server/current-staff";
import { sealString } from "@/lib/server/crypto";
import { MAIL_FILTER_COOKIE } from "@/lib/mail/mail-viewer";

// An email address is personal data: the mail viewer's filter travels in a POST body and
// is kept sealed in a short-lived cookie scoped to the viewer, never in its URL.

export async function filterMailAction(formData: FormData): Promise<void> {
  if (!(await staffActor())) redirect("/console/sign-in");
  const to = String(formData.get("to") ?? "")
    .trim()
    .slice(0, 254);
  const store = await cookies();
  if (to)
    store.set(MAIL_FILTER_COOKIE, sealString(to), {
      httpOnly: true,
      sameSite: "strict",
      path: "/console/mail",
      maxAge: 60 * 60,
    });
  else store.set(MAIL_FILTER_COOKIE, "", { httpOnly: true, sameSite: "strict", path: "/console/mail", maxAge: 0 });
  redirect("/console/mail");
}

export async function clearMailFilterAction(): Promise<void> {
  (await cookies()).set(MAIL_FILTER_COOKIE, "", {
    httpOnly: true,
    sameSite: "strict",
    path: "/console/mail",
    maxAge: 0,
  });
  redirect("/console/mail");
}
