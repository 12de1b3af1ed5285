/// <reference types="vite/client" />
import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { addDocument, createRequest, createStaff, detailsFor, seedDataMap } from "@/tests/helpers/request-fixtures";
import type { Actor, StaffActor } from "@/lib/audit/actor";
import type { Role } from "@/lib/generated/prisma/enums";
import { isAppError } from "@/lib/errors";
import { listQueue } from "@/lib/console/queue";
import { getRequestDetail } from "@/lib/console/request-detail";
import { viewDocument, viewRequestFile } from "@/lib/console/view-document";
import { assignRequest } from "@/lib/console/assign";
import { listAssignableStaff } from "@/lib/console/assignable-staff";
import { createOfflineRequest } from "@/lib/console/create-offline-request";
import { addInternalNote, sendMessageToRequester } from "@/lib/console/notes";
import { requestTimeline } from "@/lib/timeline/request-timeline";
import { recordIdentityCheck, requestClearerCopy } from "@/lib/identity/identity-check";
import { decideRequest } from "@/lib/decisions/decide-request";
import { approveDecision, sendBackDecision } from "@/lib/decisions/approve-decision";
import { completeTask } from "@/lib/tasks/complete-task";
import { closeRequestIfComplete } from "@/lib/tasks/close-request";
import {
  deactivateSystemOfRecord,
  listSystemsOfRecord,
  setSystemOfRecordActive,
  upsertSystemOfRecord,
} from "@/lib/tasks/data-map";
import { createOrUpdatePackage } from "@/lib/packages/create-package";
import { addPackageFile, removePackageFile } from "@/lib/packages/package-files";
import { attachProvisionRecords } from "@/lib/packages/provision-records";
import { publishPackage, recordPosting } from "@/lib/packages/publish-package";
import { previewNotice, recordNoticePosting, sendNotice } from "@/lib/notices/send-notice";

const ALL: Role[] = ["STAFF", "OFFICER", "ADMIN"];
const OFFICERS: Role[] = ["OFFICER", "ADMIN"];
const ADMINS: Role[] = ["ADMIN"];
const missing = "missing-id";
const ref = { requestId: missing, version: 0 };
const file = { fileName: "a.csv", content: Buffer.from("a,b\n1,2\n") };

