"use server";
import { revalidatePath } from "next/cache";
import { staffActor } from "@/lib/server/current-staff";
import { changeStaffRole, inviteStaff, resetStaffTotp, setStaffActive, unlockStaff } from "@/lib/staff/manage-staff";
import { formStateFromError, formValues, type FormState } from "@/lib/form-state";

// Thin: each action finds the actor and calls the domain function, which checks the
// permission itself, so a forged post from a STAFF user is refused there too.

export async function inviteStaffAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    await inviteStaff({ actor: await staffActor(), input: values });
    revalidatePath("/console/staff");
    return { status: "ok", data: { email: values.email ?? "" } };
  } catch (err) {
    return formStateFromError(err, values);
  }
}

export async function staffRowAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const actor = await staffActor();
  const input = { staffId: values.staffId, role: values.role };
  try {
    switch (values.op) {
      case "role":
        await changeStaffRole({ actor, input });
        break;
      case "deactivate":
      case "reactivate":
        await setStaffActive({ actor, input, active: values.op === "reactivate" });
        break;
      case "unlock":
        await unlockStaff({ actor, input });
        break;
      case "reset-totp":
        await resetStaffTotp({ actor, input });
        break;
      default:
        return { status: "error", code: "INVALID_INPUT", fieldErrors: {} };
    }
    revalidatePath("/console/staff");
    return { status: "ok" };
  } catch (err) {
    return formStateFromError(err);
  }
}
