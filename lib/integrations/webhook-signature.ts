import crypto from "node:crypto";
import { randomToken } from "@/lib/server/crypto";

// Madoguchi-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">, keyed
// with the system's webhook secret. The timestamp is signed too, so a captured delivery
// cannot be replayed later than the receiver's tolerance.

export const WEBHOOK_SECRET_PREFIX = "whsec_";

export function newWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomToken(32)}`;
}

export function webhookSignature(secret: string, body: string, unixSeconds: number): string {
  const mac = crypto.createHmac("sha256", secret).update(`${unixSeconds}.${body}`).digest("hex");
  return `t=${unixSeconds},v1=${mac}`;
}

/** For receivers (and tests): true when the header signs this exact body within the tolerance. */
export function verifyWebhookSignature(
  header: string | null,
  body: string,
  secret: string,
  opts: { now?: Date; toleranceSeconds?: number } = {},
): boolean {
  const parts = new Map((header ?? "").split(",").map((p) => p.trim().split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const given = parts.get("v1") ?? "";
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(given)) return false;
  const now = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - t) > (opts.toleranceSeconds ?? 300)) return false;
  const expected = webhookSignature(secret, body, t).split("v1=")[1] ?? "";
  return crypto.timingSafeEqual(Buffer.from(expected, "hex"), Buffer.from(given, "hex"));
}
