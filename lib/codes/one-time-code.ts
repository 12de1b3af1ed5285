import type { CodePurpose, Locale } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { prisma, type Db, type Tx } from "@/lib/server/db";
import { hmacHex, randomDigits, timingSafeEqualHex } from "@/lib/server/crypto";
import { sqlQuery } from "@/lib/server/db-adapter";
import { assertRateLimit, rateLimitKey, RateLimitError } from "@/lib/server/rate-limit";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { getSettings } from "@/lib/settings/get-settings";
import { normalizeEmail } from "@/lib/requests/normalize-input";
import { oneTimeCodeField } from "@/lib/requests/schema-fields";
import { parseInput } from "@/lib/validation";
import { z } from "zod";
import { codeMail } from "./code-mail";

// Requesters have no password (docs/design.md §7): a 6-digit code by email proves they
// read that mailbox. Codes are kept only as an HMAC bound to purpose and address, live
// 10 minutes, allow 5 tries, work once; the newest code for an address replaces older ones.

export const CODE_TTL_MS = 10 * 60 * 1000;
export const MAX_CODE_ATTEMPTS = 5;
const RESEND_LIMITS = [
  { limit: 1, windowSeconds: 60 },
  { limit: 5, windowSeconds: 3600 },
];

export type CodeTarget = { purpose: CodePurpose; email: string; requestId?: string | null };

export function emailHashOf(email: string): string {
  return hmacHex(normalizeEmail(email), "code-email");
}

function codeHashOf(target: CodeTarget, code: string): string {
  return hmacHex(`${target.purpose}:${emailHashOf(target.email)}:${target.requestId ?? ""}:${code}`, "one-time-code");
}

// One answer for every refusal (issue 15 item 4): "expired" only ever reached someone whose
// reference and address matched, so telling it apart revealed the match.
export const codeError = (detail: string) => new AppError("CODE_INVALID", detail, { code: ["errors.codeInvalid"] });

/**
 * Resends are limited per purpose and address: 5 an hour (counted even when refused by it),
 * and one a minute measured from the last code actually sent — a sliding minute, because a
 * fixed window let two codes go out a second apart across a minute boundary.
 */
