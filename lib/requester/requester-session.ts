import { DAY_MS } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { prisma, type Tx } from "@/lib/server/db";
import { hmacHex, randomToken } from "@/lib/server/crypto";
import type { RequesterActor } from "@/lib/audit/actor";

// A requester's signed-in state: a random token in an httpOnly cookie, its HMAC in
// RequesterSession, bound to one request, for two hours. Requesters have no password
// (docs/design.md §7); they get here with an emailed code or the status link.

/** Suggested cookie: httpOnly, Secure, SameSite=Lax, Path=/ (payment routes read it too), Max-Age 7200. */
export const REQUESTER_SESSION_COOKIE = "madoguchi_requester";
export const REQUESTER_SESSION_TTL_MS = 2 * 60 * 60 * 1000;

export type RequesterSession = {
  sessionId: string;
  requestId: string;
  expiresAt: Date;
  /** When a fresh PACKAGE_DOWNLOAD code was entered in this session. */
  downloadVerifiedAt: Date | null;
};

export const requesterSessionHash = (token: string) => hmacHex(token, "requester-session");

export function requesterActor(session: RequesterSession): RequesterActor {
  return { type: "REQUESTER", requestId: session.requestId };
}

/** Creates the session row in the caller's transaction; the token goes to the cookie only. */
export async function createRequesterSession(
  tx: Tx,
  requestId: string,
  now: Date,
): Promise<{ sessionToken: string; expiresAt: Date }> {
  const sessionToken = randomToken(32);
  const expiresAt = new Date(now.getTime() + REQUESTER_SESSION_TTL_MS);
  await tx.requesterSession.create({
    data: { tokenHash: requesterSessionHash(sessionToken), requestId, expiresAt, createdAt: now },
  });
  return { sessionToken, expiresAt };
}

/** The session for a cookie value, or UNAUTHENTICATED when unknown, expired or the request is anonymised. */
export async function resolveRequesterSession(
  sessionToken: string | null | undefined,
  now: Date = new Date(),
): Promise<RequesterSession> {
  if (!sessionToken || sessionToken.length > 200) throw new AppError("UNAUTHENTICATED", "no requester session");
  const row = await prisma.requesterSession.findUnique({
    where: { tokenHash: requesterSessionHash(sessionToken) },
    select: {
      id: true,
      requestId: true,
      expiresAt: true,
      downloadVerifiedAt: true,
      request: { select: { anonymisedAt: true } },
    },
  });
  if (!row || row.expiresAt <= now || row.request.anonymisedAt)
    throw new AppError("UNAUTHENTICATED", "requester session expired or unknown");
  return {
    sessionId: row.id,
    requestId: row.requestId,
    expiresAt: row.expiresAt,
    downloadVerifiedAt: row.downloadVerifiedAt,
  };
}

/** Signing out: the row expires now, so the cookie stops working everywhere. */
export async function endRequesterSession(sessionToken: string, now: Date = new Date()): Promise<void> {
  await prisma.requesterSession.updateMany({
    where: { tokenHash: requesterSessionHash(sessionToken) },
    data: { expiresAt: now },
  });
}

/** Sessions a day past expiry are of no use; the job deletes them. */
export async function purgeExpiredRequesterSessions(
  opts: { now?: Date; db?: Tx | typeof prisma } = {},
): Promise<number> {
  const db = opts.db ?? prisma;
  const cutoff = new Date((opts.now ?? new Date()).getTime() - DAY_MS);
  const { count } = await db.requesterSession.deleteMany({ where: { expiresAt: { lt: cutoff } } });
  return count;
}
