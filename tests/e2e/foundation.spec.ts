import { test, expect } from "./fixtures";

test("[foundation] portal serves in Japanese by default with English one click away", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await page
    .getByRole("button", { name: /English/ })
    .first()
    .click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page
    .getByRole("button", { name: /日本語/ })
    .first()
    .click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
});

test("[foundation] security headers are set on every page", async ({ request }) => {
  const res = await request.get("/");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  const csp = res.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  // Scripts need this response's nonce: no 'unsafe-inline', and a fresh nonce per response.
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-eval'/);
  expect(await res.text()).toContain(`nonce="${nonce}"`);
  const again = (await request.get("/")).headers()["content-security-policy"] ?? "";
  expect(/'nonce-([^']+)'/.exec(again)?.[1]).not.toBe(nonce);
  // The e2e server is plain http: no HSTS, decided by the running server, not the build.
  expect(res.headers()["strict-transport-security"]).toBeUndefined();
  expect(res.headers()["x-powered-by"]).toBeUndefined();
  for (const path of ["/console/sign-in", "/status"]) {
    const page = await request.get(path);
    expect(page.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(page.headers()["x-frame-options"]).toBe("DENY");
  }
  // API routes (outside the proxy, so their bodies are not buffered twice) render nothing runnable.
  const api = await request.get("/api/health");
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["x-frame-options"]).toBe("DENY");
});

test("[foundation] Prometheus metrics are served to this machine without a token, never to a forwarded request", async ({
  request,
}) => {
  const local = await request.get("/api/metrics");
  expect(local.status()).toBe(200);
  const text = await local.text();
  for (const metric of ["madoguchi_http_requests_total", "madoguchi_jobs_due", "madoguchi_jobs_lag_seconds"])
    expect(text).toContain(metric);
  // A client that says it was forwarded (a reverse proxy on this machine) is not local.
  const forwarded = await request.get("/api/metrics", { headers: { "x-forwarded-for": "203.0.113.9" } });
  expect(forwarded.status()).toBe(404);
  // Nor can a client claim to be the server script's own mark.
  const forged = await request.get("/api/metrics", {
    headers: { "x-forwarded-for": "203.0.113.9", "x-madoguchi-client-forwarded": "0", "x-madoguchi-peer": "127.0.0.1" },
  });
  expect(forged.status()).toBe(404);
});
