import { z } from "zod";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { sealString } from "@/lib/server/crypto";
import { idSchema } from "@/lib/requests/shared-schemas";
import { newWebhookSecret } from "./webhook-signature";

// A system's webhook endpoint. The signing secret is made when a URL is first set and
// on rotation, returned once to show the admin, and kept sealed (AES-GCM) because the
// worker needs it back to sign. Removing the URL drops the secret too.

export const setWebhookEndpointSchema = z.object({
  systemId: idSchema,
  webhookUrl: z.union(
    [
      z.literal(""),
      z
        .url({ protocol: /^https?$/, message: "integrations.errors.webhookUrl" })
        .max(500, { message: "errors.tooLong" }),
    ],
    { message: "integrations.errors.webhookUrl" },
  ),
});
export type SetWebhookEndpointInput = z.input<typeof setWebhookEndpointSchema>;

/** Sets ("" removes) the URL; returns the new secret when one was made, else null. */
export async function setWebhookEndpoint(opts: {
  actor: Actor | null;
  input: SetWebhookEndpointInput;
}): Promise<{ secret: string | null }> {
  const { actor } = opts;
  assertPermission(actor, "manage:data-map");
  const q = parseInput(setWebhookEndpointSchema, opts.input, "webhook endpoint");
  return prisma.$transaction(async (tx) => {
    const system = await tx.systemOfRecord.findUnique({
      where: { id: q.systemId },
      select: { id: true, webhookUrl: true, webhookSecret: true },
    });
    if (!system) throw new AppError("NOT_FOUND", "system");
    if (!q.webhookUrl) {
      await tx.systemOfRecord.update({ where: { id: system.id }, data: { webhookUrl: null, webhookSecret: null } });
      await writeAuditEvent(tx, {
        actor,
        action: "data_map.webhook_removed",
        entity: "SystemOfRecord",
        entityId: system.id,
      });
      return { secret: null };
    }
    const secret = system.webhookSecret ? null : newWebhookSecret();
    await tx.systemOfRecord.update({
      where: { id: system.id },
      data: { webhookUrl: q.webhookUrl, ...(secret ? { webhookSecret: sealString(secret) } : {}) },
    });
    await writeAuditEvent(tx, {
      actor,
      action: "data_map.webhook_set",
      entity: "SystemOfRecord",
      entityId: system.id,
      data: { changed: system.webhookUrl !== q.webhookUrl, secretIssued: Boolean(secret) },
    });
    return { secret };
  });
}

export const rotateWebhookSecretSchema = z.object({ systemId: idSchema });

/** A new secret at once; deliveries from now on are signed with it. */
export async function rotateWebhookSecret(opts: {
  actor: Actor | null;
  input: z.input<typeof rotateWebhookSecretSchema>;
}): Promise<{ secret: string }> {
  const { actor } = opts;
  assertPermission(actor, "manage:data-map");
  const q = parseInput(rotateWebhookSecretSchema, opts.input, "webhook secret");
  return prisma.$transaction(async (tx) => {
    const system = await tx.systemOfRecord.findUnique({
      where: { id: q.systemId },
      select: { id: true, webhookUrl: true },
    });
    if (!system) throw new AppError("NOT_FOUND", "system");
    if (!system.webhookUrl)
      throw new AppError("INVALID_STATE", "no webhook url", { _form: ["integrations.errors.noWebhookUrl"] });
    const secret = newWebhookSecret();
    await tx.systemOfRecord.update({ where: { id: system.id }, data: { webhookSecret: sealString(secret) } });
    await writeAuditEvent(tx, {
      actor,
      action: "data_map.webhook_secret_rotated",
      entity: "SystemOfRecord",
      entityId: system.id,
    });
    return { secret };
  });
}
