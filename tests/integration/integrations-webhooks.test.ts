import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { createRequest, createStaff, seedDataMap } from "@/tests/helpers/request-fixtures";
import { decideRequest } from "@/lib/decisions/decide-request";
import { completeTask } from "@/lib/tasks/complete-task";
import { runDueJobs, type JobHandler } from "@/lib/jobs/run-due-jobs";
import { jobHandlers } from "@/lib/jobs/registry";
import { WEBHOOK_JOB } from "@/lib/integrations/announce";
import { rotateWebhookSecret, setWebhookEndpoint } from "@/lib/integrations/webhook-endpoint";
import { listWebhookDeliveries, redeliverWebhook } from "@/lib/integrations/webhook-deliveries";
import { verifyWebhookSignature } from "@/lib/integrations/webhook-signature";
import { taskCreatedEventSchema, requestClosedEventSchema } from "@/lib/integrations/webhook-schemas";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import "@/lib/jobs/handlers";

type Received = { headers: http.IncomingHttpHeaders; body: string; answered: number };

/** A receiver that answers the given statuses in turn (then 200) and keeps what it got. */
async function startReceiver(statuses: number[]) {
  const received: Received[] = [];
  const processed = new Set<string>();
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => {
      const answered = statuses[received.length] ?? 200;
      received.push({ headers: req.headers, body, answered });
      if (answered === 200) processed.add(String(req.headers["madoguchi-delivery"]));
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/madoguchi`;
  return { url, received, processed, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const handlers = () =>
  new Map<string, JobHandler>([
    [WEBHOOK_JOB, jobHandlers.get(WEBHOOK_JOB) ?? (() => Promise.reject(new Error("not registered")))],
  ]);
const runJobs = () => runDueJobs(prisma, handlers(), { workerName: "test" });
/** Lets a retry that waits for its backoff run now. */
const makeDue = () =>
  prisma.job.updateMany({
    where: { kind: WEBHOOK_JOB, status: "PENDING" },
    data: { runAt: new Date(Date.now() - 1000) },
  });

let close: (() => Promise<void>) | undefined;

describe("outgoing webhooks", () => {
  beforeEach(resetDatabase);
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  async function setup(statuses: number[]) {
    const receiver = await startReceiver(statuses);
    close = receiver.close;
    const admin = await createStaff("ADMIN");
    const staff = await createStaff();
    const systems = await seedDataMap();
    const billing = systems.billing ?? "";
    await prisma.systemOfRecord.update({ where: { id: billing }, data: { handling: "API" } });
    // A manual system with a URL is not told: it does its tasks by hand.
    await prisma.systemOfRecord.update({
      where: { id: systems.members ?? "" },
      data: { webhookUrl: receiver.url, webhookSecret: "x" },
    });
    const { secret } = await setWebhookEndpoint({
      actor: admin,
      input: { systemId: billing, webhookUrl: receiver.url },
    });
    if (!secret) throw new Error("a first URL makes a secret");
    const r = await createRequest({ identity: "VERIFIED", status: "IN_PROGRESS", type: "CORRECTION" }); // category 1: members, billing, marketing
    await decideRequest({
      actor: staff,
      input: { requestId: r.id, version: r.version, type: "CORRECTION", outcome: "FULFILLED" },
    });
    return { receiver, admin, staff, systems, billing, secret, r };
  }

  it("a receiver that fails twice then succeeds gets the event exactly once, signed", async () => {
    const { receiver, billing, secret, r } = await setup([500, 503]);
    const task = await prisma.task.findFirstOrThrow({ where: { requestId: r.id, systemId: billing } });
    // Enqueued in the decision's transaction: one delivery (billing only) and its job.
    const delivery = await prisma.webhookDelivery.findFirstOrThrow();
    expect(await prisma.webhookDelivery.count()).toBe(1);
    expect(delivery).toMatchObject({ systemId: billing, event: "task.created", status: "PENDING", attempts: 0 });
    expect(await prisma.job.count({ where: { kind: WEBHOOK_JOB } })).toBe(1);

    expect(await runJobs()).toEqual({ done: 0, failed: 1 });
    expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).toMatchObject({
      attempts: 1,
      lastStatusCode: 500,
      lastError: "HTTP 500",
      status: "PENDING",
    });
    // Backoff: the retry is not due yet.
    expect(await runJobs()).toEqual({ done: 0, failed: 0 });
    await makeDue();
    expect(await runJobs()).toEqual({ done: 0, failed: 1 });
    await makeDue();
    expect(await runJobs()).toEqual({ done: 1, failed: 0 });
    await makeDue();
    expect(await runJobs()).toEqual({ done: 0, failed: 0 });

    const after = await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(after).toMatchObject({ status: "DONE", attempts: 3, lastStatusCode: 200, lastError: null });
    expect(after.deliveredAt).not.toBeNull();
    expect(receiver.received.map((x) => x.answered)).toEqual([500, 503, 200]);
    expect([...receiver.processed]).toEqual([delivery.eventId]);

    for (const got of receiver.received) {
      expect(got.headers["madoguchi-event"]).toBe("task.created");
      expect(got.headers["madoguchi-delivery"]).toBe(delivery.eventId);
      const sig = String(got.headers["madoguchi-signature"]);
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(sig) ?? [];
      // Checked by hand, independently of the helper: HMAC-SHA256 of "t.body" with the secret.
      expect(v1).toBe(crypto.createHmac("sha256", secret).update(`${t}.${got.body}`).digest("hex"));
      expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(300);
      expect(verifyWebhookSignature(sig, got.body, secret)).toBe(true);
      expect(verifyWebhookSignature(sig, got.body.replace("task.created", "task.createe"), secret)).toBe(false);
      expect(verifyWebhookSignature(sig, got.body, "whsec_wrong")).toBe(false);
    }
    const event = taskCreatedEventSchema.parse(JSON.parse(receiver.received[2]?.body ?? ""));
    expect(event).toEqual({
      id: delivery.eventId,
      type: "task.created",
      createdAt: delivery.createdAt.toISOString(),
      data: {
        systemKey: "billing",
        taskId: task.id,
        requestReference: r.reference,
        action: "CORRECT",
        categories: [1],
      },
    });
    // Ids and the reference only: no name, email, address or instructions.
    for (const pd of [r.subjectName, r.email ?? "", "東京都", "530-0001"])
      expect(receiver.received[2]?.body).not.toContain(pd);
  });

  it("announces the closing of a request to the systems that had its tasks", async () => {
    const { receiver, staff, r, billing } = await setup([]);
    await runJobs();
    const tasks = await prisma.task.findMany({ where: { requestId: r.id }, orderBy: { createdAt: "asc" } });
    for (const t of tasks)
      await completeTask({
        actor: staff,
        input: { taskId: t.id, version: t.version, status: "DONE", note: "訂正済み" },
      });
    const closing = await prisma.webhookDelivery.findFirstOrThrow({ where: { event: "request.closed" } });
    expect(closing.systemId).toBe(billing);
    await runJobs();
    const last = receiver.received.at(-1);
    expect(last?.headers["madoguchi-event"]).toBe("request.closed");
    expect(requestClosedEventSchema.parse(JSON.parse(last?.body ?? "")).data).toEqual({
      systemKey: "billing",
      requestReference: r.reference,
      taskIds: tasks.filter((t) => t.systemId === billing).map((t) => t.id),
    });
    expect(receiver.received).toHaveLength(2);
  });

  it("keeps the secret sealed, shows it once, rotates it, and gives up after the last attempt", async () => {
    const { receiver, admin, billing, secret } = await setup([500]);
    const stored = await prisma.systemOfRecord.findUniqueOrThrow({ where: { id: billing } });
    expect(stored.webhookSecret).not.toContain(secret.slice(6));
    expect(
      await setWebhookEndpoint({ actor: admin, input: { systemId: billing, webhookUrl: `${receiver.url}?v=2` } }),
    ).toEqual({ secret: null });
    const rotated = await rotateWebhookSecret({ actor: admin, input: { systemId: billing } });
    expect(rotated.secret).not.toBe(secret);

    await prisma.job.updateMany({ where: { kind: WEBHOOK_JOB }, data: { maxAttempts: 1 } });
    await runJobs();
    const failed = (await listWebhookDeliveries({ actor: admin }))[0];
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1, lastStatusCode: 500 });
    await redeliverWebhook({ actor: admin, input: { deliveryId: failed?.id ?? "" } });
    await runJobs();
    const got = receiver.received.at(-1);
    expect(verifyWebhookSignature(String(got?.headers["madoguchi-signature"]), got?.body ?? "", rotated.secret)).toBe(
      true,
    );
    expect(verifyWebhookSignature(String(got?.headers["madoguchi-signature"]), got?.body ?? "", secret)).toBe(false);
    expect((await listWebhookDeliveries({ actor: admin }))[0]).toMatchObject({ status: "DONE", attempts: 2 });
    await expect(redeliverWebhook({ actor: admin, input: { deliveryId: failed?.id ?? "" } })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });

    await expect(
      setWebhookEndpoint({ actor: admin, input: { systemId: billing, webhookUrl: "ftp://example.com/x" } }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { webhookUrl: ["integrations.errors.webhookUrl"] },
    });
    await setWebhookEndpoint({ actor: admin, input: { systemId: billing, webhookUrl: "" } });
    expect(await prisma.systemOfRecord.findUniqueOrThrow({ where: { id: billing } })).toMatchObject({
      webhookUrl: null,
      webhookSecret: null,
    });
    const officer = await createStaff("OFFICER");
    await expect(rotateWebhookSecret({ actor: officer, input: { systemId: billing } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(listWebhookDeliveries({ actor: officer })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const audit = await prisma.auditEvent.findMany({
      where: { entity: { in: ["SystemOfRecord", "WebhookDelivery"] } },
      orderBy: { seq: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "data_map.webhook_set",
      "data_map.webhook_set",
      "data_map.webhook_secret_rotated",
      "webhook.redelivered",
      "data_map.webhook_removed",
    ]);
    expect(JSON.stringify(audit.map((a) => a.data))).not.toContain(rotated.secret);
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true });
  });
});
