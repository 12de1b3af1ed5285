import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { pdfText } from "@/tests/helpers/request-fixtures";
import { jobHandlers } from "@/lib/jobs/registry";
import "@/lib/jobs/handlers";
import { runDueJobs } from "@/lib/jobs/run-due-jobs";
import { readStoredFile } from "@/lib/files/file-store";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { approveDecision } from "@/lib/decisions/approve-decision";
import { decideRequest } from "@/lib/decisions/decide-request";
import { publishPackage } from "@/lib/packages/publish-package";
import { startCollection } from "@/lib/connected/start-collection";
import { getConnectedView } from "@/lib/connected/connected-view";
import { addExclusion, removeExclusion } from "@/lib/connected/exclusions";
import { decideFromCollection } from "@/lib/connected/decide-from-collection";
import { attachCollectionPackage } from "@/lib/connected/attach-collection-package";
import { planChange } from "@/lib/connected/plan-change";
import { approveChangePlan, executeChangePlan } from "@/lib/connected/run-change-plan";
import { checkConnection } from "@/lib/connected/check-connection";
import { actors, connectSystem, hanakoRequest, pgTarget, type Target } from "./connected-app-helpers";

// The whole app side of connected databases on a real PostgreSQL target: collection as a job,
// exclusions into the partial-withholding decision and its approval, the package from the
// collection, and an erasure that an officer approves and that really masks the rows.

const collectAll = () => runDueJobs(prisma, jobHandlers, { workerName: "test" });

