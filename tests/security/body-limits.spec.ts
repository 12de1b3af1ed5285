import { test, expect } from "../e2e/fixtures";
import { postHugeBody, rssBytes, serverPid } from "./attack-helpers";

// Issue 15 item 3: unauthenticated routes read bodies of any size into memory (a 100 MB
// post grew the server by ~400 MB). Every body is now capped while it streams in
// (lib/server/read-body.ts): 413, and the server hardly grows.

test.describe.configure({ timeout: 240_000 });

const routes: { path: string; headers: Record<string, string> }[] = [
  { path: "/api/stripe/webhook", headers: { "stripe-signature": "t=1,v1=00" } },
  { path: "/api/requests", headers: {} },
  { path: "/api/auth/callback/staff-totp", headers: { "content-type": "application/x-www-form-urlencoded" } },
];

test("[security] a 100 MB post to each open route is refused with 413 and the server grows by less than 20 MB", async () => {
  const pid = serverPid();
  // Load each route once first, so its code being loaded is not counted as growth.
  for (const r of routes) await postHugeBody(r.path, 1, { declareLength: false, headers: r.headers });
  const before = rssBytes(pid);
  let peak = before;
  const sample = setInterval(() => (peak = Math.max(peak, rssBytes(pid))), 100);
  try {
    for (const r of routes) {
      // A truthful Content-Length is refused before reading; a chunked body is counted as it comes.
      expect(
        await postHugeBody(r.path, 100, { declareLength: true, headers: r.headers }),
        `${r.path} with a length`,
      ).toBe(413);
      expect(await postHugeBody(r.path, 100, { declareLength: false, headers: r.headers }), `${r.path} chunked`).toBe(
        413,
      );
    }
  } finally {
    clearInterval(sample);
  }
  const grown = Math.max(peak, rssBytes(pid)) - before;
  test.info().annotations.push({
    type: "rss",
    description: `server RSS before ${Math.round(before / 1e6)} MB, grew by at most ${(grown / 1e6).toFixed(1)} MB`,
  });
  expect(grown).toBeLessThan(20 * 1024 * 1024);
});
