import { describe, expect, it } from "vitest";
import { demoDatasetMap, demoMapYaml } from "@/lib/connected/demo";
import { ConnectedSystemError, normaliseIdentity, parseMapYaml, serializeMapYaml } from "@/lib/connected/engine";
import { normalisePhone, phoneVariants } from "@/lib/connected/engine/normalise-identity";

describe("dataset map YAML", () => {
  it("round-trips the demo map", () => {
    const yaml = demoMapYaml("mysql");
    expect(parseMapYaml(yaml)).toEqual(demoDatasetMap("mysql"));
    expect(serializeMapYaml(parseMapYaml(yaml))).toBe(yaml);
  });

  it("names the table and column at fault", () => {
    const bad = (yaml: string) => {
      try {
        parseMapYaml(yaml);
        return "";
      } catch (e) {
        expect(e).toBeInstanceOf(ConnectedSystemError);
        return (e as Error).message;
      }
    };
    const head = "version: 1\ndialect: postgres\ntables:\n";
    expect(
      bad(
        `${head}  - name: members\n    primaryKey: [id]\n    columns:\n      - { name: email, category: 0, labelJa: メール, labelEn: Email }\n`,
      ),
    ).toMatch(/tables\[0\] \(members\) › columns\[0\] \(email\) › category/);
    expect(
      bad(
        `${head}  - name: logins\n    primaryKey: [id]\n    columns:\n      - { name: ip, category: 2, labelJa: IP, labelEn: IP, erasure: { kind: delete_row } }\n`,
      ),
    ).toContain('column "ip": delete_row needs deleteRowAllowed: true on table "logins"');
    expect(
      bad(
        `${head}  - name: logins\n    primaryKey: [id]\n    references: [{ columns: [member_id], table: members, refColumns: [id] }]\n    columns:\n      - { name: ip, category: 2, labelJa: IP, labelEn: IP }\n`,
      ),
    ).toContain('"logins" references "members", which is not in the map');
    expect(bad("version: 1\ndialect: [")).toMatch(/could not be read at line/);
    expect(
      bad(
        `${head}  - name: t\n    primaryKey: [id]\n    columns:\n      - { name: x, category: 1, labelJa: a, labelEn: b, extra: 1 }\n`,
      ),
    ).toContain("columns[0] (x)");
  });
});

describe("identity normalisation", () => {
  it("normalises Japanese data as it is really typed", () => {
    expect(
      normaliseIdentity({
        email: " Hanako.YAMADA＠Example.COM ",
        phone: "＋８１ ９０－１２３４－５６７８",
        memberId: "ｍ－０００１",
        name: "山田　花子",
        nameKana: "やまだ はなこ",
        birthDate: "1990年4月1日",
      }),
    ).toEqual({
      email: "hanako.yamada@example.com",
      phone: "09012345678",
      memberId: "M-0001",
      name: "山田花子",
      nameKana: "ヤマダハナコ",
      birthDate: "1990-04-01",
    });
    expect(normalisePhone("090ー1234ー5678")).toBe("09012345678");
    expect(normalisePhone("81-3-1234-5678")).toBe("0312345678");
    expect(normalisePhone("03(1234)5678")).toBe("0312345678");
    expect(normaliseIdentity({ email: "not-an-email", phone: "12" })).toEqual({});
  });

  it("offers the stored spellings of a phone number, each normalising back to it", () => {
    const variants = phoneVariants("09012345678");
    for (const v of [
      "090-1234-5678",
      "09012345678",
      "+81-90-1234-5678",
      "+819012345678",
      "０９０－１２３４－５６７８",
      "090 1234 5678",
    ])
      expect(variants).toContain(v);
    for (const v of variants) expect(normalisePhone(v)).toBe("09012345678");
  });
});
