import Stripe from "stripe";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/server/env";

// Stripe is optional: with STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET set (env.ts
// requires both or neither) requesters may pay by card or konbini; without them the
// "Pay now" button is hidden and bank transfer remains. STRIPE_API_BASE points the SDK at
// another host (stripe-mock, or the local fake server the tests run) — never needed in
// production.

export function stripeEnabled(): boolean {
  const e = env();
  return Boolean(e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET);
}

let cached: { key: string; client: Stripe } | undefined;

export function stripeClient(): Stripe {
  const { STRIPE_SECRET_KEY: secretKey, STRIPE_API_BASE: apiBase } = env();
  if (!secretKey) throw new AppError("UNAVAILABLE", "stripe is not configured");
  const key = `${secretKey}|${apiBase ?? ""}`;
  if (cached?.key === key) return cached.client;
  const base = apiBase ? new URL(apiBase) : null;
  const http = base?.protocol === "http:";
  const client = new Stripe(secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    appInfo: { name: "Madoguchi" },
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (http ? 80 : 443),
          protocol: http ? ("http" as const) : ("https" as const),
        }
      : {}),
  });
  cached = { key, client };
  return client;
}

/** Stripe's failures carry no personal data, but only the type and code are kept. */
export function stripeFailure(e: unknown, what: string): AppError {
  const err = e as { type?: string; code?: string };
  return new AppError("UNAVAILABLE", `stripe ${what} failed: ${err.type ?? "error"} ${err.code ?? ""}`.trim());
}
