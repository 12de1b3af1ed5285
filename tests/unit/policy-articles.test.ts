import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePolicy } from "@/lib/policy/policy-articles";

describe("policy articles", () => {
  it("finds all twelve articles of the bundled English policy with their items", () => {
    const { articles } = parsePolicy(fs.readFileSync("content/privacy-policy.en.txt", "utf8"));
    expect(articles.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(articles[5]?.title).toBe("Disclosure of Personal Information");
    const art2 = articles[1];
    expect(art2?.blocks.filter((b) => b.kind === "item").length).toBeGreaterThanOrEqual(28);
  });

  it("reads Japanese headings with full-width parentheses", () => {
    const { articles } = parsePolicy(
      "第6条（個人情報の開示）\n1. 当社は、…\n(1) 本人確認ができない場合\n第7条（訂正）\n本文",
    );
    expect(articles).toHaveLength(2);
    expect(articles[0]).toMatchObject({ number: 6, title: "個人情報の開示" });
    expect(articles[0]?.blocks).toEqual([
      { kind: "paragraph", number: "1", text: "当社は、…" },
      { kind: "item", number: "1", text: "本人確認ができない場合" },
    ]);
  });
});
