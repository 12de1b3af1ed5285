import { afterEach, describe, expect, it, vi } from "vitest";

// The headers every response carries (next.config.ts), read from the config itself under
// the environment of a production deployment behind HTTPS and of local development.
type HeaderRule = { source: string; headers: { key: string; value: string }[] };

async function headersFor(env: Record<string, string>): Promise<Record<string, string>> {
  vi.resetModules();
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const { default: config } = (await import("@/next.config")) as { default: { headers?: () => Promise<HeaderRule[]> } };
    const rules = (await config.headers?.()) ?? [];
    const all = rules.find((r) => r.source === "/:path*");
    return Object.fromEntries((all?.headers ?? []).map((h) => [h.key.toLowerCase(), h.value]));
  } finally {
    process.env = saved;
  }
}

describe("security headers", () => {
  afterEach(() => vi.resetModules());

  it("in production over HTTPS: CSP with frame-ancestors none, HSTS, no-sniff, referrer kept on this site", async () => {
    const h = await headersFor({ NODE_ENV: "production", APP_URL: "https://privacy.example.jp" });
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"]).toContain("default-src 'self'");
    expect(h["content-security-policy"]).toContain("object-src 'none'");
    expect(h["strict-transport-security"]).toMatch(/max-age=\d{8}/);
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["referrer-policy"]).toBe("same-origin");
  });

  it("no HSTS on plain HTTP (a local machine), the rest unchanged", async () => {
    const h = await headersFor({ NODE_ENV: "production", APP_URL: "http://localhost:3000" });
    expect(h["strict-transport-security"]).toBeUndefined();
    expect(h["x-content-type-options"]).toBe("nosniff");
  });
});
