"use server";
import { revalidatePath } from "next/cache";
import { staffActor } from "@/lib/server/current-staff";
import { formStateFromError, formValues, type FormState } from "@/lib/form-state";
import { formInput } from "@/lib/form-input";
import { saveSystemOfRecord } from "@/lib/integrations/data-map-overview";
import { setSystemOfRecordActive, upsertSystemOfRecordSchema } from "@/lib/tasks/data-map";
import {
  issueApiToken,
  issueApiTokenSchema,
  revokeApiToken,
  revokeApiTokenSchema,
} from "@/lib/integrations/api-tokens";
import { rotateWebhookSecret, setWebhookEndpoint } from "@/lib/integrations/webhook-endpoint";
import { redeliverWebhook, redeliverWebhookSchema } from "@/lib/integrations/webhook-deliveries";

// Thin: each action finds the actor and calls the domain function, which checks the
// permission itself. Tokens and secrets come back in the form state once and are
// never stored anywhere the page could read them again.

function refresh(systemId?: string) {
  revalidatePath("/console/data-map");
  if (systemId) revalidatePath(`/console/data-map/${systemId}`);
}

export async function saveSystemAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const categories = formData.getAll("categories").map((c) => Number(c));
  const values: Record<string, string> = { ...formValues(formData), categories: categories.join(",") };
  try {
    const { id } = await saveSystemOfRecord({
      actor: await staffActor(),
      // The handling as posted: one no option offers fails the schema.
      input: { ...formInput(upsertSystemOfRecordSchema.omit({ webhookUrl: true }), formData), categories },
    });
    refresh(id);
    return { status: "ok", data: { id } };
  } catch (err) {
    return formStateFromError(err, values);
  }
}

export async function setActiveAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const id = String(formData.get("id") ?? "");
  try {
    await setSystemOfRecordActive({
      actor: await staffActor(),
      input: { id, active: formData.get("active") === "true" },
    });
    refresh(id);
    return { status: "ok" };
  } catch (err) {
    return formStateFromError(err);
  }
}

export async function webhookAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const systemId = values.systemId ?? "";
  const actor = await staffActor();
  try {
    let secret: string | null = null;
    if (values.op === "rotate") secret = (await rotateWebhookSecret({ actor, input: { systemId } })).secret;
    else
      secret = (
        await setWebhookEndpoint({
          actor,
          input: { systemId, webhookUrl: values.op === "remove" ? "" : (values.webhookUrl ?? "").trim() },
        })
      ).secret;
    refresh(systemId);
    return { status: "ok", message: values.op === "remove" ? "removed" : "saved", data: secret ? { secret } : {} };
  } catch (err) {
    return formStateFromError(err, values);
  }
}

export async function issueTokenAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  try {
    const { token } = await issueApiToken({
      actor: await staffActor(),
      input: formInput(issueApiTokenSchema, formData, { lists: ["scopes"] }),
    });
    refresh(values.systemId);
    return { status: "ok", data: { token } };
  } catch (err) {
    return formStateFromError(err, values);
  }
}

export async function revokeTokenAction(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    await revokeApiToken({ actor: await staffActor(), input: formInput(revokeApiTokenSchema, formData) });
    refresh(String(formData.get("systemId") ?? ""));
    return { status: "ok" };
  } catch (err) {
    return formStateFromError(err);
  }
}

export async function redeliverAction(_prev: FormState, formData: FormData): Promise<FormState> {
  try {
    await redeliverWebhook({
      actor: await staffActor(),
      input: formInput(redeliverWebhookSchema, formData),
    });
    refresh(String(formData.get("systemId") ?? ""));
    return { status: "ok" };
  } catch (err) {
    return formStateFromError(err);
  }
}
