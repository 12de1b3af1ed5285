// Every environment variable Madoguchi reads, validated once at start-up (see
// instrumentation.ts and scripts/start.ts). A bad value stops the process with a
// message that names the variable; nothing reads process.env elsewhere for these.
// Scripts load the .env files before this runs (scripts/load-env-files.ts); the app
// server has them from Next.
import net from "node:net";
import { z } from "zod";
import { loadLocalSecrets } from "./local-secrets";

const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .refine((v) => v === undefined || protocols.some((p) => v.startsWith(p)), {
      message: `must start with ${protocols.join(" or ")}`,
    });

const emptyIsUnset = (v: unknown) => (v === "" ? undefined : v);

const base64Key = z
  .string()
  .trim()
  .refine((v) => Buffer.from(v, "base64").length === 32, {
    message: "must be 32 bytes in base64 (openssl rand -base64 32)",
  });

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optionalUrl(["postgres://", "postgresql://"]),
    PGLITE_DIR: z.string().optional(),
    /** The port the app server listens on (`npm start`, `next start`). */
    PORT: z.preprocess(emptyIsUnset, z.coerce.number().int().min(1).max(65535).default(3000)),
    /** Public base URL; unset, the address served on this machine (see withDerivedAppUrl). */
    APP_URL: z.preprocess(
      emptyIsUnset,
      z.url({ message: "must be an absolute URL such as https://privacy.example.jp" }).optional(),
    ),
    MADOGUCHI_SECRET: z.string().min(32, { message: "must be at least 32 characters (openssl rand -hex 32)" }),
    FILE_ENCRYPTION_KEY: base64Key,
    STORAGE_DIR: z.string().default(".data/files"),
    /** Where sealed files live: `disk` (STORAGE_DIR, one server) or `s3` (a bucket several servers share). */
    STORAGE: z.enum(["disk", "s3"]).default("disk"),
    S3_ENDPOINT: optionalUrl(["http://", "https://"]),
    S3_BUCKET: z.string().trim().optional(),
    S3_REGION: z.string().trim().default("us-east-1"),
    S3_ACCESS_KEY_ID: z.string().trim().optional(),
    S3_SECRET_ACCESS_KEY: z.string().trim().optional(),
    /** MinIO, s3rver and most self-hosted servers need bucket-in-path URLs. */
    S3_FORCE_PATH_STYLE: z
      .enum(["0", "1", "true", "false"])
      .default("0")
      .transform((v) => v === "1" || v === "true"),
    /** pino level for the JSON logs on stdout. */
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /**
     * Reverse proxies whose X-Forwarded-For is believed (lib/server/client-key.ts): addresses
     * or CIDR ranges, comma-separated, and the words `loopback` and `private`. Unset, none is:
     * the client is the socket's peer and a forwarded header is ignored (docs/deploy.md).
     */
    TRUSTED_PROXIES: z.preprocess(
      emptyIsUnset,
      z
        .string()
        .trim()
        .refine((v) => v.split(",").every((p) => isProxyEntry(p.trim())), {
          message: "must list addresses or CIDR ranges (e.g. 10.0.0.0/8,::1), or loopback / private",
        })
        .optional(),
    ),
    /** Bearer token for /api/metrics; without it the metrics answer only to the local machine. */
    METRICS_TOKEN: z.string().trim().min(16, { message: "must be at least 16 characters" }).optional(),
    SMTP_URL: optionalUrl(["smtp://", "smtps://"]),
    MAIL_FROM: z.string().default("Madoguchi <privacy@example.jp>"),
    /** Without SMTP_URL, whole messages are written here (one machine, trying it out). */
    MAIL_CAPTURE_DIR: z.string().default(".data/mail"),
    STRIPE_SECRET_KEY: z.string().startsWith("sk_", { message: "must start with sk_" }).optional(),
    STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_", { message: "must start with whsec_" }).optional(),
    STRIPE_API_BASE: optionalUrl(["http://", "https://"]),
    WORKER: z.enum(["inline", "off"]).default("inline"),
    /** NODE_ENV=production without DATABASE_URL is refused unless this is 1 (lib/server/embedded-guard.ts). */
    MADOGUCHI_ALLOW_EMBEDDED_IN_PRODUCTION: z.enum(["0", "1", "true", "false"]).optional(),
    SEED_DEMO: z.enum(["0", "1"]).optional(),
    /** `npm run bench` only: enables the bare comparison routes and lifts per-client limits. Never in production. */
    MADOGUCHI_BENCH: z.enum(["0", "1"]).default("0"),
    SESSION_MAX_AGE_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(480),
    /** V8 old-space limit of the app server in MB (see serverNodeOptions). */
    SERVER_HEAP_MB: z.coerce.number().int().min(192).max(16_384).default(512),
  })
  .refine((e) => e.STORAGE !== "s3" || Boolean(e.S3_BUCKET), {
    message: "is required when STORAGE=s3",
    path: ["S3_BUCKET"],
  })
  .refine((e) => Boolean(e.S3_ACCESS_KEY_ID) === Boolean(e.S3_SECRET_ACCESS_KEY), {
    message: "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together",
    path: ["S3_SECRET_ACCESS_KEY"],
  })
  .refine((e) => Boolean(e.STRIPE_SECRET_KEY) === Boolean(e.STRIPE_WEBHOOK_SECRET), {
    message: "STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET must be set together",
    path: ["STRIPE_WEBHOOK_SECRET"],
  })
  .transform(withDerivedAppUrl);

