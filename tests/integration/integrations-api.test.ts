import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { addDocument, createRequest, createStaff, seedDataMap } from "@/tests/helpers/request-fixtures";
import { decideRequest } from "@/lib/decisions/decide-request";
import { issueApiToken, revokeApiToken, type ApiScope } from "@/lib/integrations/api-tokens";
import { completeTask } from "@/lib/tasks/complete-task";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { GET as listRoute } from "@/app/api/v1/tasks/route";
import { GET as getRoute } from "@/app/api/v1/tasks/[id]/route";
import { POST as completeRoute } from "@/app/api/v1/tasks/[id]/complete/route";

const BASE = "http://madoguchi.test";
const verified = { identity: "VERIFIED" as const, status: "IN_PROGRESS" as const };

type Json = Record<string, unknown> & {
  tasks?: { id: string; requestReference: string; subject: Record<string, unknown> }[];
};

const auth = (token: string | null): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });

async function call(res: Promise<Response>): Promise<{ status: number; body: Json; headers: Headers }> {
  const r = await res;
  return { status: r.status, body: (await r.json()) as Json, headers: r.headers };
}
const list = (token: string | null, query = "") =>
  call(listRoute(new Request(`${BASE}/api/v1/tasks${query}`, { headers: auth(token) })));
const get = (token: string | null, id: string) =>
  call(getRoute(new Request(`${BASE}/api/v1/tasks/${id}`, { headers: auth(token) }), ctx(id)));
