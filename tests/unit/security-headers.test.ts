import { describe, expect, it } from "vitest";
import { headerSettingsFromEnv, securityHeaders } from "@/lib/security/security-headers";

// The headers proxy.ts puts on every response, decided from the environment the server
// starts with (not the one the app was built with).
function headersFor(env: Record<string, string>, pathname = "/", nonce = "bm9uY2U=") {
  return securityHeaders({ pathname, nonce, settings: headerSettingsFromEnv(env) });
}

describe("security headers", () => {
  it("in production over HTTPS: nonce CSP with frame-ancestors none, HSTS, no-sniff, referrer kept on this site", () => {
    const h = headersFor({ NODE_ENV: "production", APP_URL: "https://privacy.example.jp" });
    const csp = h["Content-Security-Policy"];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(h["Strict-Transport-Security"]).toMatch(/max-age=\d{8}/);
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["Referrer-Policy"]).toBe("same-origin");
  });

  it("no HSTS on plain HTTP (a local machine) or without APP_URL, the rest unchanged", () => {
    expect(
      headersFor({ NODE_ENV: "production", APP_URL: "http://localhost:3000" })["Strict-Transport-Security"],
    ).toBeUndefined();
    expect(headersFor({ NODE_ENV: "production" })["Strict-Transport-Security"]).toBeUndefined();
    expect(headersFor({ NODE_ENV: "production" })["X-Content-Type-Options"]).toBe("nosniff");
  });

  it("development allows eval for React's tooling; production never", () => {
    expect(headersFor({ NODE_ENV: "development" })["Content-Security-Policy"]).toContain("'unsafe-eval'");
    expect(headersFor({ NODE_ENV: "production" })["Content-Security-Policy"]).not.toContain("'unsafe-eval'");
  });

  it("the Stripe stand-in of a test run is a form target only when configured", () => {
    expect(headersFor({ NODE_ENV: "production" })["Content-Security-Policy"]).toContain(
      "form-action 'self' https://checkout.stripe.com;",
    );
    expect(
      headersFor({ NODE_ENV: "production", STRIPE_API_BASE: "http://127.0.0.1:12111/v1" })["Content-Security-Policy"],
    ).toContain("form-action 'self' https://checkout.stripe.com http://127.0.0.1:12111;");
  });

  it("requester files in the console are sandboxed, framed by the console only, not cached", () => {
    for (const path of [
      "/console/requests/r1/files/f1",
      "/console/requests/r1/documents/d1",
      "/console/requests/r1/notice-preview",
    ]) {
      const h = headersFor({ NODE_ENV: "production" }, path);
      expect(h["Content-Security-Policy"]).toContain("sandbox");
      expect(h["Content-Security-Policy"]).toContain("frame-ancestors 'self'");
      expect(h["X-Frame-Options"]).toBe("SAMEORIGIN");
      expect(h["Cache-Control"]).toBe("no-store, private");
    }
    expect(headersFor({ NODE_ENV: "production" }, "/console/requests/r1")["X-Frame-Options"]).toBe("DENY");
  });

  it("the status link's token is never sent on as a Referer", () => {
    expect(headersFor({ NODE_ENV: "production" }, "/status/t/abc")["Referrer-Policy"]).toBe("no-referrer");
  });
});
