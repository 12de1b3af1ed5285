import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { searchProvisions } from "@/lib/provisions/search-provisions";
import { COUNT_AHEAD_PAGES, listOutbox } from "@/lib/mail/mail-viewer";
import { listFees, listUnmatchedBankLines } from "@/lib/fees/fee-dashboard";
import { openBankLineStatuses } from "@/lib/fees/resolve-bank-line";
import type { BankLineStatus } from "@/lib/generated/prisma/enums";
import type { StaffActor } from "@/lib/audit/actor";

// What the console pages kept or changed when they stopped reading whole tables (ADR 0019).
const admin: StaffActor = { type: "STAFF", id: "a", role: "ADMIN" };

function provision(
  i: number,
  p: { subjectName: string; subjectNameKana?: string; providedOn: string; retainUntil?: string },
) {
  return {
    id: `prov${String(i).padStart(5, "0")}`,
    recipientName: "株式会社サンプル物流",
    providedOn: new Date(`${p.providedOn}T00:00:00Z`),
    subjectName: p.subjectName,
    subjectNameKana: p.subjectNameKana ?? null,
    categories: [1],
    items: "氏名",
    basis: "OUTSOURCING" as const,
    retainUntil: new Date(`${p.retainUntil ?? "2099-01-01"}T00:00:00Z`),
    recordedById: "a",
  };
}