// Every exported console action, with input that passes validation but names nothing
// that exists: a permitted actor gets past the role check (and sees NOT_FOUND or an
// empty result); a refused one never reaches the database. The list is checked against
// the operations the console's domain modules actually export (operationsExported below),
// so a new operation that is not added here fails the test instead of going untested.
type Call = (actor: Actor | null) => Promise<unknown>;
const actions: [name: string, roles: Role[], call: Call][] = [
  ["listQueue", ALL, (actor) => listQueue({ actor, input: {} })],
  ["getRequestDetail", ALL, (actor) => getRequestDetail({ actor, input: { requestId: missing } })],
  ["requestTimeline", ALL, (actor) => requestTimeline({ actor, input: { requestId: missing } })],
  ["viewDocument", ALL, (actor) => viewDocument({ actor, input: { requestId: missing, documentId: missing } })],
  ["viewRequestFile", ALL, (actor) => viewRequestFile({ actor, input: { requestId: missing, fileId: missing } })],
  ["assignRequest", ALL, (actor) => assignRequest({ actor, input: { ...ref, assigneeId: null } })],
  ["listAssignableStaff", ALL, (actor) => listAssignableStaff({ actor })],
  [
    "createOfflineRequest",
    ALL,
    (actor) =>
      createOfflineRequest({
        actor,
        input: { type: "INQUIRY", channel: "PHONE", arrivedOn: "2099-01-01", subjectName: "x", details: {} },
      }),
  ],
  ["addInternalNote", ALL, (actor) => addInternalNote({ actor, input: { requestId: missing, body: "x" } })],
  [
    "sendMessageToRequester",
    ALL,
    (actor) => sendMessageToRequester({ actor, input: { requestId: missing, body: "x" } }),
  ],
  [
    "recordIdentityCheck",
    ALL,
    (actor) => recordIdentityCheck({ actor, input: { ...ref, result: "VERIFIED", matchedRecord: "C-1" } }),
  ],
  ["requestClearerCopy", ALL, (actor) => requestClearerCopy({ actor, input: { ...ref, message: "x" } })],
  [
    "decideRequest",
    ALL,
    (actor) => decideRequest({ actor, input: { ...ref, type: "DISCLOSURE", outcome: "FULFILLED" } }),
  ],
  ["approveDecision", OFFICERS, (actor) => approveDecision({ actor, input: { decisionId: missing, version: 0 } })],
  [
    "sendBackDecision",
    OFFICERS,
    (actor) => sendBackDecision({ actor, input: { decisionId: missing, version: 0, comment: "x" } }),
  ],
  [
    "completeTask",
    ALL,
    (actor) => completeTask({ actor, input: { taskId: missing, version: 0, status: "DONE", note: "x" } }),
  ],
  ["closeRequestIfComplete", ALL, (actor) => closeRequestIfComplete({ actor, input: ref })],
  ["listSystemsOfRecord", ALL, (actor) => listSystemsOfRecord({ actor })],
  [
    "upsertSystemOfRecord",
    ADMINS,
    (actor) =>
      upsertSystemOfRecord({
        actor,
        input: { id: missing, key: "sys", nameJa: "x", nameEn: "x", owner: "x", categories: [1] },
      }),
  ],
  [
    "setSystemOfRecordActive",
    ADMINS,
    (actor) => setSystemOfRecordActive({ actor, input: { id: missing, active: true } }),
  ],
  ["deactivateSystemOfRecord", ADMINS, (actor) => deactivateSystemOfRecord({ actor, input: { id: missing } })],
  ["createOrUpdatePackage", ALL, (actor) => createOrUpdatePackage({ actor, input: ref })],
  ["addPackageFile", ALL, (actor) => addPackageFile({ actor, input: { ...ref, file } })],
  ["removePackageFile", ALL, (actor) => removePackageFile({ actor, input: { ...ref, fileId: missing } })],
  ["attachProvisionRecords", ALL, (actor) => attachProvisionRecords({ actor, input: ref })],
  ["publishPackage", ALL, (actor) => publishPackage({ actor, input: ref })],
  ["recordPosting", ALL, (actor) => recordPosting({ actor, input: { ...ref, postedOn: "2026-11-20" } })],
  ["previewNotice", ALL, (actor) => previewNotice({ actor, input: { requestId: missing, kind: "ACKNOWLEDGEMENT" } })],
  ["sendNotice", ALL, (actor) => sendNotice({ actor, input: { requestId: missing, kind: "ACKNOWLEDGEMENT" } })],
  [
    "recordNoticePosting",
    ALL,
    (actor) => recordNoticePosting({ actor, input: { noticeId: missing, postedOn: "2026-11-20" } }),
  ],
];

// The console's domain modules, every file in them, so a new file is included unasked.
const consoleModules = import.meta.glob<Record<string, unknown>>(
  [
    "/lib/console/*.ts",
    "/lib/identity/*.ts",
    "/lib/decisions/*.ts",
    "/lib/tasks/*.ts",
    "/lib/packages/*.ts",
    "/lib/notices/*.ts",
    "/lib/timeline/*.ts",
  ],
  { eager: true },
);

/**
 * The exported functions that are operations: each checks its actor's permission before
 * anything else (STYLE.md), so called with no actor it refuses with UNAUTHENTICATED.
 * Helpers given the same call fail some other way, or return, and are left out.
 */
async function operationsExported(): Promise<string[]> {
  const names = new Set<string>();
  for (const mod of Object.values(consoleModules))
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function") continue;
      try {
        await (value as (opts: unknown) => unknown)({ actor: null, input: {} });
      } catch (e) {
        if (isAppError(e) && e.code === "UNAUTHENTICATED") names.add(name);
      }
    }
  return [...names].sort();
}

type Outcome = "allowed" | "UNAUTHENTICATED" | "FORBIDDEN";

async function outcomeOf(call: Call, actor: Actor | null): Promise<Outcome | string> {
  try {
    await call(actor);
    return "allowed";
  } catch (e) {
    if (!isAppError(e)) throw e;
    return e.code === "UNAUTHENTICATED" || e.code === "FORBIDDEN" ? e.code : "allowed";
  }
}

