import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { createRequest, createStaff, noticePdfText, seedDataMap } from "@/tests/helpers/request-fixtures";
import { decideRequest } from "@/lib/decisions/decide-request";
import { completeTask } from "@/lib/tasks/complete-task";
import { closeRequestIfComplete } from "@/lib/tasks/close-request";
import { deactivateSystemOfRecord, listSystemsOfRecord, upsertSystemOfRecord } from "@/lib/tasks/data-map";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

const verified = { identity: "VERIFIED" as const, status: "IN_PROGRESS" as const };

describe("tasks and the data map", () => {
  beforeEach(resetDatabase);

  it("a correction makes one task per system holding the category and closes when all are done or explained", async () => {
    const staff = await createStaff();
    const systems = await seedDataMap();
    const r = await createRequest({ ...verified, type: "CORRECTION" }); // category 1: address
    const d = await decideRequest({
      actor: staff,
      input: { requestId: r.id, version: r.version, type: "CORRECTION", outcome: "FULFILLED" },
    });
    expect(d.status).toBe("DECIDED");
    const tasks = await prisma.task.findMany({ where: { requestId: r.id }, orderBy: { systemId: "asc" } });
    expect(tasks.map((t) => t.systemId).sort()).toEqual([systems.billing, systems.marketing, systems.members].sort());
    expect(tasks.every((t) => t.action === "CORRECT" && t.categories.join() === "1")).toBe(true);
    expect(tasks[0]?.instructions).toContain("東京都渋谷区渋谷2-2-2");

    const [a, b, c] = tasks;
    if (!a || !b || !c) throw new Error("three tasks expected");
    expect(
      await completeTask({
        actor: staff,
        input: { taskId: a.id, version: 0, status: "DONE", note: "住所を訂正しました。" },
      }),
    ).toMatchObject({ requestClosed: false });
    await expect(
      completeTask({ actor: staff, input: { taskId: a.id, version: 1, status: "DONE", note: "again" } }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(
      completeTask({ actor: staff, input: { taskId: b.id, version: 3, status: "DONE", note: "x" } }),
    ).rejects.toMatchObject({ code: "STALE_VERSION" });
    expect(
      await completeTask({
        actor: staff,
        input: { taskId: b.id, version: 0, status: "FAILED", note: "API がタイムアウト" },
      }),
    ).toMatchObject({ requestClosed: false });
    await expect(
      closeRequestIfComplete({ actor: staff, input: { requestId: r.id, version: d.version } }),
    ).rejects.toMatchObject({ code: "INVALID_STATE", fieldErrors: { _form: ["console.state.tasksOpen"] } });
    expect(
      await completeTask({
        actor: staff,
        input: { taskId: b.id, version: 1, status: "DONE", note: "再実行して訂正しました。" },
      }),
    ).toMatchObject({ requestClosed: false });
    expect(
      await completeTask({
        actor: staff,
        input: { taskId: c.id, version: 0, status: "EXPLAINED", note: "配信リストには住所を保持していません。" },
      }),
    ).toMatchObject({ requestClosed: true });

    const closed = await prisma.request.findUniqueOrThrow({ where: { id: r.id } });
    expect(closed.status).toBe("CLOSED");
    expect(closed.closedAt).not.toBeNull();
    const completion = await prisma.notice.findFirstOrThrow({ where: { requestId: r.id, kind: "COMPLETION" } });
    expect(await noticePdfText(completion.id)).toContain("訂正");
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true });
  });

  it("sends no task to an inactive system and refuses work no system holds", async () => {
    const admin = await createStaff("ADMIN");
    const staff = await createStaff();
    const systems = await seedDataMap();
    await deactivateSystemOfRecord({ actor: admin, input: { id: systems["access-logs"] ?? "" } });
    const r = await createRequest({ ...verified, type: "SUSPENSION" }); // category 6 only in access-logs
    await expect(
      decideRequest({
        actor: staff,
        input: { requestId: r.id, version: r.version, type: "SUSPENSION", outcome: "FULFILLED" },
      }),
    ).rejects.toMatchObject({
      code: "INVALID_STATE",
      fieldErrors: { _form: ["console.state.noSystemForCategories"] },
    });
    expect(await prisma.decision.count()).toBe(0);
    expect((await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("IN_PROGRESS");
    const t = await createRequest({ ...verified, type: "THIRD_PARTY_STOP" });
    await decideRequest({
      actor: staff,
      input: {
        requestId: t.id,
        version: t.version,
        type: "THIRD_PARTY_STOP",
        outcome: "FULFILLED",
        categories: [1, 6],
      },
    });
    const actions = await prisma.task.findMany({
      where: { requestId: t.id },
      select: { action: true, systemId: true },
    });
    expect(actions).toHaveLength(3);
    expect(actions.every((a) => a.action === "STOP_THIRD_PARTY" && a.systemId !== systems["access-logs"])).toBe(true);
  });

  it("lets admins edit the data map, audited, and no one else", async () => {
    const admin = await createStaff("ADMIN");
    const officer = await createStaff("OFFICER");
    const { id } = await upsertSystemOfRecord({
      actor: admin,
      input: { key: "crm", nameJa: "顧客管理", nameEn: "CRM", owner: "営業部", categories: [1, 3, 3] },
    });
    await upsertSystemOfRecord({
      actor: admin,
      input: { id, key: "crm", nameJa: "顧客管理", nameEn: "CRM", owner: "営業部", categories: [1, 11] },
    });
    expect((await prisma.systemOfRecord.findUniqueOrThrow({ where: { id } })).categories).toEqual([1, 11]);
    await expect(
      upsertSystemOfRecord({
        actor: admin,
        input: { key: "crm", nameJa: "x", nameEn: "x", owner: "x", categories: [2] },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      upsertSystemOfRecord({
        actor: officer,
        input: { key: "x1", nameJa: "x", nameEn: "x", owner: "x", categories: [2] },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await deactivateSystemOfRecord({ actor: admin, input: { id } });
    expect(await listSystemsOfRecord({ actor: officer })).toHaveLength(0);
    expect(await listSystemsOfRecord({ actor: officer, input: { includeInactive: true } })).toHaveLength(1);
    expect((await prisma.auditEvent.findMany({ orderBy: { seq: "asc" } })).map((e) => e.action)).toEqual([
      "data_map.system_added",
      "data_map.system_updated",
      "data_map.system_deactivated",
    ]);
  });
});
