import { DAY_MS } from "@/lib/dates";
import { z } from "zod";
import type { Locale } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { prisma } from "@/lib/server/db";
import { parseInput } from "@/lib/validation";
import { assertRateLimit, RateLimitError, rateLimitKey } from "@/lib/server/rate-limit";
import { checkOneTimeCode, consumeOneTimeCode, emailHashOf, issueOneTimeCode } from "@/lib/codes/one-time-code";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { requesterEmail } from "@/lib/requests/request-states";
import { normalizeEmail } from "@/lib/requests/normalize-input";
import { email, oneTimeCodeField, referenceNumber } from "@/lib/requests/schema-fields";
import { statusTokenHash } from "@/lib/requests/status-link";
import { getSetting } from "@/lib/settings/get-settings";
import { createRequesterSession } from "./requester-session";

// The two ways to the status page: reference + email, then a code; or the link from the
// acknowledgement mail. A wrong reference or email gets exactly the answer a right one
// gets (no enumeration): requestStatusCode always says "sent", verifyStatusCode says
// CODE_INVALID whether the code, the reference or the address was wrong.

export const statusAccessSchema = z.object({ reference: referenceNumber(), email: email() });
export const statusCodeSchema = statusAccessSchema.extend({ code: oneTimeCodeField() });

type Access = { reference: string; email: string };

/** The request these details open, if the address is the one its mail goes to. */
async function matchingRequest(q: Access): Promise<{ id: string } | null> {
  const r = await prisma.request.findUnique({
    where: { reference: q.reference },
    select: { id: true, requesterKind: true, email: true, agentEmail: true, anonymisedAt: true },
  });
  if (!r || r.anonymisedAt) return null;
  const contact = requesterEmail(r);
  return contact && normalizeEmail(contact) === q.email ? { id: r.id } : null;
}

/** Limits counted before the lookup, so being refused says nothing about a match. */
async function limitAccess(
  q: Access,
  scope: string,
  perPair: number,
  clientKey: string | undefined,
  now: Date,
): Promise<void> {
  await assertRateLimit(rateLimitKey(`${scope}-pair`, q.reference, emailHashOf(q.email)), perPair, 3600, { now });
  await assertRateLimit(rateLimitKey(`${scope}-email`, emailHashOf(q.email)), perPair * 2, 3600, { now });
  if (clientKey) await assertRateLimit(rateLimitKey(`${scope}-client`, clientKey), 30, 3600, { now });
}

/** Sends a STATUS_ACCESS code when reference and email match; answers the same either way. */
export async function requestStatusCode(opts: {
  input: unknown;
  locale: Locale;
  clientKey?: string;
  now?: Date;
}): Promise<{ sent: true }> {
  const now = opts.now ?? new Date();
  const q = parseInput(statusAccessSchema, opts.input, "status access");
  await limitAccess(q, "status-code", 5, opts.clientKey, now);
  const match = await matchingRequest(q);
  if (match) {
    try {
      await issueOneTimeCode({
        purpose: "STATUS_ACCESS",
        email: q.email,
        requestId: match.id,
        locale: opts.locale,
        now,
      });
    } catch (e) {
      // The per-address resend limit applies only on a match; revealing it would reveal the match.
      if (!(e instanceof RateLimitError)) throw e;
    }
  }
  return { sent: true };
}

/** Checks the code and opens a two-hour session; any mismatch is CODE_INVALID. */
export async function verifyStatusCode(opts: {
  input: unknown;
  clientKey?: string;
  now?: Date;
}): Promise<{ sessionToken: string; expiresAt: Date }> {
  const now = opts.now ?? new Date();
  const q = parseInput(statusCodeSchema, opts.input, "status code");
  await limitAccess(q, "status-verify", 10, opts.clientKey, now);
  const match = await matchingRequest(q);
  if (!match) throw new AppError("CODE_INVALID", "no matching request", { code: ["errors.codeInvalid"] });
  const { codeId } = await checkOneTimeCode({
    purpose: "STATUS_ACCESS",
    email: q.email,
    requestId: match.id,
    code: q.code,
    now,
  });
  return prisma.$transaction(async (tx) => {
    await consumeOneTimeCode(tx, codeId, now);
    const session = await createRequesterSession(tx, match.id, now);
    await writeAuditEvent(tx, {
      actor: { type: "REQUESTER", requestId: match.id },
      action: "requester.signed_in",
      entity: "Request",
      entityId: match.id,
      requestId: match.id,
      data: { via: "code" },
    });
    return session;
  });
}

/**
 * The link from the acknowledgement mail: a session for its request; anything else is
 * NOT_FOUND. The link works for the settings' statusLinkDays from filing (issue 15 item
 * 10); an older one is refused as INVALID_STATE ("expired": the page then offers the
 * emailed-code route) and that use is audited too, so every use of a link is on record.
 */
export async function sessionFromStatusToken(opts: {
  token: string;
  clientKey?: string;
  now?: Date;
}): Promise<{ sessionToken: string; expiresAt: Date }> {
  const now = opts.now ?? new Date();
  if (opts.clientKey) await assertRateLimit(rateLimitKey("status-link-client", opts.clientKey), 30, 3600, { now });
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(opts.token)) throw new AppError("NOT_FOUND", "status link");
  const r = await prisma.request.findUnique({
    where: { statusTokenHash: statusTokenHash(opts.token) },
    select: { id: true, anonymisedAt: true, arrivedAt: true },
  });
  if (!r || r.anonymisedAt) throw new AppError("NOT_FOUND", "status link");
  const { statusLinkDays } = await getSetting(prisma, "security");
  if (r.arrivedAt.getTime() + statusLinkDays * DAY_MS <= now.getTime()) {
    await prisma.$transaction((tx) =>
      writeAuditEvent(tx, {
        actor: { type: "REQUESTER", requestId: r.id },
        action: "requester.status_link_expired",
        entity: "Request",
        entityId: r.id,
        requestId: r.id,
        data: { days: statusLinkDays },
      }),
    );
    throw new AppError("INVALID_STATE", "status link expired");
  }
  return prisma.$transaction(async (tx) => {
    const session = await createRequesterSession(tx, r.id, now);
    await writeAuditEvent(tx, {
      actor: { type: "REQUESTER", requestId: r.id },
      action: "requester.signed_in",
      entity: "Request",
      entityId: r.id,
      requestId: r.id,
      data: { via: "link" },
    });
    return session;
  });
}
