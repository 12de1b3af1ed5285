import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, serverNodeOptions } from "@/lib/server/env";
import { bareEnv, makeProjectCopy, setEnvLines } from "../helpers/project-copy";

const good: Record<string, string> = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres",
  MADOGUCHI_SECRET: "x".repeat(40),
  FILE_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
};

function problems(env: Record<string, string | undefined>): string[] {
  try {
    parseEnv(env as NodeJS.ProcessEnv);
    return [];
  } catch (e) {
    if (e instanceof EnvError) return e.problems;
    throw e;
  }
}

describe("configuration", () => {
  it("accepts a complete configuration and fills defaults", () => {
    const env = parseEnv({ ...good } as NodeJS.ProcessEnv);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.SESSION_MAX_AGE_MINUTES).toBe(480);
    expect(serverNodeOptions(env)).toEqual(["--max-old-space-size=512", "--max-semi-space-size=4", "--liftoff-only"]);
    const bigger: Record<string, string> = { ...good, SERVER_HEAP_MB: "1024" };
    expect(serverNodeOptions(parseEnv(bigger as NodeJS.ProcessEnv))).toEqual([
      "--max-old-space-size=1024",
      "--max-semi-space-size=4",
      "--liftoff-only",
    ]);
  });

  it("`npm start` runs the compiled start with the server's default options, so it serves in that process", () => {
    // Options that differ make scripts/start.ts spawn a second server beside itself (ADR 0018).
    const start = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: { start: string } }).scripts.start;
    const server = start.split("&&").at(-1)?.trim().split(/\s+/) ?? [];
    const defaults = serverNodeOptions(parseEnv({ ...good } as NodeJS.ProcessEnv));
    expect(server).toEqual(["node", ...defaults, ".next-scripts/start.cjs"]);
    // Each option is one Node accepts (an unknown one stops Node before anything runs).
    const r = spawnSync(process.execPath, [...defaults, "-e", "0"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it.each([
    [{ MADOGUCHI_SECRET: undefined }, "MADOGUCHI_SECRET is required but not set"],
    [{ MADOGUCHI_SECRET: "short" }, "MADOGUCHI_SECRET must be at least 32 characters"],
    [{ FILE_ENCRYPTION_KEY: "abc" }, "FILE_ENCRYPTION_KEY must be 32 bytes in base64"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL must start with postgres://"],
    [{ SMTP_URL: "http://mail" }, "SMTP_URL must start with smtp://"],
    [{ APP_URL: "localhost" }, "APP_URL must be an absolute URL"],
    [{ PORT: "http" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [
      { DATABASE_URL: good.DATABASE_URL, MADOGUCHI_SECRET: undefined },
      "MADOGUCHI_SECRET is required but not set: with DATABASE_URL it must be configured, in .env or the environment (openssl rand -hex 32)",
    ],
    [
      { DATABASE_URL: good.DATABASE_URL, FILE_ENCRYPTION_KEY: undefined },
      "FILE_ENCRYPTION_KEY is required but not set: with DATABASE_URL it must be configured, in .env or the environment (openssl rand -base64 32)",
    ],
    [{ STRIPE_SECRET_KEY: "sk_test_1" }, "STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET must be set together"],
    [{ SESSION_MAX_AGE_MINUTES: "abc" }, "SESSION_MAX_AGE_MINUTES"],
    [{ SERVER_HEAP_MB: "64" }, "SERVER_HEAP_MB"],
    [{ STORAGE: "s3" }, "S3_BUCKET is required when STORAGE=s3"],
    [{ STORAGE: "ftp" }, "STORAGE"],
    [
      { STORAGE: "s3", S3_BUCKET: "b", S3_ACCESS_KEY_ID: "k" },
      "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together",
    ],
    [{ STORAGE: "s3", S3_BUCKET: "b", S3_ENDPOINT: "minio:9000" }, "S3_ENDPOINT must start with http://"],
    [{ METRICS_TOKEN: "short" }, "METRICS_TOKEN must be at least 16 characters"],
  ])("names the variable: %o", (change, message) => {
    expect(problems({ ...good, ...change }).join("\n")).toContain(message);
  });

  it.each([
    ["PORT unset: the default port", {}, "http://localhost:3000"],
    ["PORT=3999, APP_URL unset: the port actually served", { PORT: "3999" }, "http://localhost:3999"],
    ["an empty APP_URL (as a copied .env leaves it) is unset", { PORT: "3999", APP_URL: "" }, "http://localhost:3999"],
    [
      "a configured APP_URL wins, without its trailing slash",
      { PORT: "3999", APP_URL: "https://privacy.example.jp/" },
      "https://privacy.example.jp",
    ],
  ])("APP_URL: %s", (_case, change, expected) => {
    expect(parseEnv({ ...good, ...change } as NodeJS.ProcessEnv).APP_URL).toBe(expected);
  });

  it("with DATABASE_URL only in .env, `npm start` names the missing secrets and generates none", () => {
    const copy = makeProjectCopy();
    try {
      fs.copyFileSync(path.join(copy.dir, ".env.example"), path.join(copy.dir, ".env"));
      // Unreachable on purpose: validation must stop the start before any connection.
      setEnvLines(path.join(copy.dir, ".env"), { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" });
      const r = spawnSync("npm", ["start", "--silent"], {
        cwd: copy.dir,
        env: bareEnv(),
        encoding: "utf8",
        timeout: 110_000,
      });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain("MADOGUCHI_SECRET is required but not set: with DATABASE_URL");
      expect(r.stderr).toContain("FILE_ENCRYPTION_KEY is required but not set: with DATABASE_URL");
      expect(fs.existsSync(path.join(copy.dir, ".data"))).toBe(false);
    } finally {
      copy.remove();
    }
    // npm, tsx and the project's modules start cold: seconds, or a minute on a loaded machine.
  }, 120_000);

  it("stops `npm start` before anything else with a message that names the variable", () => {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      DATABASE_URL: good.DATABASE_URL,
      FILE_ENCRYPTION_KEY: "not-base64-key",
    };
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env,
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("MADOGUCHI_SECRET is required but not set");
    expect(r.stderr).toContain("FILE_ENCRYPTION_KEY must be 32 bytes in base64");
  }, 120_000);
});
