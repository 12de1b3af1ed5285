import { describe, expect, it } from "vitest";
import { isSameOrigin } from "@/lib/server/same-origin";

// Posts from our own pages pass on any port or address the app is opened at; a page
// elsewhere does not (the check Next makes for server actions).

const APP_URL = "http://localhost:3000";
const headers = (h: Record<string, string>) => new Headers(h);

describe("same origin", () => {
  it.each([
    ["the served port, APP_URL unset", { origin: "http://localhost:3999", host: "localhost:3999" }, true],
    ["another name for this machine", { origin: "http://127.0.0.1:3999", host: "127.0.0.1:3999" }, true],
    [
      "behind a proxy that says where it was sent",
      { origin: "https://privacy.example.jp", host: "127.0.0.1:3000", "x-forwarded-host": "privacy.example.jp" },
      true,
    ],
    ["a proxy that rewrites Host to APP_URL's", { origin: "http://localhost:3000", host: "10.0.0.5:3000" }, true],
    ["no Origin (not a browser)", { host: "localhost:3999" }, true],
    ["a foreign page", { origin: "https://evil.example", host: "localhost:3999" }, false],
    ["the same name on another port", { origin: "http://localhost:3001", host: "localhost:3999" }, false],
    ["Origin null (a sandboxed page)", { origin: "null", host: "localhost:3999" }, false],
    [
      "a proxy's first forwarded host only",
      {
        origin: "https://evil.example",
        host: "localhost:3999",
        "x-forwarded-host": "privacy.example.jp, evil.example",
      },
      false,
    ],
  ])("%s", (_case, h, expected) => {
    expect(isSameOrigin(headers(h), APP_URL)).toBe(expected);
  });
});
