import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { createRequest, createStaff, noticePdfText, seedDataMap } from "@/tests/helpers/request-fixtures";
import { decideRequest } from "@/lib/decisions/decide-request";
import { approveDecision, sendBackDecision } from "@/lib/decisions/approve-decision";

const verified = { identity: "VERIFIED" as const, status: "IN_PROGRESS" as const };

describe("decisions", () => {
  beforeEach(resetDatabase);

  it("a full disclosure takes effect at once: DECIDED, clock stopped, notice sent, open until delivered", async () => {
    const staff = await createStaff();
    const r = await createRequest({ ...verified, fee: "PAID" });
    const res = await decideRequest({
      actor: staff,
      input: { requestId: r.id, version: r.version, type: "DISCLOSURE", outcome: "FULFILLED", explanation: "" },
    });
    expect(res).toMatchObject({ approval: "NOT_REQUIRED", status: "DECIDED" });
    const after = await prisma.request.findUniqueOrThrow({ where: { id: r.id } });
    expect(after).toMatchObject({ status: "DECIDED", outcome: "FULFILLED", pausedAt: null, version: res.version });
    expect(after.decidedAt).not.toBeNull();
    const notice = await prisma.notice.findFirstOrThrow({ where: { requestId: r.id } });
    expect(notice).toMatchObject({ kind: "DECISION", locale: "ja" });
    expect((await prisma.decision.findFirstOrThrow()).noticeSentAt).not.toBeNull();
  });

  it("a partial withholding waits for an officer other than the decider; send back lets staff decide again", async () => {
    const staff = await createStaff();
    const officer = await createStaff("OFFICER");
    const r = await createRequest(verified);
    const input = {
      requestId: r.id,
      version: r.version,
      type: "DISCLOSURE" as const,
      outcome: "PARTIALLY_FULFILLED" as const,
      explanation: "一部を除き開示します。",
      grounds: [{ ground: "BUSINESS_IMPEDIMENT" as const, explanation: "社内調査の記録を含むため。" }],
    };
    const first = await decideRequest({ actor: staff, input });
    expect(first).toMatchObject({ approval: "PENDING", status: "IN_PROGRESS" });
    expect(await prisma.notice.count()).toBe(0);
    await expect(decideRequest({ actor: staff, input: { ...input, version: first.version } })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    await expect(
      approveDecision({ actor: staff, input: { decisionId: first.decisionId, version: first.version } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const back = await sendBackDecision({
      actor: officer,
      input: { decisionId: first.decisionId, version: first.version, comment: "根拠(3)の説明を具体的に。" },
    });
    expect(await prisma.decision.findUniqueOrThrow({ where: { id: first.decisionId } })).toMatchObject({
      approval: "SENT_BACK",
      superseded: true,
      officerComment: "根拠(3)の説明を具体的に。",
    });
    await expect(
      approveDecision({ actor: officer, input: { decisionId: first.decisionId, version: back.version } }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });

    // An officer deciding needs another officer.
    const second = await decideRequest({ actor: officer, input: { ...input, version: back.version } });
    await expect(
      approveDecision({ actor: officer, input: { decisionId: second.decisionId, version: second.version } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await createStaff("OFFICER");
    await expect(
      approveDecision({ actor: other, input: { decisionId: second.decisionId, version: second.version - 1 } }),
    ).rejects.toMatchObject({ code: "STALE_VERSION" });
    expect((await prisma.decision.findUniqueOrThrow({ where: { id: second.decisionId } })).approval).toBe("PENDING");
    const ok = await approveDecision({
      actor: other,
      input: { decisionId: second.decisionId, version: second.version },
    });
    expect(ok.status).toBe("DECIDED");
    expect(await prisma.decision.findUniqueOrThrow({ where: { id: second.decisionId } })).toMatchObject({
      approval: "APPROVED",
      approvedById: other.id,
    });
  });

  it("a failed identity ends in a withholding on ground (1), approved, notice sent and closed", async () => {
    const staff = await createStaff();
    const officer = await createStaff("OFFICER");
    const r = await createRequest({ identity: "FAILED", status: "IN_PROGRESS", locale: "en" });
    const base = { requestId: r.id, version: r.version, type: "DISCLOSURE" as const };
    await expect(decideRequest({ actor: staff, input: { ...base, outcome: "FULFILLED" } })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    await expect(
      decideRequest({
        actor: staff,
        input: { ...base, outcome: "NOT_FULFILLED", grounds: [{ ground: "LEGAL_VIOLATION", explanation: "x" }] },
      }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    const d = await decideRequest({
      actor: staff,
      input: {
        ...base,
        outcome: "NOT_FULFILLED",
        grounds: [
          { ground: "IDENTITY_UNCONFIRMED", explanation: "The name on the passport does not match our records." },
        ],
      },
    });
    const ok = await approveDecision({ actor: officer, input: { decisionId: d.decisionId, version: d.version } });
    expect(ok.status).toBe("CLOSED");
    const notice = await prisma.notice.findFirstOrThrow({ where: { requestId: r.id } });
    expect(notice.locale).toBe("en");
    expect(notice.bodyText).toContain("Privacy Policy, Article 6(1)(1)");
    expect(notice.bodyText).toContain("The name on the passport does not match our records.");
    expect(await prisma.notice.count({ where: { kind: "COMPLETION" } })).toBe(0);
  });

  it("validates grounds per type and outcome, and the identity rules", async () => {
    const staff = await createStaff();
    const r = await createRequest(verified);
    const c = await createRequest({ ...verified, type: "CORRECTION" });
    const pending = await createRequest({ status: "IN_PROGRESS" });
    const err = (p: Promise<unknown>) => p.catch((e: unknown) => e);
    expect(
      await err(
        decideRequest({
          actor: staff,
          input: { requestId: r.id, version: 0, type: "DISCLOSURE", outcome: "NOT_FULFILLED" },
        }),
      ),
    ).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { grounds: ["console.errors.groundsRequired"] } });
    expect(
      await err(
        decideRequest({
          actor: staff,
          input: {
            requestId: r.id,
            version: 0,
            type: "DISCLOSURE",
            outcome: "FULFILLED",
            grounds: [{ ground: "LEGAL_VIOLATION", explanation: "x" }],
          },
        }),
      ),
    ).toMatchObject({ code: "INVALID_INPUT" });
    expect(
      await err(
        decideRequest({
          actor: staff,
          input: {
            requestId: r.id,
            version: 0,
            type: "DISCLOSURE",
            outcome: "NOT_FULFILLED",
            grounds: [{ ground: "LEGAL_VIOLATION", explanation: "" }],
          },
        }),
      ),
    ).toMatchObject({ code: "INVALID_INPUT" });
    expect(
      await err(
        decideRequest({
          actor: staff,
          input: {
            requestId: c.id,
            version: 0,
            type: "CORRECTION",
            outcome: "NOT_FULFILLED",
            grounds: [{ ground: "LEGAL_VIOLATION" as "INFORMATION_ACCURATE", explanation: "x" }],
          },
        }),
      ),
    ).toMatchObject({ code: "INVALID_INPUT" });
    expect(
      await err(
        decideRequest({
          actor: staff,
          input: { requestId: r.id, version: 0, type: "CORRECTION", outcome: "FULFILLED" },
        }),
      ),
    ).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { type: ["console.errors.typeMismatch"] } });
    expect(
      await err(
        decideRequest({
          actor: staff,
          input: {
            requestId: r.id,
            version: 0,
            type: "DISCLOSURE",
            outcome: "NOT_FULFILLED",
            grounds: [{ ground: "IDENTITY_UNCONFIRMED", explanation: "x" }],
          },
        }),
      ),
    ).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { grounds: ["console.errors.identityNotFailed"] } });
    expect(
      await err(
        decideRequest({
          actor: staff,
          input: { requestId: pending.id, version: 0, type: "DISCLOSURE", outcome: "NO_DATA_HELD" },
        }),
      ),
    ).toMatchObject({ code: "INVALID_STATE" });
    expect(
      await err(
        decideRequest({
          actor: staff,
          input: { requestId: r.id, version: 5, type: "DISCLOSURE", outcome: "FULFILLED" },
        }),
      ),
    ).toMatchObject({ code: "STALE_VERSION" });
    const s = await createRequest({ ...verified, type: "SUSPENSION" });
    expect(
      await err(
        decideRequest({
          actor: staff,
          input: { requestId: s.id, version: 0, type: "SUSPENSION", outcome: "ALTERNATIVE_MEASURE" },
        }),
      ),
    ).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { alternativeMeasure: ["console.errors.measureRequired"] } });
    expect(await prisma.decision.count()).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(0);
  });

  it("an Art 8 request ends in alternative measures: approval, one task per system, the measure in the notice", async () => {
    const staff = await createStaff();
    const officer = await createStaff("OFFICER");
    const systems = await seedDataMap();
    const r = await createRequest({ ...verified, type: "SUSPENSION" }); // category 6: access logs
    const d = await decideRequest({
      actor: staff,
      input: {
        requestId: r.id,
        version: r.version,
        type: "SUSPENSION",
        outcome: "ALTERNATIVE_MEASURE",
        investigation: "目的外利用の事実を確認",
        alternativeMeasure: "広告配信の分析対象から除外し、アクセス権限を限定します。",
      },
    });
    expect(d.approval).toBe("PENDING");
    const ok = await approveDecision({ actor: officer, input: { decisionId: d.decisionId, version: d.version } });
    expect(ok.status).toBe("DECIDED");
    const tasks = await prisma.task.findMany({ where: { requestId: r.id } });
    expect(tasks.map((t) => [t.systemId, t.action])).toEqual([[systems["access-logs"], "ALTERNATIVE_MEASURE"]]);
    const notice = await prisma.notice.findFirstOrThrow({ where: { requestId: r.id } });
    expect(notice.kind).toBe("ALTERNATIVE_MEASURE");
    expect(await noticePdfText(notice.id)).toContain("広告配信の分析対象から除外し");
  });

  it("answers an inquiry and closes it", async () => {
    const staff = await createStaff();
    const r = await createRequest({ type: "INQUIRY" });
    const res = await decideRequest({
      actor: staff,
      input: {
        requestId: r.id,
        version: r.version,
        type: "INQUIRY",
        outcome: "FULFILLED",
        explanation: "配信停止はマイページから行えます。",
      },
    });
    expect(res.status).toBe("CLOSED");
  });
});
