"use server";
import { redirect } from "next/navigation";
import { acceptInvite } from "@/lib/staff/manage-staff";
import { formStateFromError, type FormState } from "@/lib/form-state";

export async function acceptInviteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    await acceptInvite({
      token: formData.get("token"),
      password: formData.get("password"),
      confirm: formData.get("confirm"),
    });
  } catch (err) {
    return formStateFromError(err);
  }
  redirect("/console/sign-in?passwordSet=1");
}