/**
 * Links in mail and redirects need the address people use. Without APP_URL that is this
 * machine on the port actually served: `PORT=3999 npm start` links to :3999, not :3000.
 * Stored without a trailing slash, so `${APP_URL}/status` is always one slash.
 */
function withDerivedAppUrl<T extends { PORT: number; APP_URL?: string }>(e: T): T & { APP_URL: string } {
  return { ...e, APP_URL: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "") };
}

/** How to make each secret; named when one is missing. */
const SECRET_HINTS: Record<string, string> = {
  MADOGUCHI_SECRET: "openssl rand -hex 32",
  FILE_ENCRYPTION_KEY: "openssl rand -base64 32",
};

/** One TRUSTED_PROXIES entry: an IPv4/IPv6 address, a CIDR range, or a named group. */
function isProxyEntry(entry: string): boolean {
  if (entry === "loopback" || entry === "private") return true;
  const [address, bits, extra] = entry.split("/");
  if (extra !== undefined || !address) return false;
  const family = net.isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n <= (family === 4 ? 32 : 128);
}

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "environment";
    const missing = issue.code === "invalid_type" && source[name] === undefined;
    if (!missing) return `${name} ${issue.message}`;
    // With a database server the secrets are never generated: say where they go.
    const hint = SECRET_HINTS[name];
    if (hint && source.DATABASE_URL)
      return `${name} is required but not set: with DATABASE_URL it must be configured, in .env or the environment (${hint})`;
    return `${name} is required but not set`;
  });
  throw new EnvError(problems);
}

let cached: Env | undefined;

export function env(): Env {
  if (!cached) loadLocalSecrets();
  cached ??= parseEnv();
  return cached;
}

/**
 * Node options for the app server process (`npm start`, and the benchmark, which measures
 * what production runs). Without a limit V8 sizes its heap by the machine's memory (up to
 * ~4 GB on 24 GB) and lets garbage pile up: a burst of submissions took the server from
 * 250 to 430 MB. With 512 MB as the limit the same burst peaks near 320 MB at the same
 * throughput; the largest job in memory, a 100,000-row CSV export, needs ~150 MB of heap.
 * The young generation is capped at 4 MB per semi-space (Node 20 defaults to up to 16 MB): on the
 * embedded default it took the whole `npm start` tree from 443 to 413 MB idle and from 529 to
 * 475 MB at the submission peak, with no CPU cost per filing the bench could tell from its
 * noise (ADR 0023). WebAssembly (the embedded database) runs on V8's baseline compiler only:
 * the optimizing compiler's code and compilation memory for PGlite's hot functions took the
 * server from ~300 to ~380 MB during a burst of submissions, and the filings' CPU did not get
 * measurably worse without them (ADR 0025). package.json's "start" passes the same options,
 * so that `npm start` is the server itself instead of spawning one.
 */
export function serverNodeOptions(e: Pick<Env, "SERVER_HEAP_MB"> = parseEnv()): string[] {
  return [`--max-old-space-size=${e.SERVER_HEAP_MB}`, "--max-semi-space-size=4", "--liftoff-only"];
}
