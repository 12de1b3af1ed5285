import { describe, expect, it } from "vitest";
import { clientAddressFrom, trustedProxies } from "@/lib/server/client-key";
import { PEER_HEADER } from "@/lib/operations/metrics-access";
import { parseEnv } from "@/lib/server/env";

// Issue 15 item 6: X-Forwarded-For is believed only from proxies named in TRUSTED_PROXIES.
// PEER_HEADER is what scripts/server.ts writes from the socket (any client copy is dropped).

const h = (peer: string, forwarded?: string) =>
  new Headers({ [PEER_HEADER]: peer, ...(forwarded ? { "x-forwarded-for": forwarded } : {}) });

describe("client address", () => {
  it("ignores a forged X-Forwarded-For when no proxy is trusted (the default)", () => {
    expect(clientAddressFrom(h("203.0.113.7", "198.51.100.1"), trustedProxies(undefined))).toBe("203.0.113.7");
    expect(clientAddressFrom(h("::ffff:203.0.113.7", "10.0.0.1, 198.51.100.1"), trustedProxies(undefined))).toBe(
      "203.0.113.7",
    );
  });

  it("believes the hop a trusted proxy added, and nothing to the left of the first untrusted one", () => {
    const list = trustedProxies("10.0.0.0/8");
    // nginx at 10.0.0.2 appends the address it saw.
    expect(clientAddressFrom(h("10.0.0.2", "198.51.100.9"), list)).toBe("198.51.100.9");
    // The client forged an entry first; the proxy's appended one wins.
    expect(clientAddressFrom(h("10.0.0.2", "1.2.3.4, 198.51.100.9"), list)).toBe("198.51.100.9");
    // Two trusted hops (a load balancer then nginx), both skipped.
    expect(clientAddressFrom(h("10.0.0.2", "198.51.100.9, 10.1.2.3"), list)).toBe("198.51.100.9");
    // A peer that is not a trusted proxy is the client, whatever it forwards.
    expect(clientAddressFrom(h("203.0.113.7", "198.51.100.9"), list)).toBe("203.0.113.7");
    // Garbage in the chain stops the walk at the last trusted hop.
    expect(clientAddressFrom(h("10.0.0.2", "not-an-ip"), list)).toBe("10.0.0.2");
  });

  it("knows the named groups and IPv6", () => {
    expect(clientAddressFrom(h("::1", "2001:db8::5"), trustedProxies("loopback"))).toBe("2001:db8::5");
    expect(clientAddressFrom(h("127.0.0.1", "198.51.100.9"), trustedProxies("loopback"))).toBe("198.51.100.9");
    expect(clientAddressFrom(h("192.168.1.10", "198.51.100.9"), trustedProxies("private"))).toBe("198.51.100.9");
    expect(clientAddressFrom(h("192.168.1.10", "198.51.100.9"), trustedProxies("loopback"))).toBe("192.168.1.10");
  });

  it("without the server script's peer there is no address to vouch for", () => {
    expect(clientAddressFrom(new Headers({ "x-forwarded-for": "198.51.100.9" }), trustedProxies("loopback"))).toBe(
      "unknown",
    );
  });

  it("refuses a malformed TRUSTED_PROXIES at start-up", () => {
    const base = {
      NODE_ENV: "test" as const,
      MADOGUCHI_SECRET: "x".repeat(32),
      FILE_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
    };
    expect(parseEnv({ ...base, TRUSTED_PROXIES: "10.0.0.0/8, ::1, loopback" }).TRUSTED_PROXIES).toBe(
      "10.0.0.0/8, ::1, loopback",
    );
    expect(() => parseEnv({ ...base, TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseEnv({ ...base, TRUSTED_PROXIES: "everyone" })).toThrow(/TRUSTED_PROXIES/);
    expect(parseEnv(base).TRUSTED_PROXIES).toBeUndefined();
  });
});
