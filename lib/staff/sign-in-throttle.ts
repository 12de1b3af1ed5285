import { prisma, type Db } from "@/lib/server/db";
import { hmacHex, randomToken } from "@/lib/server/crypto";
import { RateLimitError } from "@/lib/server/rate-limit";

// Staff sign-in throttle (docs/decisions/0015-sign-in-throttling.md). No account is ever
// locked and no session ends because of someone else's failures; instead each attempt must
// be admitted by three counters in the database (so the limits hold across app servers):
//
//   pair    (account × client)  3 free, then 1 s, 2 s, 4 s … up to 15 minutes
//   client  (any account)       10 free, then 1 s, 2 s, 4 s … up to 15 minutes
//   account (any client)        10 free, then 1 s, 2 s, 4 s … up to 30 seconds
//
// Admission counts the attempt at once, as if it were going to fail ("failures" are the
// admitted attempts not yet redeemed by a complete sign-in), so parallel requests cannot
// slip past the count before the first one's password hash is done. Refusals are answered
// before any hashing, which bounds the argon2 work one client can cause; the account's
// short cap means that after an attack from many addresses the real member is admitted
// again within half a minute. The account is named by the email typed, known or not, so a
// refusal says nothing about whether the account exists.

type Rule = { free: number; capSeconds: number; forgetAfterSeconds: number };

export const THROTTLE_RULES = {
  pair: { free: 3, capSeconds: 15 * 60, forgetAfterSeconds: 24 * 3600 },
  client: { free: 10, capSeconds: 15 * 60, forgetAfterSeconds: 3600 },
  account: { free: 10, capSeconds: 30, forgetAfterSeconds: 3600 },
} as const satisfies Record<string, Rule>;

type Scope = keyof typeof THROTTLE_RULES;

export type ThrottleKeys = { account: string; client: string; pair: string };

/** The three keys for an attempt; HMACs only, never the email or the address. */
export function throttleKeys(email: string, clientKey: string | undefined): ThrottleKeys {
  const account = hmacHex(email.trim().toLowerCase(), "sign-in-account");
  const client = clientKey ?? "no-client";
  return {
    account: `account:${account}`,
    client: `client:${client}`,
    pair: `pair:${account}:${hmacHex(client, "sign-in-pair")}`,
  };
}

/** Seconds to wait after the n-th unredeemed attempt. */
export function delayAfter(rule: Rule, n: number): number {
  if (n <= rule.free) return 0;
  return Math.min(rule.capSeconds, 2 ** Math.min(n - rule.free - 1, 30));
}

/**
 * Admits one attempt against one counter, atomically: when the counter is open it counts
 * the attempt and closes for the delay that count earns; when closed it changes nothing.
 * Returns 0 when admitted, otherwise the seconds to wait.
 */
async function admit(db: Db, key: string, rule: Rule, now: Date): Promise<number> {
  const token = randomToken(12);
  const forgetBefore = new Date(now.getTime() - rule.forgetAfterSeconds * 1000);
  // The delay is computed in SQL from the new count: LEAST(cap, 2^(n - free - 1)) past the free ones.
  const rows = await db.$queryRaw<{ admission: string; blockedUntil: Date }[]>`
    INSERT INTO "SignInThrottle" ("key", "failures", "blockedUntil", "admission", "updatedAt")
    VALUES (${key}, 1, ${new Date(now.getTime() + delayAfter(rule, 1) * 1000)}, ${token}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."blockedUntil" > ${now} THEN "SignInThrottle"."failures"
                        WHEN "SignInThrottle"."updatedAt" < ${forgetBefore} THEN 1
                        ELSE "SignInThrottle"."failures" + 1 END,
      "blockedUntil" = CASE WHEN "SignInThrottle"."blockedUntil" > ${now} THEN "SignInThrottle"."blockedUntil"
                        ELSE ${now}::timestamp(3) + make_interval(secs => CASE
                          WHEN (CASE WHEN "SignInThrottle"."updatedAt" < ${forgetBefore} THEN 1 ELSE "SignInThrottle"."failures" + 1 END) <= ${rule.free} THEN 0
                          ELSE LEAST(${rule.capSeconds}::double precision, power(2, LEAST((CASE WHEN "SignInThrottle"."updatedAt" < ${forgetBefore} THEN 1 ELSE "SignInThrottle"."failures" + 1 END) - ${rule.free} - 1, 30)))
                        END) END,
      "admission" = CASE WHEN "SignInThrottle"."blockedUntil" > ${now} THEN "SignInThrottle"."admission" ELSE ${token} END,
      "updatedAt" = CASE WHEN "SignInThrottle"."blockedUntil" > ${now} THEN "SignInThrottle"."updatedAt" ELSE ${now} END
    RETURNING "admission", "blockedUntil"`;
  const row = rows[0];
  if (!row || row.admission === token) return 0;
  return Math.max(1, Math.ceil((new Date(row.blockedUntil).getTime() - now.getTime()) / 1000));
}

