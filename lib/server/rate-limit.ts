import { DAY_MS } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { prisma, type Db } from "@/lib/server/db";
import { hmacHex } from "@/lib/server/crypto";
import { sqlQuery } from "@/lib/server/db-adapter";

// Fixed-window counters in the RateLimit table (docs/design.md §7): one atomic
// INSERT … ON CONFLICT DO UPDATE … RETURNING per hit, so the limit holds however many
// app servers share the database. Keys are "scope:hmac", never a raw address.

export type RateLimitResult = { allowed: boolean; count: number; retryAfterSeconds: number };

/** A refusal that says when to try again; pages show "errors.rateLimited". */
export class RateLimitError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("RATE_LIMITED", `retry after ${retryAfterSeconds}s`, { _form: ["errors.rateLimited"] });
  }
}

/** "code-send:3f2a…": the scope in clear, what is limited (email, IP, reference) as an HMAC. */
export function rateLimitKey(scope: string, ...subject: string[]): string {
  return `${scope}:${hmacHex(subject.join("\u0000"), "rate-limit")}`;
}

/**
 * The counter's upsert after its VALUES or SELECT of ($key, $windowStart, 1): one atomic
 * statement per hit. Shared with the filing's lookup that counts its hit in the same statement
 * (IDEMPOTENT_OR_HIT_SQL in lib/requests/file-request.ts).
 */
export const RATE_LIMIT_UPSERT = `ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN EXCLUDED."windowStart" > "RateLimit"."windowStart" THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = GREATEST(EXCLUDED."windowStart", "RateLimit"."windowStart")
    RETURNING "count", (extract(epoch FROM "windowStart") * 1000)::float8 AS "windowStartMs"`;

// Named, so a PostgreSQL connection parses and plans it once (lib/server/db-adapter.ts sqlQuery).
export const HIT_SQL = {
  name: "madoguchi_rate_limit_hit",
  text: `INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES ($1, $2::timestamp(3), 1)
    ${RATE_LIMIT_UPSERT}`,
};

/** What a hit sends: the counter's key (the window length is part of it) and the window's start. */
export type RateLimitWindow = { counterKey: string; windowStart: Date; windowMs: number; now: number };

/**
 * The window of a hit at `now`. Windows are aligned to the epoch unless `startedAt` fixes the
 * start (a count that belongs to one thing, such as a code ticket, and must not restart on the
 * hour); the window length is part of the key, so one subject can have a per-minute and a
 * per-hour limit.
 */
export function rateLimitWindow(
  key: string,
  windowSeconds: number,
  now: Date = new Date(),
  startedAt?: Date,
): RateLimitWindow {
  if (key.includes("@")) throw new Error("rate-limit keys must not contain raw email addresses; use rateLimitKey");
  const at = now.getTime();
  const windowMs = windowSeconds * 1000;
  return {
    counterKey: `${key}:${windowSeconds}`,
    windowStart: startedAt ?? new Date(Math.floor(at / windowMs) * windowMs),
    windowMs,
    now: at,
  };
}

/** The outcome of a hit from the row its upsert returned. */
export function rateLimitResult(
  window: RateLimitWindow,
  limit: number,
  row: { count: number | string | null; windowStartMs: number | string | null } | undefined,
): RateLimitResult {
  const count = Number(row?.count ?? 1);
  const start = row?.windowStartMs != null ? Number(row.windowStartMs) : window.windowStart.getTime();
  const retryAfterSeconds = count > limit ? Math.max(1, Math.ceil((start + window.windowMs - window.now) / 1000)) : 0;
  return { allowed: count <= limit, count, retryAfterSeconds };
}

/**
 * Counts one hit against `key` in the current window of `windowSeconds` and says whether
 * it is within `limit`. A server whose clock lags counts into the newer window instead of
 * resetting it. Sent by the driver, not Prisma:
 * it runs before every filing (ADR 0022).
 */
export async function hitRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
  opts: { now?: Date; startedAt?: Date } = {},
): Promise<RateLimitResult> {
  const window = rateLimitWindow(key, windowSeconds, opts.now, opts.startedAt);
  const [row] = await sqlQuery<{ count: number; windowStartMs: number }>(HIT_SQL, [
    window.counterKey,
    window.windowStart.toISOString(),
  ]);
  return rateLimitResult(window, limit, row);
}

/** hitRateLimit that throws RateLimitError when over the limit. */
export async function assertRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
  opts: { now?: Date } = {},
): Promise<void> {
  const hit = await hitRateLimit(key, limit, windowSeconds, opts);
  if (!hit.allowed) throw new RateLimitError(hit.retryAfterSeconds);
}

/** Counters whose window ended more than a day ago (the longest window we use). */
export async function purgeStaleRateLimits(opts: { now?: Date; db?: Db } = {}): Promise<number> {
  const db = opts.db ?? prisma;
  const cutoff = new Date((opts.now ?? new Date()).getTime() - 2 * DAY_MS);
  const { count } = await db.rateLimit.deleteMany({ where: { windowStart: { lt: cutoff } } });
  return count;
}
