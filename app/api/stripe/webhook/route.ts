import { handleStripeWebhook } from "@/lib/fees/stripe-webhook";
import { httpStatusFor, isAppError } from "@/lib/errors";

// Stripe calls this; the signature is checked over the exact bytes sent, so the body is
// read as text and handed over untouched. All rules live in lib/fees/stripe-webhook.ts.
export const runtime = "nodejs";

export async function POST(request: Request): Promise<Response> {
  const rawBody = await request.text();
  try {
    const result = await handleStripeWebhook(rawBody, request.headers.get("stripe-signature"));
    return Response.json(result);
  } catch (e) {
    if (isAppError(e)) return Response.json({ error: e.code }, { status: httpStatusFor[e.code] });
    throw e;
  }
}
