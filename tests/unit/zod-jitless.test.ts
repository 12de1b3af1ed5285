import { describe, expect, it } from "vitest";

describe("lib/zod-jitless", () => {
  it("turns zod's jitless mode on without importing zod, where z.config() reads it", async () => {
    await import("@/lib/zod-jitless");
    const { z } = await import("zod");
    expect(z.config().jitless).toBe(true);
  });
});
