import { env } from "./env";
import { hmacHex } from "./crypto";

/**
 * A keyed hash of the client's address for per-client rate limits (the address itself is
 * personal data and is never stored). Behind a reverse proxy the last X-Forwarded-For
 * entry is the one the proxy added; anything before it was sent by the client and can be
 * forged. Without a proxy, Next sets the header to the socket address only when the client
 * sent none, so deployments must run behind a proxy that sets it (DESIGN.md §6); the
 * per-address limits hold either way.
 */
export function clientKeyFrom(headers: Headers): string | undefined {
  const e = env();
  if (e.MADOGUCHI_BENCH === "1") return undefined;
  const forwarded = headers.get("x-forwarded-for");
  const hops = forwarded?.split(",").map((s) => s.trim()).filter(Boolean) ?? [];
  const ip = hops.at(-1) ?? headers.get("x-real-ip") ?? "unknown";
  return hmacHex(ip, "client");
}