const complete = (token: string | null, id: string, body: unknown, contentType = "application/json") =>
  call(
    completeRoute(
      new Request(`${BASE}/api/v1/tasks/${id}/complete`, {
        method: "POST",
        headers: { ...auth(token), "content-type": contentType },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
      ctx(id),
    ),
  );

/** The seeded data map, two decided requests and a token for billing. */
async function setup(scopes: ApiScope[] = ["tasks:read", "tasks:write"]) {
  const admin = await createStaff("ADMIN");
  const staff = await createStaff();
  const systems = await seedDataMap();
  // Category 1 (contact data): members, billing and marketing each get a task.
  const shared = await createRequest({ ...verified, type: "CORRECTION", customerId: "C-1001" });
  await addDocument(shared.id);
  await decideRequest({
    actor: staff,
    input: { requestId: shared.id, version: shared.version, type: "CORRECTION", outcome: "FULFILLED" },
  });
  // Category 4 (payment data): billing only.
  const own = await createRequest({
    ...verified,
    type: "CORRECTION",
    details: { action: "CORRECT", items: [{ category: 4, current: "みずほ銀行", corrected: "りそな銀行" }] },
  });
  await decideRequest({
    actor: staff,
    input: { requestId: own.id, version: own.version, type: "CORRECTION", outcome: "FULFILLED" },
  });
  const { token, id: tokenId } = await issueApiToken({
    actor: admin,
    input: { systemId: systems.billing ?? "", name: "billing", scopes },
  });
  const tasks = await prisma.task.findMany({ include: { request: true } });
  const billingTasks = tasks.filter((t) => t.systemId === systems.billing);
  const otherTask = tasks.find((t) => t.systemId === systems.members);
  if (!otherTask) throw new Error("members task expected");
  return { admin, staff, systems, shared, own, token, tokenId, billingTasks, otherTask };
}

describe("systems-of-record API", () => {
  beforeEach(resetDatabase);

  it("lists only the token's system's tasks, with the fields the task needs and nothing else", async () => {
    const s = await setup();
    const res = await list(s.token, "?status=OPEN");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const tasks = res.body.tasks ?? [];
    expect(tasks.map((t) => t.id).sort()).toEqual(s.billingTasks.map((t) => t.id).sort());
    expect(tasks.map((t) => t.requestReference).sort()).toEqual([s.shared.reference, s.own.reference].sort());
    const contact = tasks.find((t) => t.requestReference === s.shared.reference);
    // Category 1 is contact data, so the email is given to find the record; nothing more.
    expect(contact?.subject).toEqual({
      customerId: "C-1001",
      name: "山田 花子",
      nameKana: "ヤマダ ハナコ",
      email: s.shared.email,
    });
    const payment = tasks.find((t) => t.requestReference === s.own.reference);
    expect(payment?.subject).toEqual({ customerId: null, name: "山田 花子", nameKana: "ヤマダ ハナコ" });
    expect(JSON.stringify(payment)).toContain("りそな銀行");

    const text = JSON.stringify(res.body);
    const doc = await prisma.document.findFirstOrThrow({ where: { requestId: s.shared.id } });
    for (const secret of [doc.id, doc.fileId, "梅田1-1-1", "530-0001", "1985-04-12", s.shared.id])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/document|file|address|phone/i);

    const other = await list(s.token, "?status=DONE");
    expect(other.body.tasks).toEqual([]);
  });

  it("pages with a cursor that must be one of the system's own tasks", async () => {
    const s = await setup();
    const first = await list(s.token, "?limit=1");
    expect(first.body.tasks).toHaveLength(1);
    expect(typeof first.body.nextCursor).toBe("string");
    const second = await list(s.token, `?limit=1&cursor=${String(first.body.nextCursor)}`);
    expect(second.body.tasks).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    expect(second.body.tasks?.[0]?.id).not.toBe(first.body.tasks?.[0]?.id);
    expect(await list(s.token, `?cursor=${s.otherTask.id}`)).toMatchObject({
      status: 400,
      body: { error: "INVALID_INPUT", fieldErrors: { cursor: ["integrations.errors.cursor"] } },
    });
    expect(await list(s.token, "?status=CLOSED&limit=0")).toMatchObject({
      status: 400,
      body: { fieldErrors: { status: ["integrations.errors.taskStatus"], limit: ["integrations.errors.limit"] } },
    });
  });

  it("cannot read or complete another system's task: 404, like an unknown id", async () => {
    const s = await setup();
    const own = s.billingTasks[0];
    expect(await get(s.token, own?.id ?? "")).toMatchObject({ status: 200, body: { task: { id: own?.id } } });
    expect(await get(s.token, s.otherTask.id)).toEqual(
      expect.objectContaining({ status: 404, body: { error: "NOT_FOUND" } }),
    );
    expect(await get(s.token, "no-such-task")).toEqual(
      expect.objectContaining({ status: 404, body: { error: "NOT_FOUND" } }),
    );
    expect(await complete(s.token, s.otherTask.id, { status: "DONE", note: "done" })).toMatchObject({ status: 404 });
    expect((await prisma.task.findUniqueOrThrow({ where: { id: s.otherTask.id } })).status).toBe("OPEN");
    // The domain function refuses it too, whoever calls it.
    await expect(
      completeTask({
        actor: { type: "API_TOKEN", id: s.tokenId, systemId: s.systems.billing ?? "" },
        input: { taskId: s.otherTask.id, version: 0, status: "DONE", note: "x" },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("completing the system's last task closes the request, audited with the token as actor", async () => {
    const s = await setup();
    const task = s.billingTasks.find((t) => t.requestId === s.own.id);
    if (!task) throw new Error("billing task expected");
    const failed = await complete(s.token, task.id, { status: "FAILED", note: "口座情報のロック中" });
    expect(failed).toMatchObject({
      status: 200,
      body: { requestClosed: false, task: { status: "FAILED", version: 1, resultNote: "口座情報のロック中" } },
    });
    expect(await complete(s.token, task.id, { status: "DONE", note: "x", version: 0 })).toMatchObject({
      status: 409,
      body: { error: "STALE_VERSION" },
    });
    const done = await complete(s.token, task.id, { status: "DONE", note: "振込口座を訂正しました。", version: 1 });
    expect(done).toMatchObject({ status: 200, body: { requestClosed: true, task: { status: "DONE", version: 2 } } });
    expect(await complete(s.token, task.id, { status: "DONE", note: "again" })).toMatchObject({
      status: 409,
      body: { error: "INVALID_STATE" },
    });

    const closed = await prisma.request.findUniqueOrThrow({ where: { id: s.own.id } });
    expect(closed.status).toBe("CLOSED");
    expect(await prisma.notice.count({ where: { requestId: s.own.id, kind: "COMPLETION" } })).toBe(1);
    expect(await prisma.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      completedByTokenId: s.tokenId,
      completedById: null,
    });
    const events = await prisma.auditEvent.findMany({
      where: { requestId: s.own.id, action: { in: ["task.completed", "request.closed"] } },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => [e.action, e.actorType, e.actorId])).toEqual([
      ["task.completed", "API_TOKEN", s.tokenId],
      ["task.completed", "API_TOKEN", s.tokenId],
      ["request.closed", "API_TOKEN", s.tokenId],
    ]);
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true });
  });

  it("answers bad input with 400 and field errors, writing nothing", async () => {
    const s = await setup();
    const id = s.billingTasks[0]?.id ?? "";
    expect(await complete(s.token, id, { status: "EXPLAINED", note: " " })).toMatchObject({
      status: 400,
      body: {
        error: "INVALID_INPUT",
        fieldErrors: { status: ["integrations.errors.completeStatus"], note: ["errors.required"] },
      },
    });
    expect(await complete(s.token, id, { status: "DONE", note: "x".repeat(2001), version: -1 })).toMatchObject({
      status: 400,
      body: { fieldErrors: { note: ["errors.tooLong"], version: ["console.errors.version"] } },
    });
    expect(await complete(s.token, id, "{not json")).toMatchObject({
      status: 400,
      body: { fieldErrors: { _form: ["integrations.errors.jsonBody"] } },
    });
    expect(await complete(s.token, id, { status: "DONE", note: "x" }, "text/plain")).toMatchObject({ status: 400 });
    expect(await prisma.task.count({ where: { status: { not: "OPEN" } } })).toBe(0);
  });

  it("401 without a token or with a revoked one; 403 without the scope", async () => {
    const s = await setup(["tasks:read"]);
    const id = s.billingTasks[0]?.id ?? "";
    const none = await list(null);
    expect(none).toMatchObject({ status: 401, body: { error: "UNAUTHENTICATED" } });
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect(await complete(s.token, id, { status: "DONE", note: "x" })).toMatchObject({
      status: 403,
      body: { error: "FORBIDDEN" },
    });
    await revokeApiToken({ actor: s.admin, input: { tokenId: s.tokenId } });
    expect(await list(s.token)).toMatchObject({ status: 401 });
    expect(await get(s.token, id)).toMatchObject({ status: 401 });
    expect(await complete(s.token, id, { status: "DONE", note: "x" })).toMatchObject({ status: 401 });
    expect(await prisma.task.count({ where: { status: { not: "OPEN" } } })).toBe(0);
  });
});
