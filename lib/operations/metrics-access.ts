import crypto from "node:crypto";
import { env } from "@/lib/server/env";

/** Set by the server script from the socket's address (any such header from a client is dropped first). */
export const PEER_HEADER = "x-madoguchi-peer";

/**
 * Set by the server script, to "1", when the client itself sent X-Forwarded-For. Next adds an
 * X-Forwarded-For of the socket's address to every request that lacks one before a route sees
 * it, so the route cannot tell a forwarded request from a direct one by that header.
 */
export const CLIENT_FORWARDED_HEADER = "x-madoguchi-client-forwarded";

const LOCAL = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * Who may read /api/metrics. With METRICS_TOKEN, whoever sends it as a bearer token (a
 * Prometheus elsewhere on the network). Without it, only a client on this machine, judged
 * by the socket the server script saw, never by X-Forwarded-For: a reverse proxy on the same
 * machine would otherwise make every visitor local, so deployments behind a local proxy set
 * the token (docs/deploy.md). Refusals look like "not found".
 */
export function metricsAllowed(headers: Headers): boolean {
  const token = env().METRICS_TOKEN;
  if (token) {
    const given = Buffer.from((headers.get("authorization") ?? "").replace(/^Bearer\s+/i, ""));
    const wanted = Buffer.from(token);
    return given.length === wanted.length && crypto.timingSafeEqual(given, wanted);
  }
  const peer = headers.get(PEER_HEADER);
  return peer !== null && LOCAL.has(peer) && headers.get(CLIENT_FORWARDED_HEADER) !== "1";
}
