// On the embedded database (a developer's or evaluator's machine) Madoguchi makes its
// own secrets on first start and keeps them in .data/, so `npm start` needs no setup.
// A PostgreSQL deployment must set them explicitly; env validation then names them.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseTarget } from "./db-adapter";
import { envFileValue } from "./env-files";

type LocalSecrets = { MADOGUCHI_SECRET: string; FILE_ENCRYPTION_KEY: string };

/**
 * Whether a database server is configured, in the environment or in a .env file of `dir`.
 * The files count even when not loaded yet, so a script that forgot to load them still
 * never invents secrets for a deployment.
 */
export function databaseServerConfigured(env: NodeJS.ProcessEnv = process.env, dir: string = process.cwd()): boolean {
  return databaseTarget(env).kind === "postgres" || envFileValue("DATABASE_URL", dir, env) !== undefined;
}

/**
 * Fills MADOGUCHI_SECRET and FILE_ENCRYPTION_KEY from .data/secrets.json (made on first
 * use) when they are not configured, on the embedded database only. A configured value
 * is never replaced. With a database server this does nothing: a generated key would seal
 * files that no other server of the deployment could open, so validation stops the start
 * with the name of the missing variable instead.
 */
export function loadLocalSecrets(env: NodeJS.ProcessEnv = process.env, dir: string = process.cwd()): void {
  if (env.MADOGUCHI_SECRET && env.FILE_ENCRYPTION_KEY) return;
  if (databaseServerConfigured(env, dir)) return;
  const target = databaseTarget(env);
  if (target.kind !== "pglite" || target.dataDir.startsWith("memory://")) return;
  const file = path.join(path.dirname(target.dataDir), "secrets.json");
  let secrets: LocalSecrets;
  if (fs.existsSync(file)) {
    secrets = JSON.parse(fs.readFileSync(file, "utf8")) as LocalSecrets;
  } else {
    secrets = {
      MADOGUCHI_SECRET: crypto.randomBytes(32).toString("hex"),
      FILE_ENCRYPTION_KEY: crypto.randomBytes(32).toString("base64"),
    };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  env.MADOGUCHI_SECRET ||= secrets.MADOGUCHI_SECRET;
  env.FILE_ENCRYPTION_KEY ||= secrets.FILE_ENCRYPTION_KEY;
}