/**
 * Lets a sign-in attempt through or throws RateLimitError with the wait. The account is
 * checked first: an attempt it refuses is not counted against the client or the pair.
 */
export async function admitSignInAttempt(keys: ThrottleKeys, opts: { now?: Date; db?: Db } = {}): Promise<void> {
  const db = opts.db ?? prisma;
  const now = opts.now ?? new Date();
  const order: Scope[] = ["account", "client", "pair"];
  for (const scope of order) {
    const wait = await admit(db, keys[scope], THROTTLE_RULES[scope], now);
    if (wait > 0) throw new RateLimitError(wait);
  }
}

/**
 * A complete sign-in (password and code) redeems its attempt: the pair starts afresh, the
 * client gets its attempt back, and the account falls back to the start of its growth (an
 * attack in progress still finds it throttled after a few more tries).
 */
export async function redeemSignInAttempt(keys: ThrottleKeys, opts: { now?: Date; db?: Db } = {}): Promise<void> {
  const db = opts.db ?? prisma;
  const now = opts.now ?? new Date();
  await db.$executeRaw`UPDATE "SignInThrottle" SET "failures" = 0, "blockedUntil" = LEAST("blockedUntil", ${now}) WHERE "key" = ${keys.pair}`;
  await db.$executeRaw`UPDATE "SignInThrottle" SET "failures" = GREATEST("failures" - 1, 0) WHERE "key" = ${keys.client}`;
  await db.$executeRaw`UPDATE "SignInThrottle" SET "failures" = LEAST(GREATEST("failures" - 1, 0), ${THROTTLE_RULES.account.free}), "blockedUntil" = LEAST("blockedUntil", ${now}) WHERE "key" = ${keys.account}`;
}

/** Whether the account is waiting out its throttle now (for the staff list). */
export async function accountThrottledUntil(email: string, opts: { now?: Date; db?: Db } = {}): Promise<Date | null> {
  const db = opts.db ?? prisma;
  const row = await db.signInThrottle.findUnique({ where: { key: throttleKeys(email, undefined).account } });
  return row && row.blockedUntil > (opts.now ?? new Date()) ? row.blockedUntil : null;
}

/** An admin's "unlock": the account and every pair on it start afresh. */
export async function clearAccountThrottle(db: Db, email: string): Promise<void> {
  const { account } = throttleKeys(email, undefined);
  const pairPrefix = `pair:${account.slice("account:".length)}:`;
  await db.signInThrottle.deleteMany({ where: { OR: [{ key: account }, { key: { startsWith: pairPrefix } }] } });
}

/** Counters quiet for longer than the longest memory (a day) are useless; the retention job drops them. */
export async function purgeStaleSignInThrottles(opts: { now?: Date; db?: Db } = {}): Promise<number> {
  const db = opts.db ?? prisma;
  const cutoff = new Date((opts.now ?? new Date()).getTime() - THROTTLE_RULES.pair.forgetAfterSeconds * 1000);
  const { count } = await db.signInThrottle.deleteMany({
    where: { updatedAt: { lt: cutoff }, blockedUntil: { lt: cutoff } },
  });
  return count;
}

// ── Bounded hashing ──
// Whatever gets past the counters, at most two password hashes run at once in this process
// (the machine's cores), and at most 16 wait; beyond that an attempt is refused at once
// instead of queuing behind an attack and slowing every other request.
const MAX_HASHING = 2;
const MAX_WAITING = 16;
let hashing = 0;
const waiting: (() => void)[] = [];

export async function withHashingSlot<T>(work: () => Promise<T>): Promise<T> {
  if (hashing >= MAX_HASHING) {
    if (waiting.length >= MAX_WAITING) throw new RateLimitError(1);
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else hashing++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else hashing--;
  }
}
