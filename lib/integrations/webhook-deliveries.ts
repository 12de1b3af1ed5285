import { z } from "zod";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { idSchema } from "@/lib/requests/shared-schemas";
import { WEBHOOK_JOB, WEBHOOK_MAX_ATTEMPTS } from "./announce";

export type WebhookDeliveryRow = {
  id: string;
  systemId: string;
  eventId: string;
  event: string;
  requestReference: string | null;
  status: "PENDING" | "RUNNING" | "DONE" | "FAILED";
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: Date | null;
  createdAt: Date;
};

/** The delivery log for the console, newest first. */
export async function listWebhookDeliveries(opts: {
  actor: Actor | null;
  input?: { systemId?: string; take?: number };
}): Promise<WebhookDeliveryRow[]> {
  assertPermission(opts.actor, "manage:data-map");
  const rows = await prisma.webhookDelivery.findMany({
    where: opts.input?.systemId ? { systemId: opts.input.systemId } : {},
    orderBy: { createdAt: "desc" },
    take: Math.min(opts.input?.take ?? 50, 200),
  });
  return rows.map(({ payload, ...r }) => {
    const ref = payload && typeof payload === "object" && !Array.isArray(payload) ? payload.requestReference : null;
    return { ...r, requestReference: typeof ref === "string" ? ref : null };
  });
}

export const redeliverWebhookSchema = z.object({ deliveryId: idSchema });

/** Sends a delivery that gave up (or had no endpoint) once more, with a fresh run of attempts. */
export async function redeliverWebhook(opts: {
  actor: Actor | null;
  input: z.input<typeof redeliverWebhookSchema>;
}): Promise<{ id: string }> {
  const { actor } = opts;
  assertPermission(actor, "manage:data-map");
  const q = parseInput(redeliverWebhookSchema, opts.input, "webhook delivery");
  return prisma.$transaction(async (tx) => {
    const d = await tx.webhookDelivery.findUnique({
      where: { id: q.deliveryId },
      select: { id: true, status: true, systemId: true },
    });
    if (!d) throw new AppError("NOT_FOUND", "delivery");
    if (d.status !== "FAILED")
      throw new AppError("INVALID_STATE", "delivery not failed", { _form: ["integrations.errors.notFailed"] });
    await tx.webhookDelivery.update({ where: { id: d.id }, data: { status: "PENDING" } });
    await enqueueJob(tx, { kind: WEBHOOK_JOB, payload: { deliveryId: d.id }, maxAttempts: WEBHOOK_MAX_ATTEMPTS });
    await writeAuditEvent(tx, {
      actor,
      action: "webhook.redelivered",
      entity: "WebhookDelivery",
      entityId: d.id,
      data: { systemId: d.systemId },
    });
    return { id: d.id };
  });
}
