import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadLocalSecrets } from "@/lib/server/local-secrets";
import { envFileValue } from "@/lib/server/env-files";

// Secrets are made up only for the embedded database; a configured database server (in
// the environment or in any .env file Next reads) means a deployment, whose secrets are
// its own configuration and are never replaced.

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function project(files: Record<string, string> = {}): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-secrets-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return { dir, env: { NODE_ENV: "production", PGLITE_DIR: path.join(dir, ".data", "pglite") } };
}

const SERVER = "postgresql://postgres@127.0.0.1:5432/madoguchi";

describe("local secrets", () => {
  it("are made once on the embedded database and kept in .data/secrets.json", () => {
    const { dir, env } = project();
    loadLocalSecrets(env, dir);
    expect(env.MADOGUCHI_SECRET).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(env.FILE_ENCRYPTION_KEY ?? "", "base64")).toHaveLength(32);
    const again: NodeJS.ProcessEnv = { NODE_ENV: "production", PGLITE_DIR: env.PGLITE_DIR };
    loadLocalSecrets(again, dir);
    expect([again.MADOGUCHI_SECRET, again.FILE_ENCRYPTION_KEY]).toEqual([
      env.MADOGUCHI_SECRET,
      env.FILE_ENCRYPTION_KEY,
    ]);
    expect(fs.existsSync(path.join(dir, ".data", "secrets.json"))).toBe(true);
  });

  it("never replace a configured one", () => {
    const { dir, env } = project();
    env.MADOGUCHI_SECRET = "configured-".repeat(4);
    loadLocalSecrets(env, dir);
    expect(env.MADOGUCHI_SECRET).toBe("configured-".repeat(4));
    expect(Buffer.from(env.FILE_ENCRYPTION_KEY ?? "", "base64")).toHaveLength(32);
  });

  it.each([
    ["the environment", {}, { DATABASE_URL: SERVER }],
    [".env", { ".env": `DATABASE_URL=${SERVER}\n` }, {}],
    [".env.local", { ".env.local": `# the server\nDATABASE_URL="${SERVER}"\n` }, {}],
    [".env.production", { ".env.production": `DATABASE_URL=${SERVER}\n` }, {}],
  ])("are never made with DATABASE_URL in %s, and nothing lands in .data", (_where, files, vars) => {
    const { dir, env } = project(files);
    Object.assign(env, vars);
    loadLocalSecrets(env, dir);
    expect(env.MADOGUCHI_SECRET).toBeUndefined();
    expect(env.FILE_ENCRYPTION_KEY).toBeUndefined();
    expect(fs.existsSync(path.join(dir, ".data"))).toBe(false);
  });

  it("an empty DATABASE_URL in .env is no server, and .env.development is not read by npm start", () => {
    const { dir, env } = project({ ".env": "DATABASE_URL=\n", ".env.development": `DATABASE_URL=${SERVER}\n` });
    expect(envFileValue("DATABASE_URL", dir, env)).toBeUndefined();
    loadLocalSecrets(env, dir);
    expect(env.MADOGUCHI_SECRET).toMatch(/^[0-9a-f]{64}$/);
  });
});
