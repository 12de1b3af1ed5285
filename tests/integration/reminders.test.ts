import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { createRequest, DAY } from "@/tests/helpers/request-fixtures";
import { DIGEST_LINES, remindWaitingRequesters, sendStaffDigests } from "@/lib/operations/reminders";

async function staff(email: string, role: "STAFF" | "OFFICER" | "ADMIN", digestEnabled = true) {
  return prisma.staffUser.create({ data: { email, name: email.split("@")[0] ?? "x", role, digestEnabled } });
}

describe("reminders", () => {
  beforeEach(resetDatabase);

  it("sends each assignee a digest of due-soon and overdue requests, and unassigned overdue ones to officers", async () => {
    const taro = await staff("taro@example.jp", "STAFF");
    const quiet = await staff("quiet@example.jp", "STAFF", false);
    await staff("officer@example.jp", "OFFICER");
    const overdueMine = await createRequest({ arrivedAt: new Date(Date.now() - 20 * DAY), assigneeId: taro.id });
    const soonMine = await createRequest({ arrivedAt: new Date(Date.now() - 12 * DAY), assigneeId: taro.id });
    await createRequest({ arrivedAt: new Date(Date.now() - 1 * DAY), assigneeId: taro.id }); // on track
    await createRequest({ arrivedAt: new Date(Date.now() - 20 * DAY), assigneeId: quiet.id });
    const unassigned = await createRequest({ arrivedAt: new Date(Date.now() - 15 * DAY) });
    await createRequest({ arrivedAt: new Date(Date.now() - 30 * DAY), status: "WAITING_FOR_REQUESTER" }); // paused

    expect(await sendStaffDigests()).toBe(2);
    const mails = await prisma.outboxMessage.findMany({ where: { kind: "staff.digest" } });
    const toTaro = mails.find((m) => m.toAddress === "taro@example.jp");
    expect(toTaro?.text).toContain(overdueMine.reference);
    expect(toTaro?.text).toContain(soonMine.reference);
    expect(toTaro?.text).not.toContain(unassigned.reference);
    expect(toTaro?.subject).toContain("2件（うち超過 1件）");
    const toOfficer = mails.find((m) => m.toAddress === "officer@example.jp");
    expect(toOfficer?.text).toContain(unassigned.reference);
    expect(mails.some((m) => m.toAddress === "quiet@example.jp")).toBe(false);
  });

  it("lists the most urgent requests and counts the rest when the backlog is long", async () => {
    const taro = await staff("taro@example.jp", "STAFF");
    const rows = [];
    for (let i = 0; i < DIGEST_LINES + 5; i++)
      rows.push(await createRequest({ arrivedAt: new Date(Date.now() - (20 + i) * DAY), assigneeId: taro.id }));

    expect(await sendStaffDigests()).toBe(1);
    const mail = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: "staff.digest" } });
    expect(mail.subject).toContain(`${DIGEST_LINES + 5}件（うち超過 ${DIGEST_LINES + 5}件）`);
    expect(mail.text).toContain("ほか5件はコンソールの一覧");
    // The oldest (most overdue) are listed; the five least overdue are only counted.
    expect(mail.text).toContain(rows[rows.length - 1]?.reference);
    for (const r of rows.slice(0, 5)) expect(mail.text).not.toContain(r.reference);
  });

  it("warns a requester once a week before the waiting period ends, then abandons with a notice", async () => {
    const r = await createRequest({
      status: "WAITING_FOR_REQUESTER",
      pausedAt: new Date(Date.now() - 24 * DAY),
      email: "hanako@example.com",
    });
    await prisma.message.create({
      data: { requestId: r.id, author: "STAFF", body: "運転免許証の裏面の写しもお送りください。" },
    });
    await createRequest({ status: "WAITING_FOR_REQUESTER", pausedAt: new Date(Date.now() - 5 * DAY) });

    expect(await remindWaitingRequesters()).toEqual({ warned: 1, abandoned: 0 });
    expect(await remindWaitingRequesters()).toEqual({ warned: 0, abandoned: 0 });
    const warning = await prisma.outboxMessage.findFirstOrThrow({ where: { kind: "requester.waiting-reminder" } });
    expect(warning.toAddress).toBe("hanako@example.com");
    expect(warning.text).toContain("運転免許証の裏面");

    const later = new Date(Date.now() + 7 * DAY);
    expect(await remindWaitingRequesters(prisma, later)).toEqual({ warned: 0, abandoned: 1 });
    const after = await prisma.request.findUniqueOrThrow({ where: { id: r.id } });
    expect(after).toMatchObject({ status: "ABANDONED", pausedAt: null });
    expect(Number(after.pausedMs)).toBeGreaterThanOrEqual(30 * DAY);
    expect(await prisma.notice.findMany({ where: { requestId: r.id }, select: { kind: true } })).toEqual(
      expect.arrayContaining([{ kind: "ABANDONMENT_WARNING" }, { kind: "ABANDONMENT" }]),
    );
  });
});
