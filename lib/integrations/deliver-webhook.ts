import type { PrismaClient } from "@/lib/generated/prisma/client";
import { openString } from "@/lib/server/crypto";
import { DELIVERY_HEADER, EVENT_HEADER, SIGNATURE_HEADER } from "./webhook-schemas";
import { webhookSignature } from "./webhook-signature";

// One attempt to POST a webhook delivery. A non-2xx answer, a redirect, a timeout or a
// refused connection throws, so the job queue retries with backoff; a delivered event is
// never sent again (the receiver still deduplicates on Madoguchi-Delivery, in case we
// crash between its 2xx and our record of it).

const TIMEOUT_MS = 10_000;

export type DeliveryOptions = { finalAttempt: boolean; now?: () => Date; fetchImpl?: typeof fetch };

/** Error text without URLs or bodies: a status or a low-level code is enough to act on. */
function safeError(e: unknown): string {
  const err = e as { name?: string; cause?: { code?: string } };
  if (err.name === "TimeoutError" || err.name === "AbortError") return "timeout";
  return (err.cause?.code ?? err.name ?? "network error").slice(0, 80);
}

export async function deliverWebhook(prisma: PrismaClient, deliveryId: string, opts: DeliveryOptions): Promise<void> {
  const d = await prisma.webhookDelivery.findUnique({
    where: { id: deliveryId },
    include: { system: { select: { webhookUrl: true, webhookSecret: true } } },
  });
  if (!d || d.status === "DONE") return;
  const { webhookUrl, webhookSecret } = d.system;
  if (!webhookUrl || !webhookSecret) {
    // The URL was removed since: nothing to retry until an admin sets one and redelivers.
    await prisma.webhookDelivery.update({
      where: { id: d.id },
      data: { status: "FAILED", lastError: "no webhook endpoint" },
    });
    return;
  }
  const body = JSON.stringify({ id: d.eventId, type: d.event, createdAt: d.createdAt.toISOString(), data: d.payload });
  const now = opts.now?.() ?? new Date();
  const headers = {
    "content-type": "application/json",
    "user-agent": "Madoguchi-Webhook/1",
    [SIGNATURE_HEADER]: webhookSignature(openString(webhookSecret), body, Math.floor(now.getTime() / 1000)),
    [EVENT_HEADER]: d.event,
    [DELIVERY_HEADER]: d.eventId,
  };
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const res = await (opts.fetchImpl ?? fetch)(webhookUrl, {
      method: "POST",
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    statusCode = res.status;
    await res.body?.cancel();
    if (res.status < 200 || res.status > 299) error = `HTTP ${res.status}`;
  } catch (e) {
    error = safeError(e);
  }
  if (!error) {
    await prisma.webhookDelivery.update({
      where: { id: d.id },
      data: {
        status: "DONE",
        attempts: { increment: 1 },
        lastStatusCode: statusCode,
        lastError: null,
        deliveredAt: now,
      },
    });
    return;
  }
  await prisma.webhookDelivery.update({
    where: { id: d.id },
    data: {
      status: opts.finalAttempt ? "FAILED" : "PENDING",
      attempts: { increment: 1 },
      lastStatusCode: statusCode,
      lastError: error,
    },
  });
  throw new Error(`webhook delivery failed: ${error}`);
}