describe("console actions × roles", () => {
  beforeEach(resetDatabase);

  it("refuses every action to the signed-out and to requesters, and allows exactly the roles each needs", async () => {
    const staffOf: Record<Role, StaffActor> = {
      STAFF: await createStaff("STAFF"),
      OFFICER: await createStaff("OFFICER"),
      ADMIN: await createStaff("ADMIN"),
    };
    const requester: Actor = { type: "REQUESTER", requestId: missing };
    const table: Record<string, Record<string, Outcome | string>> = {};
    const expected: Record<string, Record<string, Outcome>> = {};
    for (const [name, roles, call] of actions) {
      table[name] = { signedOut: await outcomeOf(call, null), requester: await outcomeOf(call, requester) };
      expected[name] = { signedOut: "UNAUTHENTICATED", requester: "FORBIDDEN" };
      for (const role of ALL) {
        (table[name] as Record<string, string>)[role] = await outcomeOf(call, staffOf[role]);
        (expected[name] as Record<string, string>)[role] = roles.includes(role) ? "allowed" : "FORBIDDEN";
      }
    }
    expect(table).toEqual(expected);
    expect(Object.keys(table).sort()).toEqual(await operationsExported());
    // Nothing refused left a trace, and nothing named a missing row into existence.
    expect(await prisma.auditEvent.count()).toBe(0);
    expect(await prisma.request.count()).toBe(0);
  });
});

