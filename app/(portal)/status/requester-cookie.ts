import { cookies } from "next/headers";
import { isAppError } from "@/lib/errors";
import {
  REQUESTER_SESSION_COOKIE,
  resolveRequesterSession,
  type RequesterSession,
} from "@/lib/requester/requester-session";
import { secureCookies } from "../portal-server";

// The requester's session cookie: httpOnly, SameSite=Lax, Path=/ (the payment and
// download routes read it too), for as long as the session row lives (two hours).

export async function requesterSessionToken(): Promise<string | undefined> {
  return (await cookies()).get(REQUESTER_SESSION_COOKIE)?.value;
}

/** The signed-in requester, or null (no cookie, expired, signed out). */
export async function currentRequesterSession(): Promise<RequesterSession | null> {
  try {
    return await resolveRequesterSession(await requesterSessionToken());
  } catch (e) {
    if (isAppError(e)) return null;
    throw e;
  }
}

export async function setRequesterCookie(session: { sessionToken: string; expiresAt: Date }): Promise<void> {
  (await cookies()).set(REQUESTER_SESSION_COOKIE, session.sessionToken, {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    expires: session.expiresAt,
  });
}

export async function clearRequesterCookie(): Promise<void> {
  (await cookies()).set(REQUESTER_SESSION_COOKIE, "", {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    maxAge: 0,
  });
}
