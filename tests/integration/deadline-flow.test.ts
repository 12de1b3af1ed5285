import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { fileDisclosure, seedPolicy } from "@/tests/integration/portal-helpers";
import { sessionFromStatusToken } from "@/lib/requester/status-access";
import { resolveRequesterSession } from "@/lib/requester/requester-session";
import { postRequesterMessage } from "@/lib/requester/post-requester-message";
import { withdrawRequest } from "@/lib/requester/withdraw-request";
import { requestClearerCopy, recordIdentityCheck } from "@/lib/identity/identity-check";
import { decideRequest } from "@/lib/decisions/decide-request";
import { updateSettings } from "@/lib/settings/update-settings";
import { getSetting } from "@/lib/settings/get-settings";
import type { StaffActor } from "@/lib/audit/actor";

// The deadline clock through a real request's life: filed (due = arrival + target days),
// paused while we wait for a clearer copy, resumed by the requester's answer (due moves by
// exactly the pause), stopped by the decision; a withdrawal stops it too; a change of the
// target days in settings applies to new requests only.
const DAY = 86_400_000;
const HOUR = 3_600_000;
const staff: StaffActor = { type: "STAFF", id: "staff-1", role: "STAFF" };
const admin: StaffActor = { type: "STAFF", id: "admin-1", role: "ADMIN" };

async function row(id: string) {
  return prisma.request.findUniqueOrThrow({
    where: { id },
    select: {
      dueAt: true,
      pausedAt: true,
      pausedMs: true,
      version: true,
      status: true,
      arrivedAt: true,
      targetDays: true,
      documents: { select: { id: true } },
    },
  });
}

async function sessionFor(statusToken: string, now: Date) {
  const { sessionToken } = await sessionFromStatusToken({ token: statusToken, now });
  return resolveRequesterSession(sessionToken, now);
}

describe("deadline clock through a request's life", () => {
  beforeEach(async () => {
    await resetDatabase();
    await seedPolicy();
  });

  it("submission, a pause for information, the answer and a decision", async () => {
    const t0 = new Date("2026-11-02T01:00:00Z"); // 10:00 in Japan
    const filed = await fileDisclosure({ now: t0 });
    let r = await row(filed.requestId);
    expect(r.arrivedAt.toISOString()).toBe(t0.toISOString());
    expect(r.dueAt?.toISOString()).toBe(new Date(t0.getTime() + 14 * DAY).toISOString());

    // Day 3: staff ask for a clearer copy; the clock stops.
    const t1 = new Date(t0.getTime() + 3 * DAY);
    await requestClearerCopy({
      actor: staff,
      input: {
        requestId: filed.requestId,
        version: r.version,
        message: "運転免許証の写しが不鮮明です。もう一度お送りください。",
        documentIds: r.documents.map((d) => d.id),
      },
      now: t1,
    });
    r = await row(filed.requestId);
    expect(r.status).toBe("WAITING_FOR_REQUESTER");
    expect(r.pausedAt?.toISOString()).toBe(t1.toISOString());

    // Day 5 + 6 h: the requester answers; the due date moves by exactly the pause.
    const t2 = new Date(t1.getTime() + 2 * DAY + 6 * HOUR);
    const session = await sessionFor(filed.statusToken, t2);
    const answered = await postRequesterMessage({ session, input: { body: "鮮明な写しを添付しました。" }, now: t2 });
    expect(answered.resumed).toBe(true);
    r = await row(filed.requestId);
    expect(r.pausedAt).toBeNull();
    expect(Number(r.pausedMs)).toBe(2 * DAY + 6 * HOUR);
    expect(r.dueAt?.toISOString()).toBe(new Date(t0.getTime() + 14 * DAY + 2 * DAY + 6 * HOUR).toISOString());
    expect(r.status).toBe("IN_PROGRESS");

    // Day 8: identity verified and the decision made; the clock stops, the due date stays.
    const t3 = new Date(t0.getTime() + 8 * DAY);
    const checked = await recordIdentityCheck({
      actor: staff,
      input: { requestId: filed.requestId, version: r.version, result: "VERIFIED", matchedRecord: "C-1" },
      now: t3,
    });
    await decideRequest({
      actor: staff,
      input: {
        requestId: filed.requestId,
        version: checked.version,
        type: "DISCLOSURE",
        outcome: "FULFILLED",
        explanation: "保有する情報を開示します。",
      },
      now: t3,
    });
    const decided = await row(filed.requestId);
    expect(decided.status).toBe("DECIDED");
    expect(decided.dueAt?.toISOString()).toBe(r.dueAt?.toISOString());
    expect(decided.pausedAt).toBeNull();
  });

  it("a withdrawal while paused adds the pause so far and stops the clock", async () => {
    const t0 = new Date("2026-11-02T01:00:00Z");
    const filed = await fileDisclosure({ now: t0 });
    const r = await row(filed.requestId);
    const t1 = new Date(t0.getTime() + DAY);
    await requestClearerCopy({
      actor: staff,
      input: { requestId: filed.requestId, version: r.version, message: "写しが不鮮明です。" },
      now: t1,
    });
    const t2 = new Date(t1.getTime() + 4 * HOUR);
    await withdrawRequest({ session: await sessionFor(filed.statusToken, t2), now: t2 });
    const after = await row(filed.requestId);
    expect(after.status).toBe("WITHDRAWN");
    expect(after.pausedAt).toBeNull();
    expect(Number(after.pausedMs)).toBe(4 * HOUR);
  });

  it("a new target in settings applies to requests filed after it, not before", async () => {
    const t0 = new Date("2026-11-02T01:00:00Z");
    const before = await fileDisclosure({ now: t0, email: "before@example.com" });
    await updateSettings({
      actor: admin,
      key: "deadlines",
      value: { ...(await getSetting(prisma, "deadlines")), targetDays: 10 },
    });
    const after = await fileDisclosure({ now: t0, email: "after@example.com" });
    expect((await row(before.requestId)).dueAt?.toISOString()).toBe(new Date(t0.getTime() + 14 * DAY).toISOString());
    const a = await row(after.requestId);
    expect(a.targetDays).toBe(10);
    expect(a.dueAt?.toISOString()).toBe(new Date(t0.getTime() + 10 * DAY).toISOString());
  });
});