/** The query's plan reads `index` in the order asked for: no sort of what it read. */
async function expectReadInIndexOrder(sql: string, params: unknown[], index: string): Promise<void> {
  const plan = await prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN ${sql}`, ...params);
  const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
  expect(text).toContain(index);
  expect(text).not.toMatch(/Sort/);
}

describe("provision search by name", () => {
  beforeEach(resetDatabase);

  it("finds a person's record older than the newest 1,000 records, spaces ignored, newest first", async () => {
    const others = Array.from({ length: 1_005 }, (_, i) =>
      provision(i, { subjectName: `他人 ${i}`, providedOn: "2026-06-01" }),
    );
    await prisma.thirdPartyProvision.createMany({ data: others });
    await prisma.thirdPartyProvision.createMany({
      data: [
        provision(9001, { subjectName: "山田 花子", providedOn: "2024-01-10" }),
        provision(9002, { subjectName: "山田　花子", subjectNameKana: "ヤマダ ハナコ", providedOn: "2024-02-10" }),
        provision(9003, { subjectName: "山田 太郎", providedOn: "2024-03-10" }),
      ],
    });
    const byKanji = await searchProvisions({ actor: admin, input: { name: "山田花子" } });
    expect(byKanji.map((r) => r.id)).toEqual(["prov09002", "prov09001"]);
    const byKana = await searchProvisions({ actor: admin, input: { name: "ヤマダ　ハナコ" } });
    expect(byKana.map((r) => r.id)).toEqual(["prov09002"]);
    // A name is matched literally: LIKE's wildcards mean nothing.
    expect(await searchProvisions({ actor: admin, input: { name: "山田%" } })).toEqual([]);
    expect(await searchProvisions({ actor: admin, input: { name: "他人 1", take: 3 } })).toHaveLength(3);
  });

  it("drops records past their retention date the same way with and without a name", async () => {
    const now = new Date("2026-05-01T03:00:00Z");
    await prisma.thirdPartyProvision.createMany({
      data: [
        provision(1, { subjectName: "期限 前日", providedOn: "2023-04-30", retainUntil: "2026-04-30" }),
        provision(2, { subjectName: "期限 当日", providedOn: "2023-05-01", retainUntil: "2026-05-01" }),
        provision(3, { subjectName: "期限 翌日", providedOn: "2023-05-02", retainUntil: "2026-05-02" }),
      ],
    });
    const all = (await searchProvisions({ actor: admin, input: {}, now })).map((r) => r.id);
    const named = (await searchProvisions({ actor: admin, input: { name: "期限" }, now })).map((r) => r.id);
    expect(named).toEqual(all);
    expect(all).not.toContain("prov00001");
    expect(all).toContain("prov00003");
  });
});

describe("mail viewer paging", () => {
  beforeEach(resetDatabase);

  async function mails(count: number) {
    const base = Date.parse("2026-01-01T00:00:00Z");
    const data = Array.from({ length: count }, (_, i) => ({
      id: `mail${String(i).padStart(6, "0")}`,
      toAddress: i % 2 ? "odd@example.com" : "even@example.com",
      subject: `s${i}`,
      html: "<p>x</p>",
      text: "x",
      kind: "ACKNOWLEDGEMENT",
      createdAt: new Date(base + i * 1000),
    }));
    for (let i = 0; i < data.length; i += 5_000)
      await prisma.outboxMessage.createMany({ data: data.slice(i, i + 5_000) });
  }

  it("counts exactly while the outbox is small", async () => {
    await mails(120);
    const first = await listOutbox({ actor: admin, page: 1 });
    expect(first).toMatchObject({ page: 1, pages: 3, total: 120, more: false });
    expect(first.rows[0]?.id).toBe("mail000119");
    expect(await listOutbox({ actor: admin, page: 3 })).toMatchObject({ pages: 3, total: 120, more: false });
    expect((await listOutbox({ actor: admin, page: 3 })).rows).toHaveLength(20);
    // Past the end: no rows, the same page count.
    expect(await listOutbox({ actor: admin, page: 9 })).toMatchObject({ rows: [], pages: 3, total: 120, more: false });
    expect(await listOutbox({ actor: admin, page: 1, to: "ODD@" })).toMatchObject({ total: 60, pages: 2 });
  });

  it("stops counting 20 pages ahead and says there are more", async () => {
    await mails(1_051);
    expect(await listOutbox({ actor: admin, page: 1 })).toMatchObject({ pages: 20, total: 1_000, more: true });
    expect(await listOutbox({ actor: admin, page: 2 })).toMatchObject({ pages: 21, total: 1_050, more: true });
    // From page 3 the count reaches the end.
    expect(await listOutbox({ actor: admin, page: 3 })).toMatchObject({ pages: 22, total: 1_051, more: false });
    expect(await listOutbox({ actor: admin, page: 22 })).toMatchObject({ pages: 22, total: 1_051, more: false });
  });

  it("reads no more than 20 pages of the outbox to count, however big it is", async () => {
    await mails(3_000);
    await prisma.$executeRawUnsafe(`ANALYZE "OutboxMessage"`);
    // The count as Prisma sends it (count with take): the rows its scan returns are the page's
    // cost. With the cap at 200 pages it read all 3,000 (ADR 0024, issue 19.3).
    const plan = await prisma.$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(
      `EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM (SELECT id FROM "OutboxMessage" OFFSET $1 LIMIT $2) AS sub`,
      0,
      COUNT_AHEAD_PAGES * 50 + 1,
    );
    const raw = plan[0]?.["QUERY PLAN"];
    const root = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
    const scans: PlanNode[] = [];
    const walk = (n: PlanNode) => {
      if (n["Relation Name"] === "OutboxMessage") scans.push(n);
      for (const c of n.Plans ?? []) walk(c);
    };
    if (root[0]) walk(root[0].Plan);
    expect(scans).toHaveLength(1);
    expect(scans[0]?.["Actual Rows"]).toBe(1_001);
    expect((await listOutbox({ actor: admin, page: 1 })).total).toBe(1_000);
  });
});

type PlanNode = { "Relation Name"?: string; "Actual Rows"?: number; Plans?: PlanNode[] };

describe("bank lines waiting for an admin", () => {
  beforeEach(resetDatabase);

  const statuses: BankLineStatus[] = [
    "APPLIED",
    "AMOUNT_MISMATCH",
    "UNKNOWN_REFERENCE",
    "ALREADY_SETTLED",
    "RESOLVED",
    "DISMISSED",
  ];

  async function lines(n: number) {
    await prisma.bankStatementImport.create({
      data: { id: "imp1", fileSha256: "f".repeat(64), fileName: "statement.csv", importedById: "a" },
    });
    await prisma.bankStatementLine.createMany({
      data: Array.from({ length: n }, (_, i) => ({
        id: `line${String(i).padStart(5, "0")}`,
        importId: "imp1",
        lineNo: i,
        lineHash: `h${i}`,
        // Booked days out of line order, several lines a day: the list orders by day, then line.
        bookedOn: new Date(Date.UTC(2026, 0, 1 + ((i * 7) % 90))),
        amount: 5_500,
        payerName: "ヤマダ ハナコ",
        status: statuses[i % statuses.length] ?? "APPLIED",
      })),
    });
  }

  it("pages through the open lines oldest first, each page read from the open-lines index", async () => {
    await lines(1_200);
    const open = (await prisma.bankStatementLine.findMany({ where: { status: { in: [...openBankLineStatuses] } } }))
      .sort((a, b) => a.bookedOn.getTime() - b.bookedOn.getTime() || a.lineNo - b.lineNo)
      .map((l) => l.id);
    expect(open).toHaveLength(600);
    const second = await listUnmatchedBankLines({ actor: admin, input: { page: 2, pageSize: 25 } });
    expect(second.total).toBe(600);
    expect(second.lines.map((l) => l.id)).toEqual(open.slice(25, 50));

    // The list's own shape (statuses as enum parameters, the same order and page): the partial
    // index of migration 20261204030000 serves it without reading and sorting every open line.
    await prisma.$executeRawUnsafe(`ANALYZE "BankStatementLine"`);
    await expectReadInIndexOrder(
      `SELECT * FROM "BankStatementLine" WHERE "status" IN ($1::"BankLineStatus", $2::"BankLineStatus", $3::"BankLineStatus")
       ORDER BY "bookedOn" ASC, "lineNo" ASC LIMIT 25 OFFSET 25`,
      [...openBankLineStatuses],
      "BankStatementLine_open_bookedOn_lineNo_idx",
    );
  });
});

describe("fee list", () => {
  beforeEach(resetDatabase);

  it("pages newest first with ties in id order, each page read in the index's order without a sort", async () => {
    // Many requests share an arrival time (letters entered with the day they arrived): the
    // tie-break on id must hold across pages, and the page must not read every tie to sort it.
    const days = [Date.UTC(2026, 4, 1), Date.UTC(2026, 4, 2), Date.UTC(2026, 4, 3)];
    const fees = ["AWAITING_PAYMENT", "PAID", "WAIVED", "REFUNDED", "NOT_REQUIRED"] as const;
    await prisma.request.createMany({
      data: Array.from({ length: 300 }, (_, i) => ({
        id: `feeorder${String((i * 37) % 300).padStart(3, "0")}`,
        reference: `DSR-2026-9${String(i).padStart(5, "0")}`,
        type: "DISCLOSURE" as const,
        identity: "PENDING" as const,
        fee: fees[i % fees.length] ?? "PAID",
        arrivedAt: new Date(days[i % days.length] ?? 0),
        targetDays: 14,
        subjectName: "順番 確認",
      })),
    });
    const expected = (
      await prisma.request.findMany({ where: { fee: { not: "NOT_REQUIRED" } }, select: { id: true, arrivedAt: true } })
    )
      .sort((a, b) => b.arrivedAt.getTime() - a.arrivedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((r) => r.id);
    expect(expected).toHaveLength(240);
    const second = await listFees({ actor: admin, input: { page: 2, pageSize: 25 } });
    expect(second.total).toBe(240);
    expect(second.rows.map((r) => r.requestId)).toEqual(expected.slice(25, 50));

    await prisma.$executeRawUnsafe(`ANALYZE "Request"`);
    await expectReadInIndexOrder(
      `SELECT id FROM "Request" WHERE fee IN ('AWAITING_PAYMENT', 'PAID', 'WAIVED', 'REFUNDED')
       ORDER BY "arrivedAt" DESC, id ASC LIMIT 25 OFFSET 25`,
      [],
      "Request_arrivedAt_id_idx",
    );
  });
});
