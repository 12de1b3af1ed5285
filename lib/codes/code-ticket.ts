import type { CodePurpose } from "@/lib/generated/prisma/enums";
import { AppError, isAppError } from "@/lib/errors";
import { hmacHex, randomToken, timingSafeEqualHex } from "@/lib/server/crypto";
import { hitRateLimit, rateLimitKey } from "@/lib/server/rate-limit";
import { MAX_CODE_ATTEMPTS } from "./one-time-code";

// Issue 20 point 4: after five wrong tries the requester is told the code is spent and
// offered a new one. Whether a code is spent must not come from the code itself: on the
// status page that would tell an outsider which reference and address match (issue 15
// item 4). So the client that asked for a code gets a signed ticket (a cookie) saying when
// it asked, and its own wrong tries are counted against that ticket. A client that typed a
// mismatching reference gets a ticket too, and sees "spent" after exactly as many tries.

/** One minute between codes to one address (lib/codes/one-time-code.ts RESEND_LIMITS). */
export const RESEND_GAP_SECONDS = 60;

export type CodeTicket = { purpose: CodePurpose; sentAt: Date; id: string };

function signature(body: string): string {
  return hmacHex(body, "code-ticket").slice(0, 32);
}

/** A fresh ticket for a code asked for now: "purpose.sentAt.id.signature". */
export function newCodeTicket(purpose: CodePurpose, now: Date = new Date()): string {
  const body = `${purpose}.${Math.floor(now.getTime() / 1000)}.${randomToken(12)}`;
  return `${body}.${signature(body)}`;
}

/** The ticket if it is ours, unaltered and for this purpose; otherwise null. */
export function readCodeTicket(value: string | undefined, purpose: CodePurpose): CodeTicket | null {
  const parts = (value ?? "").split(".");
  if (parts.length !== 4) return null;
  const [p, sentAt, id, sig] = parts as [string, string, string, string];
  if (p !== purpose || !/^\d{1,12}$/.test(sentAt) || !/^[\w-]{8,40}$/.test(id) || !/^[0-9a-f]{32}$/.test(sig))
    return null;
  if (!timingSafeEqualHex(sig, signature(`${p}.${sentAt}.${id}`))) return null;
  return { purpose, sentAt: new Date(Number(sentAt) * 1000), id };
}

/** When this client may ask for the next code. */
export function resendAllowedAt(ticket: CodeTicket): Date {
  return new Date(ticket.sentAt.getTime() + RESEND_GAP_SECONDS * 1000);
}

/**
 * After a refused code: counts the try against the client's ticket, and once the ticket has
 * had MAX_CODE_ATTEMPTS wrong tries turns the refusal into "this code is spent". Other
 * errors pass through unchanged. Returns the error to show and, when spent, when a new code
 * can be sent.
 */
export async function codeRefusal(
  e: unknown,
  ticket: CodeTicket | null,
  now: Date = new Date(),
): Promise<{ error: unknown; resendAt?: Date }> {
  if (!ticket || !isAppError(e) || e.code !== "CODE_INVALID") return { error: e };
  // Counted from the ticket's own start: a window on the clock's hours restarted the count when
  // the tries straddled the top of the hour, and the fifth wrong try said "wrong", not "spent".
  const tries = await hitRateLimit(rateLimitKey("code-ticket", ticket.id), MAX_CODE_ATTEMPTS, 3600, {
    now,
    startedAt: ticket.sentAt,
  });
  if (tries.count < MAX_CODE_ATTEMPTS) return { error: e };
  return {
    error: new AppError("CODE_INVALID", "code spent by this client's tries", { code: ["errors.codeSpent"] }),
    resendAt: resendAllowedAt(ticket),
  };
}
