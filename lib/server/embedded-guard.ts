import { envFileValue } from "./env-files";
import { databaseServerConfigured } from "./local-secrets";

// The embedded database (PGlite under .data/) is for trying Madoguchi on one machine: its
// generated keys sit in the same folder as the data, so one copied folder (a backup, a
// stolen disk) holds both. An operator who declares production (NODE_ENV=production in the
// environment or a .env file) without a DATABASE_URL is stopped, unless they opt in
// explicitly. `npm start` on a fresh clone sets no NODE_ENV and is not affected.

export const ALLOW_EMBEDDED = "MADOGUCHI_ALLOW_EMBEDDED_IN_PRODUCTION";

type Environment = Record<string, string | undefined>;

function setting(name: string, env: Environment, dir: string): string | undefined {
  return env[name]?.trim() || envFileValue(name, dir, env as NodeJS.ProcessEnv);
}

/** Why this start must stop, or null. Reads the operator's own NODE_ENV (before any script defaults it). */
export function embeddedProductionRefusal(env: Environment = process.env, dir: string = process.cwd()): string | null {
  if (setting("NODE_ENV", env, dir) !== "production") return null;
  if (databaseServerConfigured(env as NodeJS.ProcessEnv, dir)) return null;
  const allowed = setting(ALLOW_EMBEDDED, env, dir);
  if (allowed === "1" || allowed === "true") return null;
  return [
    "NODE_ENV=production is set but DATABASE_URL is not: Madoguchi would run on the embedded database and keep",
    "its generated keys (.data/secrets.json) in the same folder as the data.",
    "Set DATABASE_URL (PostgreSQL) with MADOGUCHI_SECRET and FILE_ENCRYPTION_KEY kept elsewhere (docs/deploy.md),",
    `or, to run on the embedded database anyway, set ${ALLOW_EMBEDDED}=1.`,
  ].join("\n");
}