export async function assertCodeSendAllowed(target: CodeTarget, now: Date = new Date()): Promise<void> {
  const emailHash = emailHashOf(target.email);
  const key = rateLimitKey(`code-send:${target.purpose}`, emailHash);
  const minGapMs = (RESEND_LIMITS.find((l) => l.windowSeconds === 60)?.windowSeconds ?? 60) * 1000;
  const last = await prisma.oneTimeCode.findFirst({
    where: { emailHash, purpose: target.purpose, createdAt: { gt: new Date(now.getTime() - minGapMs), lte: now } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  if (last) throw new RateLimitError(Math.ceil((last.createdAt.getTime() + minGapMs - now.getTime()) / 1000));
  for (const { limit, windowSeconds } of RESEND_LIMITS)
    if (windowSeconds > 60) await assertRateLimit(key, limit, windowSeconds, { now });
}

/** Creates a code and queues its mail in the caller's transaction (call assertCodeSendAllowed first). */
export async function createOneTimeCode(
  tx: Tx,
  opts: CodeTarget & { locale: Locale; now?: Date },
): Promise<{ expiresAt: Date }> {
  const now = opts.now ?? new Date();
  const code = randomDigits(6);
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
  await tx.oneTimeCode.create({
    data: {
      purpose: opts.purpose,
      emailHash: emailHashOf(opts.email),
      requestId: opts.requestId ?? null,
      codeHash: codeHashOf(opts, code),
      expiresAt,
      createdAt: now,
    },
  });
  const settings = await getSettings(tx);
  const signature = opts.locale === "ja" ? settings.operator.legalNameJa : settings.operator.legalNameEn;
  const mail = codeMail({ locale: opts.locale, purpose: opts.purpose, code, minutes: CODE_TTL_MS / 60_000, signature });
  await enqueueMail(tx, {
    to: normalizeEmail(opts.email),
    ...mail,
    kind: `code.${opts.purpose}`,
    requestId: opts.requestId ?? null,
  });
  return { expiresAt };
}

/** Checks the resend limit, then creates the code and queues the mail in one transaction. */
export async function issueOneTimeCode(
  opts: CodeTarget & { locale: Locale; now?: Date },
): Promise<{ expiresAt: Date }> {
  await assertCodeSendAllowed(opts, opts.now);
  return prisma.$transaction((tx) => createOneTimeCode(tx, opts));
}

/**
 * Finds the newest code for the target and counts this attempt on it, in one statement
 * (issue 19: every round trip on the filing path counts). The attempt is counted only while
 * the code is unspent and under the limit, re-checked under the row lock as a plain UPDATE
 * is. Expiry is compared by the database against the caller's `now`, so no timestamp has
 * to be parsed (the driver sends it, ADR 0022). $1 purpose, $2 email hash, $3 request id or
 * null, $4 now (ISO), $5 the attempt limit.
 */
export const CHECK_CODE_SQL = {
  name: "madoguchi_code_check",
  text: `
    WITH latest AS (
      SELECT "id", "codeHash", "expiresAt", "consumedAt" FROM "OneTimeCode"
      WHERE "purpose" = $1::"CodePurpose" AND "emailHash" = $2 AND "requestId" IS NOT DISTINCT FROM $3::text
      ORDER BY "createdAt" DESC, "id" DESC LIMIT 1
    ), counted AS (
      UPDATE "OneTimeCode" c SET "attempts" = c."attempts" + 1 FROM latest
      WHERE c."id" = latest."id" AND latest."consumedAt" IS NULL
        AND c."attempts" < $5::int AND c."consumedAt" IS NULL
      RETURNING c."attempts"
    )
    SELECT "id", "codeHash", "consumedAt" IS NOT NULL AS "consumed", "expiresAt" <= $4::timestamp(3) AS "expired",
      (SELECT "attempts" FROM counted) AS "attempts"
    FROM latest`,
};

// Built once: zod builds a schema, and walks it on its first parse, at a cost several times its
// parse (~0.3 ms of a filing's CPU when this was built per call, ADR 0022).
const codeInputSchema = z.object({ code: oneTimeCodeField() });

/**
 * Counts one attempt on the newest code for the target and compares it. The attempt is
 * committed even when the code is wrong or expired; the sixth attempt is refused even if
 * right. Every refusal is the same CODE_INVALID. Returns the code's id for
 * consumeOneTimeCode; nothing is consumed yet.
 */
export async function checkOneTimeCode(opts: CodeTarget & { code: unknown; now?: Date }): Promise<{ codeId: string }> {
  const now = opts.now ?? new Date();
  const { code } = parseInput(codeInputSchema, { code: opts.code }, "one-time code");
  const [latest] = await sqlQuery<{
    id: string;
    codeHash: string;
    consumed: boolean;
    expired: boolean;
    attempts: number | null;
  }>(CHECK_CODE_SQL, [
    opts.purpose,
    emailHashOf(opts.email),
    opts.requestId ?? null,
    now.toISOString(),
    MAX_CODE_ATTEMPTS,
  ]);
  if (!latest || latest.consumed) throw codeError(latest ? "code already used" : "no code issued");
  if (latest.attempts === null) throw codeError("too many attempts, or spent meanwhile");
  if (latest.expired) throw codeError("code expired");
  if (!timingSafeEqualHex(latest.codeHash, codeHashOf(opts, code))) throw codeError("wrong code");
  return { codeId: latest.id };
}

/** Marks a checked code used, in the transaction of the change it authorises; a second use fails. */
export async function consumeOneTimeCode(tx: Tx, codeId: string, now: Date = new Date()): Promise<void> {
  const { count } = await tx.oneTimeCode.updateMany({
    where: { id: codeId, consumedAt: null },
    data: { consumedAt: now },
  });
  if (count === 0) throw codeError("code already used");
}

/** check + consume in one go, for codes that authorise nothing else in a transaction. */
export async function verifyOneTimeCode(opts: CodeTarget & { code: unknown; now?: Date }): Promise<{ codeId: string }> {
  const checked = await checkOneTimeCode(opts);
  await prisma.$transaction((tx) => consumeOneTimeCode(tx, checked.codeId, opts.now));
  return checked;
}

/** Codes are useless an hour after expiry; delete them so the table stays small. */
export async function purgeOldCodes(opts: { now?: Date; db?: Db } = {}): Promise<number> {
  const db = opts.db ?? prisma;
  const cutoff = new Date((opts.now ?? new Date()).getTime() - 60 * 60 * 1000);
  const { count } = await db.oneTimeCode.deleteMany({ where: { expiresAt: { lt: cutoff } } });
  return count;
}
