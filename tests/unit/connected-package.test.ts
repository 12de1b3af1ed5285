import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Collection } from "@/lib/connected/engine";
import { buildDisclosureFiles } from "@/lib/connected/package";

const collection: Collection = {
  dialect: "postgres",
  collectedAt: "2026-11-30T00:00:00.000Z",
  matchedBy: ["email"],
  tables: [
    {
      table: "members",
      labelJa: "会員情報",
      labelEn: "Members",
      via: "identity:email",
      truncated: false,
      columns: [
        { name: "name", category: 1, labelJa: "氏名", labelEn: "Name" },
        { name: "email", category: 1, labelJa: "メールアドレス", labelEn: "Email address" },
        { name: "address", category: 1, labelJa: "住所", labelEn: "Address" },
        { name: "birth_date", category: 5, labelJa: "生年月日", labelEn: "Date of birth" },
      ],
      rows: [
        {
          key: { id: "9000001" },
          values: {
            name: "山田 花子",
            email: "Hanako.Yamada@Example.com",
            address: "大阪府大阪市北区梅田1-1-1",
            birth_date: "1990-04-01",
          },
        },
      ],
    },
    {
      table: "login_history",
      via: "members.id -> login_history.member_id",
      truncated: false,
      columns: [
        { name: "ip_address", category: 2, labelJa: "IPアドレス", labelEn: "IP address" },
        { name: "note", category: 2, labelJa: "備考", labelEn: "Note" },
      ],
      rows: [
        { key: { id: "1" }, values: { ip_address: "203.0.113.10", note: '=HYPERLINK("http://x")' } },
        { key: { id: "2" }, values: { ip_address: "203.0.113.11", note: null } },
      ],
    },
  ],
};

function pdfText(pdf: Buffer): string {
  const file = path.join(os.tmpdir(), `conn-pkg-${process.pid}-${Date.now()}.pdf`);
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"]).toString("utf8");
  } finally {
    fs.rmSync(file, { force: true });
  }
}

describe("disclosure package builder", () => {
  it("builds a Japanese PDF, JSON and BOM CSV with the exclusions applied", async () => {
    const files = await buildDisclosureFiles({
      systems: [
        {
          name: "会員サービス",
          collection,
          exclusions: [
            { table: "members", rowKey: { id: "9000001" }, column: "address", ground: "HARM_TO_LIFE_OR_RIGHTS" },
            { table: "login_history", rowKey: { id: "2" }, ground: "BUSINESS_IMPEDIMENT" },
          ],
        },
      ],
      locale: "ja",
      requestReference: "DSR-2026-0001",
    });
    const text = pdfText(files.pdf).replace(/\s+/g, "");
    for (const s of [
      "会員情報",
      "保有個人データの開示",
      "DSR-2026-0001",
      "会員サービス",
      "氏名",
      "山田花子",
      "メールアドレス",
      "Hanako.Yamada@Example.com",
      "生年月日",
      "1990-04-01",
      "IPアドレス",
      "203.0.113.10",
      "第2条第1項(1)",
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain("梅田"); // the excluded field
    expect(text).not.toContain("203.0.113.11"); // the excluded row
    expect(text).toContain("開示していません");

    const json = JSON.parse(files.json.toString("utf8"));
    expect(json.systems[0].withheld).toEqual({ fields: 1, records: 1 });
    expect(json.systems[0].tables[0].records[0].fields.map((f: { column: string }) => f.column)).toEqual([
      "name",
      "email",
      "birth_date",
    ]);
    expect(files.json.toString("utf8")).not.toContain("梅田");

    expect([...files.csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = files.csv.subarray(3).toString("utf8");
    expect(csv.split("\r\n")[0]).toBe('"システム","データ","記録","区分","項目","値"');
    expect(csv).toContain(
      '"会員サービス","会員情報","1","第2条第1項(1) サービス利用者の氏名・住所・メールアドレス・電話番号","氏名","山田 花子"',
    );
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`); // formula neutralised
    expect(csv).not.toContain("梅田");
    expect(csv).not.toContain("203.0.113.11");
  });

  it("builds English labels for an English requester", async () => {
    const files = await buildDisclosureFiles({
      systems: [{ name: "Members", collection, exclusions: [] }],
      locale: "en",
      requestReference: "DSR-2026-0002",
    });
    const text = pdfText(files.pdf);
    expect(text).toContain("Disclosure of retained personal data");
    expect(text).toContain("Email address");
    expect(text).toContain("Art 2.1 (2)");
    expect(text.replace(/\s+/g, "")).toContain("梅田1-1-1");
  });
});
