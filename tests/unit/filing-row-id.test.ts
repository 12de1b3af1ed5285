import { describe, expect, it } from "vitest";
import { newRowId } from "@/lib/requests/filing-sql";

describe("newRowId", () => {
  it("gives cuid-shaped ids that stay distinct past the random pool's refills", () => {
    // 64 ids per pool: 1,000 ids refill it 15 times.
    const ids = Array.from({ length: 1000 }, () => newRowId());
    for (const id of ids) expect(id).toMatch(/^c[0-9a-z]{24}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // The random part differs from one id to the next, also across a refill.
    const randomParts = new Set(ids.map((id) => id.slice(10)));
    expect(randomParts.size).toBe(ids.length);
  });
});
