import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import ja from "@/messages/ja/requests.json";
import en from "@/messages/en/requests.json";

// Every message key the requester-side library can return must exist in both languages.
const dirs = ["lib/requests", "lib/uploads", "lib/codes", "lib/requester", "lib/postal"];
const keyPattern = /"((?:errors|documentGuidance|status|needs|mail|postalForm|notices)\.[A-Za-z0-9_.]+)"/g;

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
    );
}

function flatKeys(obj: unknown, prefix = ""): string[] {
  if (typeof obj !== "object" || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => flatKeys(v, prefix ? `${prefix}.${k}` : k));
}

describe("requests messages", () => {
  it("has the same keys in Japanese and English", () => {
    expect(flatKeys(ja).sort()).toEqual(flatKeys(en).sort());
  });

  it("defines every key the library uses", () => {
    const known = new Set(flatKeys(ja));
    const used = new Set<string>();
    for (const dir of dirs)
      for (const f of files(dir))
        for (const m of fs.readFileSync(f, "utf8").matchAll(keyPattern)) if (m[1]) used.add(m[1]);
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter((k) => !known.has(k) && ![...known].some((n) => n.startsWith(`${k}.`)));
    expect(missing).toEqual([]);
  });

  it("labels all 11 categories of Art 2.1 and all 17 purposes of Art 2.2", () => {
    expect(Object.keys(ja.categories)).toHaveLength(11);
    expect(Object.keys(en.purposes)).toHaveLength(17);
    expect(en.categories["6"]).toContain("Access logs");
  });
});
