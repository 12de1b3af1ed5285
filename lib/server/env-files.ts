// The .env files a project folder holds, read the way `next start` reads them (@next/env):
// .env.production.local, .env.local, .env.production, .env (development and test have
// their own names); a variable already in the environment always wins over a file.
// Every script loads them first, so `npm start`, `npm run admin:create`, the worker and
// the app server all see one configuration.
import fs from "node:fs";
import path from "node:path";
import { parseEnv } from "node:util";
import { loadEnvConfig } from "@next/env";

type Mode = "development" | "production" | "test";

function mode(env: NodeJS.ProcessEnv): Mode {
  return env.NODE_ENV === "test" ? "test" : env.NODE_ENV === "development" ? "development" : "production";
}

/** The files Next would load in this mode, most important first (Next's order). */
export function envFileNames(env: NodeJS.ProcessEnv = process.env): string[] {
  const m = mode(env);
  return [`.env.${m}.local`, ...(m === "test" ? [] : [".env.local"]), `.env.${m}`, ".env"];
}

/** Loads the project's .env files into process.env; variables already set are kept. */
export function loadEnvFiles(dir: string = process.cwd()): void {
  // Next prints the files it loads itself; the scripts stay quiet about it.
  loadEnvConfig(dir, mode(process.env) === "development", {
    info: () => {},
    error: (...args: unknown[]) => console.error(...args),
  });
}

/** The value a variable has in the project's .env files (first file that sets it), if any. */
export function envFileValue(
  name: string,
  dir: string = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  for (const file of envFileNames(env)) {
    // Read at run time from the project folder: the build must not trace the whole project for it.
    const p = path.join(/*turbopackIgnore: true*/ dir, file);
    if (!fs.existsSync(p)) continue;
    const value = parseEnv(fs.readFileSync(p, "utf8"))[name]?.trim();
    if (value) return value;
  }
  return undefined;
}
