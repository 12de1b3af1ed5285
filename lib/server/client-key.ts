import net from "node:net";
import { env } from "./env";
import { hmacHex } from "./crypto";
import { PEER_HEADER } from "@/lib/operations/metrics-access";

/**
 * The client's address, for per-client limits. The server script (scripts/server.ts) puts
 * the socket's peer in PEER_HEADER, dropping any such header a client sent. X-Forwarded-For
 * is believed only hop by hop from a peer listed in TRUSTED_PROXIES: walking the header
 * from the right, each entry a trusted proxy added is skipped, and the first address no
 * trusted proxy vouches for is the client. Everything left of it could be forged. With no
 * TRUSTED_PROXIES (the default) the header is ignored and the peer is the client.
 */
export function clientAddressFrom(headers: Headers, trusted: net.BlockList | null = trustedProxies()): string {
  const peer = normalise(headers.get(PEER_HEADER) ?? "");
  // No peer: not served by scripts/server.ts (e.g. `next dev`); nothing can be vouched for.
  if (!peer) return "unknown";
  if (!trusted) return peer;
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => normalise(s.trim()))
    .filter(Boolean);
  let client = peer;
  while (isTrusted(trusted, client)) {
    const next = hops.pop();
    // A malformed entry is where the trustworthy part of the chain ends.
    if (!next || net.isIP(next) === 0) break;
    client = next;
  }
  return client;
}

/**
 * A keyed hash of the client's address for per-client rate limits (the address itself is
 * personal data and is never stored).
 */
export function clientKeyFrom(headers: Headers): string | undefined {
  if (env().MADOGUCHI_BENCH === "1") return undefined;
  return hmacHex(clientAddressFrom(headers), "client");
}

const LOOPBACK: [string, number, "ipv4" | "ipv6"][] = [
  ["127.0.0.0", 8, "ipv4"],
  ["::1", 128, "ipv6"],
];
const PRIVATE: [string, number, "ipv4" | "ipv6"][] = [
  ["10.0.0.0", 8, "ipv4"],
  ["172.16.0.0", 12, "ipv4"],
  ["192.168.0.0", 16, "ipv4"],
  ["fc00::", 7, "ipv6"],
];

let cached: { source: string | undefined; list: net.BlockList | null } | undefined;

/** TRUSTED_PROXIES as a matcher; null when unset (trust none). */
export function trustedProxies(source: string | undefined = env().TRUSTED_PROXIES): net.BlockList | null {
  if (cached && cached.source === source) return cached.list;
  let list: net.BlockList | null = null;
  if (source) {
    list = new net.BlockList();
    for (const raw of source.split(",")) {
      const entry = raw.trim();
      const ranges = entry === "loopback" ? LOOPBACK : entry === "private" ? PRIVATE : null;
      if (ranges) {
        for (const [a, bits, type] of ranges) list.addSubnet(a, bits, type);
        continue;
      }
      const [address = "", bits] = entry.split("/");
      const type = net.isIP(address) === 6 ? "ipv6" : "ipv4";
      if (bits === undefined) list.addAddress(address, type);
      else list.addSubnet(address, Number(bits), type);
    }
  }
  cached = { source, list };
  return list;
}

function isTrusted(list: net.BlockList, address: string): boolean {
  return list.check(address, net.isIP(address) === 6 ? "ipv6" : "ipv4");
}

/** "::ffff:10.0.0.1" (IPv4 on a dual-stack socket) → "10.0.0.1"; brackets and ports dropped. */
function normalise(address: string): string {
  let a = address.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed?.[1]) a = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  if (a.toLowerCase().startsWith("::ffff:") && net.isIP(a.slice(7)) === 4) a = a.slice(7);
  return a;
}
