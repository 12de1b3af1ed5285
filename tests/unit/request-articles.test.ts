import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { REQUEST_ARTICLES, REQUEST_TYPE_ARTICLES } from "@/lib/policy/request-articles";
import { parsePolicy } from "@/lib/policy/policy-articles";
import { formatFee } from "@/lib/fees/format-fee";
import en from "@/messages/en/requests.json";
import ja from "@/messages/ja/requests.json";

describe("articles cited for each request type", () => {
  const { articles } = parsePolicy(fs.readFileSync("content/privacy-policy.en.txt", "utf8"));
  const title = (n: number) => articles.find((a) => a.number === n)?.title ?? "";

  it("cite articles of the policy about that kind of request (Art 8 is suspension and erasure only)", () => {
    expect(title(REQUEST_TYPE_ARTICLES.DISCLOSURE[0] ?? 0)).toMatch(/Disclosure/);
    expect(title(REQUEST_TYPE_ARTICLES.CORRECTION[0] ?? 0)).toMatch(/Correction/);
    expect(title(REQUEST_TYPE_ARTICLES.SUSPENSION[0] ?? 0)).toMatch(/Suspension/);
    expect(REQUEST_TYPE_ARTICLES.THIRD_PARTY_STOP.map(title).join(" | ")).toMatch(/Third Parties.*Complaints/);
    expect(REQUEST_TYPE_ARTICLES.THIRD_PARTY_STOP).not.toContain(8);
    expect(REQUEST_ARTICLES).toEqual([3, 6, 7, 8, 11]);
  });

  it("the type labels in both languages name the same articles", () => {
    for (const [type, numbers] of Object.entries(REQUEST_TYPE_ARTICLES)) {
      const jaText = ja.typeArticles[type as keyof typeof ja.typeArticles];
      const enText = en.typeArticles[type as keyof typeof en.typeArticles];
      expect([...jaText.matchAll(/第(\d+)条/g)].map((m) => Number(m[1]))).toEqual(numbers);
      expect([...enText.matchAll(/\d+/g)].map((m) => Number(m[0]))).toEqual(numbers);
    }
  });
});

describe("fee amounts", () => {
  it("always have the thousands separator", () => {
    expect(formatFee(5500, "ja")).toBe("5,500円");
    expect(formatFee(5500, "en")).toBe("¥5,500");
    expect(formatFee(300, "ja")).toBe("300円");
  });
});
