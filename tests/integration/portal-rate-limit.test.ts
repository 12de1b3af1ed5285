import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { hitRateLimit, purgeStaleRateLimits, rateLimitKey } from "@/lib/server/rate-limit";

const t0 = new Date("2026-11-30T03:00:10Z");
const later = (s: number) => new Date(t0.getTime() + s * 1000);

describe("database rate limit", () => {
  beforeEach(resetDatabase);

  it("allows `limit` hits per window, then says when to retry", async () => {
    const key = rateLimitKey("test", "hanako@example.com");
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit(key, 3, 60, { now: later(i) }));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]?.retryAfterSeconds).toBe(47); // window 03:00:00–03:01:00, now 03:00:13
    expect((await hitRateLimit(key, 3, 60, { now: later(50) })).allowed).toBe(true); // next window
  });

  it("counts concurrent hits exactly once each", async () => {
    const key = rateLimitKey("test", "concurrent");
    const results = await Promise.all(Array.from({ length: 12 }, () => hitRateLimit(key, 5, 3600, { now: t0 })));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it("keeps separate counters per window length and never stores the raw subject", async () => {
    const key = rateLimitKey("code-send", "hanako@example.com");
    await hitRateLimit(key, 1, 60, { now: t0 });
    await hitRateLimit(key, 5, 3600, { now: t0 });
    const rows = await prisma.rateLimit.findMany();
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => !r.key.includes("hanako") && r.key.startsWith("code-send:"))).toBe(true);
    await expect(hitRateLimit("code-send:hanako@example.com", 1, 60)).rejects.toThrow(/raw email/);
  });

  it("does not reset the window when a lagging server reports an older one", async () => {
    const key = rateLimitKey("test", "skew");
    await hitRateLimit(key, 2, 60, { now: later(61) });
    expect((await hitRateLimit(key, 2, 60, { now: later(59) })).count).toBe(2);
    expect((await hitRateLimit(key, 2, 60, { now: later(62) })).allowed).toBe(false);
  });

  it("purges counters from old windows", async () => {
    await hitRateLimit(rateLimitKey("test", "old"), 1, 60, { now: t0 });
    await hitRateLimit(rateLimitKey("test", "new"), 1, 60, { now: later(3 * 86_400) });
    expect(await purgeStaleRateLimits({ now: later(3 * 86_400) })).toBe(1);
    expect(await prisma.rateLimit.count()).toBe(1);
  });
});
