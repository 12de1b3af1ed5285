import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { recordProvision, provisionRetainUntil } from "@/lib/provisions/record-provision";
import { provisionsByNameSql, searchProvisions } from "@/lib/provisions/search-provisions";
import type { StaffActor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

const staff: StaffActor = { type: "STAFF", id: "staff-1", role: "STAFF" };
const base = {
  recipientName: "株式会社サンプル物流",
  providedOn: "2026-03-01",
  subjectName: "山田 花子",
  subjectNameKana: "ヤマダ ハナコ",
  categories: [1],
  items: "氏名、住所、電話番号（配送のため）",
  basis: "CONSENT" as const,
  consentDate: "2026-02-20",
};

describe("third-party provision records", () => {
  beforeEach(resetDatabase);

  it("records with a retention date and an audit entry", async () => {
    const { id } = await recordProvision({ actor: staff, input: base });
    const row = await prisma.thirdPartyProvision.findUniqueOrThrow({ where: { id } });
    expect(row.retainUntil.toISOString().slice(0, 10)).toBe("2029-03-01");
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true, checked: 1 });
  });

  it("keeps one year where the contract is the record", () => {
    expect(provisionRetainUntil(new Date("2026-03-01T00:00:00Z"), true).toISOString().slice(0, 10)).toBe("2027-03-01");
  });

  it("requires the consent date when the basis is consent, and changes nothing", async () => {
    const err = await recordProvision({ actor: staff, input: { ...base, consentDate: undefined } }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).fieldErrors?.consentDate).toBeDefined();
    expect(await prisma.thirdPartyProvision.count()).toBe(0);
  });

  it("finds a person's records by kanji or kana, ignoring spaces", async () => {
    await recordProvision({ actor: staff, input: base });
    await recordProvision({ actor: staff, input: { ...base, subjectName: "佐藤 健", subjectNameKana: "サトウ ケン" } });
    expect(await searchProvisions({ actor: staff, input: { name: "山田花子" } })).toHaveLength(1);
    expect(await searchProvisions({ actor: staff, input: { name: "サトウ" } })).toHaveLength(1);
    expect(await searchProvisions({ actor: staff, input: {} })).toHaveLength(2);
  });

  it("matches the name literally, as a substring without spaces: % _ and \\ are characters, not patterns", async () => {
    // The SQL (LIKE on a trigram index, rechecked by strpos) must find exactly what
    // String.includes over the names without spaces finds (ADR 0024).
    const names: [string, string | undefined][] = [
      ["山田 花子", "ヤマダ ハナコ"],
      ["100% 果汁", undefined],
      ["a_b\u3000c", "エー\tビー"],
      ["back\\slash", "バック"],
      ["田中\r\n一郎", "タナカ イチロウ"],
      ["abc", "ABC"],
    ];
    for (const [subjectName, subjectNameKana] of names)
      await recordProvision({ actor: staff, input: { ...base, subjectName, subjectNameKana } });
    const strip = (v: string) => v.replace(/[ \u3000\t\r\n]/g, "");
    for (const query of [
      "%",
      "_",
      "a_b",
      "a%",
      "\\",
      "k\\s",
      "0%果",
      "田",
      "山田花子",
      "ハナコ",
      "中一",
      "B",
      "ｂ",
      "エービー",
    ]) {
      const expected = names
        .filter(([n, k]) => strip(n).includes(query) || strip(k ?? "").includes(query))
        .map(([n]) => n)
        .sort();
      const found = (await searchProvisions({ actor: staff, input: { name: query } })).map((r) => r.subjectName).sort();
      expect(found, query).toEqual(expected);
    }
  });

  it("can read the search by name from the trigram indexes (same expressions as the indexes')", async () => {
    await recordProvision({ actor: staff, input: base });
    const sql = provisionsByNameSql({ name: "山田花子", now: new Date(), take: 20 });
    const plan = await prisma.$transaction(async (tx) => {
      // Tiny tables are read sequentially whatever the indexes; without that choice the
      // planner must use them, which it can only if the expressions match.
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN ${sql}`;
    });
    const text = plan.map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toContain("ThirdPartyProvision_subjectName_trgm_idx");
    expect(text).toContain("ThirdPartyProvision_subjectNameKana_trgm_idx");
  });

  it("is refused to signed-out and requester actors", async () => {
    await expect(recordProvision({ actor: null, input: base })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(searchProvisions({ actor: { type: "REQUESTER", requestId: "r" }, input: {} })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
