import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/db";
import { randomToken } from "@/lib/server/crypto";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { RequestClosedData, TaskCreatedData, WebhookEvent } from "./webhook-schemas";

// Outbox for webhooks: domain code calls announce() inside its own transaction, so a
// delivery row and its job exist exactly when the change they announce does. Only
// systems that carry out tasks through the API (handling API) with a webhook URL and
// secret are told; the payload is ids and the reference, never personal data.

export const WEBHOOK_JOB = "webhook.deliver";
export const WEBHOOK_MAX_ATTEMPTS = 10;

export type Announcement = { event: "task.created"; taskId: string } | { event: "request.closed"; requestId: string };

type Target = { id: string; key: string; handling: string; webhookUrl: string | null; webhookSecret: string | null };

const listens = (s: Target) => s.handling === "API" && Boolean(s.webhookUrl) && Boolean(s.webhookSecret);

async function enqueueDelivery(
  tx: Tx,
  systemId: string,
  event: WebhookEvent,
  payload: TaskCreatedData | RequestClosedData,
): Promise<void> {
  const delivery = await tx.webhookDelivery.create({
    data: { systemId, eventId: `evt_${randomToken(18)}`, event, payload: payload as Prisma.InputJsonObject },
    select: { id: true },
  });
  await enqueueJob(tx, { kind: WEBHOOK_JOB, payload: { deliveryId: delivery.id }, maxAttempts: WEBHOOK_MAX_ATTEMPTS });
}

const targetSelect = { id: true, key: true, handling: true, webhookUrl: true, webhookSecret: true } as const;

/** Enqueues the event for every listening system concerned; returns how many deliveries. */
export async function announce(tx: Tx, a: Announcement): Promise<number> {
  if (a.event === "task.created") {
    const t = await tx.task.findUniqueOrThrow({
      where: { id: a.taskId },
      select: {
        id: true,
        action: true,
        categories: true,
        request: { select: { reference: true } },
        system: { select: targetSelect },
      },
    });
    // A by-hand COLLECT task (a connected system that could not be read) is never sent out.
    if (!listens(t.system) || t.action === "COLLECT") return 0;
    await enqueueDelivery(tx, t.system.id, a.event, {
      systemKey: t.system.key,
      taskId: t.id,
      requestReference: t.request.reference,
      action: t.action,
      categories: t.categories,
    });
    return 1;
  }
  const r = await tx.request.findUniqueOrThrow({
    where: { id: a.requestId },
    select: {
      reference: true,
      tasks: { select: { id: true, system: { select: targetSelect } }, orderBy: { createdAt: "asc" } },
    },
  });
  const bySystem = new Map<string, { system: Target; taskIds: string[] }>();
  for (const t of r.tasks) {
    if (!listens(t.system)) continue;
    const entry = bySystem.get(t.system.id) ?? { system: t.system, taskIds: [] };
    entry.taskIds.push(t.id);
    bySystem.set(t.system.id, entry);
  }
  for (const { system, taskIds } of bySystem.values()) {
    await enqueueDelivery(tx, system.id, a.event, { systemKey: system.key, requestReference: r.reference, taskIds });
  }
  return bySystem.size;
}
