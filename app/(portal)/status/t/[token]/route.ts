import { cookies } from "next/headers";
import { isAppError } from "@/lib/errors";
import { clientKeyFrom } from "@/lib/server/client-key";
import { REQUESTER_SESSION_COOKIE } from "@/lib/requester/requester-session";
import { sessionFromStatusToken } from "@/lib/requester/status-access";
import { secureCookies } from "../../../portal-server";

// The link in the acknowledgement mail: /status/t/<token>. It is exchanged for a session
// cookie at once and the browser goes on to /status, so the token leaves the address bar
// and is never sent on as a Referer (no-referrer, and no caching of this response).
// Redirects are relative: the cookie was set on the address the link was opened at.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const headers = { "referrer-policy": "no-referrer", "cache-control": "no-store" };

export async function GET(req: Request, ctx: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await ctx.params;
  try {
    const session = await sessionFromStatusToken({ token, clientKey: clientKeyFrom(req.headers) });
    (await cookies()).set(REQUESTER_SESSION_COOKIE, session.sessionToken, {
      httpOnly: true,
      sameSite: "lax",
      secure: secureCookies(),
      path: "/",
      expires: session.expiresAt,
    });
    return new Response(null, { status: 303, headers: { ...headers, location: "/status" } });
  } catch (e) {
    if (!isAppError(e)) throw e;
    // A real link past its days: the page offers the emailed code instead.
    if (e.code === "INVALID_STATE")
      return new Response(null, { status: 303, headers: { ...headers, location: "/status?link=expired" } });
    // Unknown, mistyped or someone else's old link, or too many tries: one answer for all.
    return new Response(null, { status: 303, headers: { ...headers, location: "/status?link=invalid" } });
  }
}
