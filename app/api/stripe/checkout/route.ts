import { createCheckoutSession } from "@/lib/fees/stripe-checkout";
import { REQUESTER_SESSION_COOKIE, requesterActor, resolveRequesterSession } from "@/lib/requester/requester-session";
import { isAppError } from "@/lib/errors";
import { env } from "@/lib/server/env";
import { isSameOrigin } from "@/lib/server/same-origin";

// "Pay now" on the status page posts here (a plain form, so it works without JavaScript);
// the requester is sent on to Stripe Checkout with a 303. All rules live in
// lib/fees/stripe-checkout.ts. Failures go back to the status page with a code the page
// turns into a message; no details leave the server.
export const runtime = "nodejs";

function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

export async function POST(request: Request): Promise<Response> {
  // Relative: back to the address the person used, whatever the port.
  const back = (code: string) => new Response(null, { status: 303, headers: { location: `/status?payment=${code}` } });
  // Only our own pages may start a payment (SameSite=Lax already keeps the cookie off
  // cross-site posts; this also refuses them outright).
  if (!isSameOrigin(request.headers, env().APP_URL)) return new Response(null, { status: 403 });
  try {
    const session = await resolveRequesterSession(cookieValue(request.headers.get("cookie"), REQUESTER_SESSION_COOKIE));
    const { url } = await createCheckoutSession({ actor: requesterActor(session) });
    return Response.redirect(url, 303);
  } catch (e) {
    if (isAppError(e))
      return back(e.code === "UNAUTHENTICATED" ? "signin" : e.code === "INVALID_STATE" ? "not-needed" : "unavailable");
    throw e;
  }
}