describe("stale versions", () => {
  beforeEach(resetDatabase);

  // Each case sets up a request where the action would succeed, then another staff
  // member saves first; the action with the version it had read is refused and changes nothing.
  type Case = [
    name: string,
    setup: (
      staff: StaffActor,
      officer: StaffActor,
    ) => Promise<{ requestId: string; call: (version: number) => Promise<unknown> }>,
  ];
  const verified = { identity: "VERIFIED" as const, status: "IN_PROGRESS" as const };
  const decidedDisclosure = {
    identity: "VERIFIED" as const,
    fee: "PAID" as const,
    status: "DECIDED" as const,
    outcome: "FULFILLED" as const,
  };
  const withPackage = async (staff: StaffActor, extra: Parameters<typeof createRequest>[0] = {}) => {
    const r = await createRequest({ ...decidedDisclosure, ...extra });
    const p = await createOrUpdatePackage({ actor: staff, input: { requestId: r.id, version: r.version } });
    const f = await addPackageFile({ actor: staff, input: { requestId: r.id, version: p.version, file } });
    return { r, version: f.version, fileId: f.fileId };
  };
  const cases: Case[] = [
    [
      "assignRequest",
      async (staff) => {
        const r = await createRequest();
        return {
          requestId: r.id,
          call: (version) => assignRequest({ actor: staff, input: { requestId: r.id, version, assigneeId: staff.id } }),
        };
      },
    ],
    [
      "recordIdentityCheck",
      async (staff) => {
        const r = await createRequest();
        return {
          requestId: r.id,
          call: (version) =>
            recordIdentityCheck({
              actor: staff,
              input: { requestId: r.id, version, result: "VERIFIED", matchedRecord: "C-1" },
            }),
        };
      },
    ],
    [
      "requestClearerCopy",
      async (staff) => {
        const r = await createRequest();
        const d = await addDocument(r.id);
        return {
          requestId: r.id,
          call: (version) =>
            requestClearerCopy({
              actor: staff,
              input: { requestId: r.id, version, message: "x", documentIds: [d.id] },
            }),
        };
      },
    ],
    [
      "decideRequest",
      async (staff) => {
        const r = await createRequest(verified);
        return {
          requestId: r.id,
          call: (version) =>
            decideRequest({
              actor: staff,
              input: { requestId: r.id, version, type: "DISCLOSURE", outcome: "FULFILLED" },
            }),
        };
      },
    ],
    [
      "approveDecision",
      async (staff, officer) => {
        const r = await createRequest(verified);
        const d = await decideRequest({
          actor: staff,
          input: {
            requestId: r.id,
            version: r.version,
            type: "DISCLOSURE",
            outcome: "NOT_FULFILLED",
            grounds: [{ ground: "LEGAL_VIOLATION", explanation: "x" }],
          },
        });
        return {
          requestId: r.id,
          call: (version) => approveDecision({ actor: officer, input: { decisionId: d.decisionId, version } }),
        };
      },
    ],
    [
      "sendBackDecision",
      async (staff, officer) => {
        const r = await createRequest(verified);
        const d = await decideRequest({
          actor: staff,
          input: {
            requestId: r.id,
            version: r.version,
            type: "DISCLOSURE",
            outcome: "NOT_FULFILLED",
            grounds: [{ ground: "LEGAL_VIOLATION", explanation: "x" }],
          },
        });
        return {
          requestId: r.id,
          call: (version) =>
            sendBackDecision({ actor: officer, input: { decisionId: d.decisionId, version, comment: "x" } }),
        };
      },
    ],
    [
      "closeRequestIfComplete",
      async (staff) => {
        await seedDataMap();
        const r = await createRequest({ ...verified, type: "CORRECTION" });
        await decideRequest({
          actor: staff,
          input: { requestId: r.id, version: r.version, type: "CORRECTION", outcome: "FULFILLED" },
        });
        await prisma.task.updateMany({ where: { requestId: r.id }, data: { status: "DONE" } });
        return {
          requestId: r.id,
          call: (version) => closeRequestIfComplete({ actor: staff, input: { requestId: r.id, version } }),
        };
      },
    ],
    [
      "createOrUpdatePackage",
      async (staff) => {
        const r = await createRequest(decidedDisclosure);
        return {
          requestId: r.id,
          call: (version) => createOrUpdatePackage({ actor: staff, input: { requestId: r.id, version } }),
        };
      },
    ],
    [
      "addPackageFile",
      async (staff) => {
        const { r } = await withPackage(staff);
        return {
          requestId: r.id,
          call: (version) => addPackageFile({ actor: staff, input: { requestId: r.id, version, file } }),
        };
      },
    ],
    [
      "removePackageFile",
      async (staff) => {
        const { r, fileId } = await withPackage(staff);
        return {
          requestId: r.id,
          call: (version) => removePackageFile({ actor: staff, input: { requestId: r.id, version, fileId } }),
        };
      },
    ],
    [
      "attachProvisionRecords",
      async (staff) => {
        const { r } = await withPackage(staff, {
          details: { ...(detailsFor.DISCLOSURE as object), includeProvisionRecords: true },
        });
        return {
          requestId: r.id,
          call: (version) => attachProvisionRecords({ actor: staff, input: { requestId: r.id, version } }),
        };
      },
    ],
    [
      "publishPackage",
      async (staff) => {
        const { r } = await withPackage(staff);
        return {
          requestId: r.id,
          call: (version) => publishPackage({ actor: staff, input: { requestId: r.id, version } }),
        };
      },
    ],
    [
      "recordPosting",
      async (staff) => {
        const r = await createRequest(decidedDisclosure);
        const p = await createOrUpdatePackage({
          actor: staff,
          input: { requestId: r.id, version: r.version, deliveryMethod: "POST" },
        });
        const f = await addPackageFile({ actor: staff, input: { requestId: r.id, version: p.version, file } });
        await publishPackage({ actor: staff, input: { requestId: r.id, version: f.version } });
        return {
          requestId: r.id,
          call: (version) =>
            recordPosting({ actor: staff, input: { requestId: r.id, version, postedOn: "2026-11-20" } }),
        };
      },
    ],
  ];

  for (const [name, setup] of cases) {
    it(`${name} refuses a stale version and changes nothing`, async () => {
      const staff = await createStaff();
      const officer = await createStaff("OFFICER");
      const other = await createStaff();
      const { requestId, call } = await setup(staff, officer);
      const seen = await prisma.request.findUniqueOrThrow({ where: { id: requestId } });
      // Another staff member saves first.
      await assignRequest({ actor: other, input: { requestId, version: seen.version, assigneeId: other.id } });
      const before = await prisma.request.findUniqueOrThrow({ where: { id: requestId } });
      const counts = async () => [
        await prisma.auditEvent.count(),
        await prisma.decision.count(),
        await prisma.notice.count(),
        await prisma.storedFile.count({ where: { deletedAt: null } }),
        await prisma.identityCheck.count(),
        await prisma.message.count(),
      ];
      const countsBefore = await counts();
      await expect(call(seen.version)).rejects.toMatchObject({ code: "STALE_VERSION" });
      expect(await prisma.request.findUniqueOrThrow({ where: { id: requestId } })).toEqual(before);
      expect(await counts()).toEqual(countsBefore);
      // With the version they now see, the same action goes through.
      await expect(call(before.version)).resolves.toBeDefined();
    });
  }

  it("completeTask refuses a stale task version", async () => {
    const staff = await createStaff();
    await seedDataMap();
    const r = await createRequest({ ...verified, type: "CORRECTION" });
    await decideRequest({
      actor: staff,
      input: { requestId: r.id, version: r.version, type: "CORRECTION", outcome: "FULFILLED" },
    });
    const task = await prisma.task.findFirstOrThrow({ where: { requestId: r.id } });
    await completeTask({
      actor: staff,
      input: { taskId: task.id, version: 0, status: "FAILED", note: "first try failed" },
    });
    await expect(
      completeTask({ actor: staff, input: { taskId: task.id, version: 0, status: "DONE", note: "x" } }),
    ).rejects.toMatchObject({ code: "STALE_VERSION" });
    expect((await prisma.task.findUniqueOrThrow({ where: { id: task.id } })).resultNote).toBe("first try failed");
  });
});
