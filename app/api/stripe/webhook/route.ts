import { handleStripeWebhook } from "@/lib/fees/stripe-webhook";
import { httpStatusFor, isAppError } from "@/lib/errors";
import { BODY_LIMITS, readTextCapped } from "@/lib/server/read-body";

// Stripe calls this; the signature is checked over the exact bytes sent, so the body is
// read as text (capped while it streams in: anyone can post here) and handed over untouched.
// All rules live in lib/fees/stripe-webhook.ts.
export const runtime = "nodejs";

export async function POST(request: Request): Promise<Response> {
  try {
    const rawBody = await readTextCapped(request, BODY_LIMITS.stripeEvent);
    const result = await handleStripeWebhook(rawBody, request.headers.get("stripe-signature"));
    return Response.json(result);
  } catch (e) {
    if (isAppError(e)) return Response.json({ error: e.code }, { status: httpStatusFor[e.code] });
    throw e;
  }
}
