import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// next-intl reads "a.b" as the path a → b, so a key containing a dot can never be looked
// up (the settings form's bank labels and the webhook event names once showed their keys).

function keysWithDots(obj: unknown, prefix = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [];
  return Object.entries(obj).flatMap(([k, v]) => [
    ...(k.includes(".") ? [`${prefix}${k}`] : []),
    ...keysWithDots(v, `${prefix}${k}.`),
  ]);
}

describe("message files", () => {
  const files = ["ja", "en"].flatMap((locale) =>
    fs.readdirSync(path.join("messages", locale)).map((f) => path.join("messages", locale, f)),
  );

  it("has no key containing a dot in any namespace of either language", () => {
    expect(files.length).toBeGreaterThan(20);
    const bad = files.flatMap((f) => keysWithDots(JSON.parse(fs.readFileSync(f, "utf8"))).map((k) => `${f}: ${k}`));
    expect(bad).toEqual([]);
  });

  it("has the same namespaces in Japanese and English", () => {
    expect(fs.readdirSync("messages/ja").sort()).toEqual(fs.readdirSync("messages/en").sort());
  });
});
