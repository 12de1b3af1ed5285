import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import {
  createEveryRequest,
  createRequest,
  createStaff,
  DAY,
  requestStatuses,
  requestTypes,
} from "@/tests/helpers/request-fixtures";
import { listQueue } from "@/lib/console/queue";
import { appiSuitDate } from "@/lib/deadlines/deadline-clock";

const now = new Date("2026-11-20T03:00:00Z"); // 12:00 JST
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);

describe("console queue", () => {
  beforeEach(resetDatabase);

  it("pages 25 at a time, sorted by due date, with a bounded count", async () => {
    const staff = await createStaff();
    for (let i = 0; i < 30; i++) await createRequest({ arrivedAt: daysAgo(i) });
    const first = await listQueue({ actor: staff, input: {}, now });
    expect(first.rows).toHaveLength(25);
    expect(first.hasNextPage).toBe(true);
    expect(first.total).toBe(30);
    const dues = first.rows.map((r) => r.dueAt.getTime());
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    const second = await listQueue({ actor: staff, input: { page: 2 }, now });
    expect(second.rows).toHaveLength(5);
    expect(second.hasNextPage).toBe(false);
    const ids = new Set([...first.rows, ...second.rows].map((r) => r.id));
    expect(ids.size).toBe(30);
  });

  it("shows days left, the deadline status and the APPI two-week date", async () => {
    const staff = await createStaff();
    const overdue = await createRequest({ arrivedAt: daysAgo(20) });
    const soon = await createRequest({ arrivedAt: daysAgo(12) });
    const paused = await createRequest({
      arrivedAt: daysAgo(20),
      status: "WAITING_FOR_REQUESTER",
      pausedAt: daysAgo(10),
    });
    const closed = await createRequest({ arrivedAt: daysAgo(20), status: "CLOSED" });
    const { rows } = await listQueue({ actor: staff, input: {}, now });
    const by = (id: string) => rows.find((r) => r.id === id);
    expect(by(overdue.id)).toMatchObject({ deadlineStatus: "overdue", daysLeft: -6 });
    expect(by(soon.id)).toMatchObject({ deadlineStatus: "due_soon", daysLeft: 2 });
    expect(by(paused.id)?.deadlineStatus).toBe("paused");
    expect(by(closed.id)?.deadlineStatus).toBe("stopped");
    expect(by(soon.id)?.appiSuitDate).toEqual(appiSuitDate(soon.arrivedAt));
  });

  it("filters due soon and overdue on running clocks only", async () => {
    const staff = await createStaff();
    const overdue = await createRequest({ arrivedAt: daysAgo(20), status: "IN_PROGRESS" });
    const soon = await createRequest({ arrivedAt: daysAgo(12) });
    await createRequest({ arrivedAt: daysAgo(1) });
    await createRequest({ arrivedAt: daysAgo(20), status: "WAITING_FOR_REQUESTER" });
    await createRequest({ arrivedAt: daysAgo(20), status: "DECIDED" });
    expect((await listQueue({ actor: staff, input: { overdue: true }, now })).rows.map((r) => r.id)).toEqual([
      overdue.id,
    ]);
    expect((await listQueue({ actor: staff, input: { dueSoon: true }, now })).rows.map((r) => r.id)).toEqual([soon.id]);
    expect((await listQueue({ actor: staff, input: { dueSoon: true, overdue: true }, now })).total).toBe(2);
  });

  it("filters by type, status, identity, fee, channel and assignee (incl. me)", async () => {
    const staff = await createStaff();
    const other = await createStaff();
    await createEveryRequest();
    const mine = await createRequest({ type: "CORRECTION", assigneeId: staff.id, channel: "POST" });
    await createRequest({ assigneeId: other.id });
    const count = async (input: Parameters<typeof listQueue>[0]["input"]) =>
      (await listQueue({ actor: staff, input, now })).total;
    expect(await count({})).toBe(requestTypes.length * requestStatuses.length + 2);
    expect(await count({ type: ["INQUIRY"] })).toBe(requestStatuses.length);
    expect(await count({ status: ["CLOSED", "WITHDRAWN"] })).toBe(requestTypes.length * 2);
    expect(await count({ identity: ["NOT_REQUIRED"] })).toBe(2 * requestStatuses.length);
    expect(await count({ fee: ["AWAITING_PAYMENT"] })).toBe(requestStatuses.length + 1);
    expect(await count({ channel: ["POST"] })).toBe(1);
    expect((await listQueue({ actor: staff, input: { assignee: "me" }, now })).rows.map((r) => r.id)).toEqual([
      mine.id,
    ]);
    expect(await count({ assignee: other.id })).toBe(1);
    expect(await count({ assignee: "unassigned" })).toBe(requestTypes.length * requestStatuses.length);
    expect(await count({ type: ["CORRECTION"], assignee: "me", channel: ["WEB"] })).toBe(0);
  });

  it("searches by reference (exact, short or prefix), name in kanji or kana, and email", async () => {
    const staff = await createStaff();
    const hanako = await createRequest({
      subjectName: "山田 花子",
      subjectNameKana: "ヤマダ ハナコ",
      email: "Hanako.Yamada@Example.com",
    });
    const ken = await createRequest({
      subjectName: "佐藤　健",
      subjectNameKana: "サトウ ケン",
      email: "ken@example.com",
    });
    const search = async (s: string) =>
      (await listQueue({ actor: staff, input: { search: s }, now })).rows.map((r) => r.id).sort();
    expect(await search(hanako.reference)).toEqual([hanako.id]);
    expect(await search(hanako.reference.toLowerCase())).toEqual([hanako.id]);
    expect(await search(hanako.reference.replace(/-0+/, "-"))).toEqual([hanako.id]);
    expect(await search("DSR-2026")).toEqual([hanako.id, ken.id].sort());
    expect(await search("山田花子")).toEqual([hanako.id]);
    expect(await search("やまだ　はなこ")).toEqual([hanako.id]);
    expect(await search("ｻﾄｳ")).toEqual([ken.id]);
    expect(await search("佐藤 健")).toEqual([ken.id]);
    expect(await search(" hanako.yamada@example.COM ")).toEqual([hanako.id]);
    expect(await search("hanako@example.com")).toEqual([]);
    expect(await search("100%_")).toEqual([]);
  });

  it("refuses bad filters without querying", async () => {
    const staff = await createStaff();
    await expect(listQueue({ actor: staff, input: { page: 0 } })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(listQueue({ actor: staff, input: { status: ["NOPE" as "CLOSED"] } })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });

  it("sorts by arrival when asked", async () => {
    const staff = await createStaff();
    const older = await createRequest({ arrivedAt: daysAgo(5) });
    const newer = await createRequest({ arrivedAt: daysAgo(1) });
    const { rows } = await listQueue({ actor: staff, input: { sort: "arrivedAt", direction: "desc" }, now });
    expect(rows.map((r) => r.id)).toEqual([newer.id, older.id]);
    expect(await prisma.auditEvent.count()).toBe(0);
  });
});