describe("connected databases: disclosure and erasure on PostgreSQL", () => {
  let target: Target;
  beforeAll(async () => {
    target = await pgTarget("flow");
  });
  afterAll(async () => {
    await target.drop();
  });
  beforeEach(resetDatabase);

  it("collects the verified person's rows by system and table, withholds a field on ground (2) with the officer's approval, and publishes PDF + JSON + CSV without it", async () => {
    const { admin, officer, staff } = await actors();
    const systemId = await connectSystem(admin, target);
    expect((await checkConnection({ actor: admin, input: { systemId } })).ok).toBe(true);

    const pending = await hanakoRequest({ identity: "PENDING" });
    await expect(startCollection({ actor: staff, input: { requestId: pending.id } })).rejects.toMatchObject({
      code: "INVALID_STATE",
      fieldErrors: { _form: ["connected.state.identityNotVerified"] },
    });

    const r = await hanakoRequest({ fee: "PAID" });
    expect(await startCollection({ actor: staff, input: { requestId: r.id } })).toEqual({ queued: 1 });
    // A second click while the first is queued queues nothing more.
    expect(await startCollection({ actor: staff, input: { requestId: r.id } })).toEqual({ queued: 0 });
    expect(await collectAll()).toMatchObject({ done: 1, failed: 0 });

    const [view] = await getConnectedView({ actor: staff, input: { requestId: r.id } });
    const col = view?.collection;
    if (!col?.result) throw new Error("collection expected");
    expect(col.status).toBe("DONE");
    expect(col.matchedBy).toContain("email");
    const members = col.result.tables.find((t) => t.table === "members");
    expect(members?.rows.map((row) => row.key)).toEqual([{ id: "9000001" }]); // Hanako only (bigint keys come back as text), not the look-alikes
    expect(col.result.tables.find((t) => t.table === "payments")?.rows).toHaveLength(2); // members → contracts → payments
    expect(col.result.tables.find((t) => t.table === "refunds")?.rows).toHaveLength(1); // three hops

    // The collection is sealed at rest: no collected value in the app's database in the clear.
    const stored = await prisma.collection.findUniqueOrThrow({ where: { id: col.id } });
    expect(stored.resultSealed).not.toContain("梅田");
    expect(JSON.stringify(await prisma.auditEvent.findMany({ select: { data: true } }))).not.toMatch(
      /梅田|Hanako|0901234|4242/i,
    );

    const memberKey = members?.rows[0]?.key ?? {};
    // Ground (1) is not a per-field ground; a row the collection does not hold is refused.
    await expect(
      addExclusion({
        actor: staff,
        input: {
          collectionId: col.id,
          table: "members",
          rowKey: memberKey,
          column: "phone",
          ground: "IDENTITY_UNCONFIRMED",
        },
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(
      addExclusion({
        actor: staff,
        input: {
          collectionId: col.id,
          table: "members",
          rowKey: { id: "9000005" },
          column: "phone",
          ground: "HARM_TO_LIFE_OR_RIGHTS",
        },
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const extra = await addExclusion({
      actor: staff,
      input: {
        collectionId: col.id,
        table: "members",
        rowKey: memberKey,
        column: "address",
        ground: "BUSINESS_IMPEDIMENT",
      },
    });
    await removeExclusion({ actor: staff, input: { exclusionId: extra.id } });
    await addExclusion({
      actor: staff,
      input: {
        collectionId: col.id,
        table: "members",
        rowKey: memberKey,
        column: "phone",
        ground: "HARM_TO_LIFE_OR_RIGHTS",
      },
    });

    // The package cannot be built before a decision has taken effect.
    await expect(
      attachCollectionPackage({ actor: staff, input: { requestId: r.id, version: r.version } }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });

    const fresh = await prisma.request.findUniqueOrThrow({ where: { id: r.id } });
    await expect(
      decideFromCollection({
        actor: staff,
        input: { requestId: r.id, version: fresh.version, explanation: "開示します。" },
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const d = await decideFromCollection({
      actor: staff,
      input: {
        requestId: r.id,
        version: fresh.version,
        explanation: "一部を除き開示します。",
        groundExplanations: { HARM_TO_LIFE_OR_RIGHTS: "第三者の安全に関わるため。" },
      },
    });
    expect(d.approval).toBe("PENDING");
    const decision = await prisma.decision.findUniqueOrThrow({
      where: { id: d.decisionId },
      include: { grounds: true },
    });
    expect(decision.outcome).toBe("PARTIALLY_FULFILLED");
    expect(decision.grounds.map((g) => g.ground)).toEqual(["HARM_TO_LIFE_OR_RIGHTS"]);
    expect(JSON.stringify(decision.details)).toContain("電話番号"); // withheld items named by label, not value
    // While the officer looks at it, the exclusions are fixed.
    await expect(
      addExclusion({
        actor: staff,
        input: {
          collectionId: col.id,
          table: "members",
          rowKey: memberKey,
          column: "email",
          ground: "HARM_TO_LIFE_OR_RIGHTS",
        },
      }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });

    const approved = await approveDecision({ actor: officer, input: { decisionId: d.decisionId, version: d.version } });
    const built = await attachCollectionPackage({
      actor: staff,
      input: { requestId: r.id, version: approved.version },
    });
    expect(built.fileIds).toHaveLength(3);
    const files = await prisma.storedFile.findMany({
      where: { id: { in: built.fileIds } },
      orderBy: { originalName: "asc" },
    });
    expect(files.map((f) => f.mimeType).sort()).toEqual(["application/json", "application/pdf", "text/csv"]);
    const pdf = files.find((f) => f.mimeType === "application/pdf");
    const csv = files.find((f) => f.mimeType === "text/csv");
    if (!pdf || !csv) throw new Error("pdf and csv expected");
    const text = await pdfText(await readStoredFile(pdf));
    expect(text).toContain("住所");
    expect(text).toContain("大阪府大阪市北区梅田1-1-1");
    expect(text).not.toContain("１２３４"); // the withheld member phone (held in full-width digits)
    expect(text).toContain("090 1234 5678"); // the job application keeps its own phone: only the one field is withheld
    const csvBytes = await readStoredFile(csv);
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvBytes.toString("utf8")).not.toContain("５６７８");
    expect(csvBytes.toString("utf8")).toContain("大阪府大阪市北区梅田1-1-1");

    const published = await publishPackage({ actor: staff, input: { requestId: r.id, version: built.version } });
    expect(published.closed).toBe(true);
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true });
  }, 120_000);

  it("corrects one field: before/after per row, officer approval, one UPDATE verified by re-reading", async () => {
    const { admin, officer, staff } = await actors();
    const systemId = await connectSystem(admin, target, { writeUrl: target.url });
    const r = await hanakoRequest({
      type: "CORRECTION",
      details: { action: "CORRECT", items: [{ category: 1, current: "梅田1-1-1", corrected: "梅田2-2-2" }] },
    });
    await decideRequest({
      actor: staff,
      input: { requestId: r.id, version: r.version, type: "CORRECTION", outcome: "FULFILLED" },
    });
    await startCollection({ actor: staff, input: { requestId: r.id } });
    await collectAll();
    const before = (await target.query("SELECT address FROM members WHERE id = 9000002"))[0]?.address;
    await expect(
      planChange({
        actor: staff,
        input: {
          kind: "CORRECTION",
          requestId: r.id,
          systemId,
          table: "members",
          column: "address",
          rowKeys: [{ id: "9000002" }],
          newValue: "x",
        },
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const plan = await planChange({
      actor: staff,
      input: {
        kind: "CORRECTION",
        requestId: r.id,
        systemId,
        table: "members",
        column: "address",
        rowKeys: [{ id: "9000001" }],
        newValue: "大阪府大阪市北区梅田2-2-2",
      },
    });
    const [view] = await getConnectedView({ actor: staff, input: { requestId: r.id } });
    expect(view?.plans.find((p) => p.id === plan.planId)?.correction?.rows).toEqual([
      { key: { id: "9000001" }, before: "大阪府大阪市北区梅田1-1-1", after: "大阪府大阪市北区梅田2-2-2" },
    ]);
    await approveChangePlan({ actor: officer, input: { planId: plan.planId } });
    expect(await executeChangePlan({ actor: staff, input: { planId: plan.planId } })).toMatchObject({
      state: "EXECUTED",
      verified: true,
      rowsChanged: 1,
    });
    expect((await target.query("SELECT address FROM members WHERE id = 9000001"))[0]?.address).toBe(
      "大阪府大阪市北区梅田2-2-2",
    );
    expect((await target.query("SELECT address FROM members WHERE id = 9000002"))[0]?.address).toBe(before);
    const audit = JSON.stringify(
      await prisma.auditEvent.findMany({
        where: { action: { startsWith: "connected.change" } },
        select: { data: true },
      }),
    );
    expect(audit).toContain("address");
    expect(audit).not.toContain("梅田");
  }, 120_000);

  // Last: it masks Hanako in the shared target.
  it("erases the person's rows after a dry run and an officer's approval, verifies them, closes the task, and a re-run changes nothing", async () => {
    const { admin, officer, staff } = await actors();
    const systemId = await connectSystem(admin, target, { writeUrl: target.url });
    const r = await hanakoRequest({
      type: "SUSPENSION",
      details: { categories: [1, 2], ground: "NO_LONGER_NEEDED", wanted: "DELETE" },
    });
    const decided = await decideRequest({
      actor: staff,
      input: { requestId: r.id, version: r.version, type: "SUSPENSION", outcome: "FULFILLED", measure: "DELETE" },
    });
    expect(decided.status).toBe("DECIDED");
    const task = await prisma.task.findFirstOrThrow({ where: { requestId: r.id, systemId } });
    expect(task.action).toBe("DELETE");

    // Planning needs the person's rows first.
    await expect(
      planChange({ actor: staff, input: { kind: "ERASURE", requestId: r.id, systemId } }),
    ).rejects.toMatchObject({ fieldErrors: { _form: ["connected.state.nothingCollected"] } });
    await startCollection({ actor: staff, input: { requestId: r.id } });
    await collectAll();
    const plan = await planChange({ actor: staff, input: { kind: "ERASURE", requestId: r.id, systemId } });
    const members = plan.summary.tables.find((t) => t.table === "members");
    expect(members?.count).toBe(1);
    expect(plan.summary.tables.find((t) => t.table === "login_history")).toMatchObject({ action: "delete", count: 2 });
    // The dry run changed nothing.
    expect((await target.query("SELECT email FROM members WHERE id = 9000001"))[0]?.email).toBe(
      "Hanako.Yamada@Example.com",
    );

    await expect(executeChangePlan({ actor: staff, input: { planId: plan.planId } })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    await expect(approveChangePlan({ actor: staff, input: { planId: plan.planId } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await approveChangePlan({ actor: officer, input: { planId: plan.planId } });
    const done = await executeChangePlan({ actor: staff, input: { planId: plan.planId } });
    expect(done).toMatchObject({ state: "EXECUTED", verified: true, requestClosed: true });

    const [hanako] = await target.query("SELECT name, email, phone, address FROM members WHERE id = 9000001");
    expect(hanako?.name).toBe("削除済み");
    expect(hanako?.phone).toBeNull();
    expect(hanako?.address).toBeNull();
    expect(String(hanako?.email)).toMatch(/^[0-9a-f]{64}$/);
    expect(await target.query("SELECT id FROM login_history WHERE member_id = 9000001")).toHaveLength(0);
    // Nobody else was touched: the look-alike with the same phone keeps everything.
    const [taro] = await target.query("SELECT phone, address FROM members WHERE id = 9000005");
    expect(taro).toEqual({ phone: "090-1234-5678", address: "大阪府大阪市北区梅田1-1-1" });

    expect((await prisma.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("DONE");
    expect((await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("CLOSED");
    await expect(executeChangePlan({ actor: staff, input: { planId: plan.planId } })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    const audit = JSON.stringify(
      await prisma.auditEvent.findMany({ where: { action: "connected.change_executed" }, select: { data: true } }),
    );
    expect(audit).toContain("beforeHashes");
    expect(audit).not.toMatch(/Hanako|梅田|090-1234/i);
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true });
  }, 120_000);
});
