import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { embeddedProductionRefusal } from "@/lib/server/embedded-guard";

// Production on the embedded database (keys next to the data) needs an explicit yes;
// a fresh clone's `npm start` (no NODE_ENV, no .env) never meets the guard.

const dirs: string[] = [];
function project(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "madoguchi-guard-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("embedded database in production", () => {
  it("a fresh clone (no NODE_ENV, no .env) starts", () => {
    expect(embeddedProductionRefusal({}, project())).toBeNull();
    expect(embeddedProductionRefusal({ NODE_ENV: "development" }, project())).toBeNull();
  });

  it("NODE_ENV=production without DATABASE_URL is refused, from the environment or a .env file", () => {
    expect(embeddedProductionRefusal({ NODE_ENV: "production" }, project())).toMatch(
      /MADOGUCHI_ALLOW_EMBEDDED_IN_PRODUCTION=1/,
    );
    expect(embeddedProductionRefusal({}, project({ ".env": "NODE_ENV=production\n" }))).toMatch(/DATABASE_URL is not/);
  });

  it("a database server, or the explicit opt-in, lets production start", () => {
    expect(
      embeddedProductionRefusal({ NODE_ENV: "production", DATABASE_URL: "postgresql://db/app" }, project()),
    ).toBeNull();
    expect(
      embeddedProductionRefusal({ NODE_ENV: "production" }, project({ ".env": "DATABASE_URL=postgresql://db/app\n" })),
    ).toBeNull();
    expect(
      embeddedProductionRefusal({ NODE_ENV: "production", MADOGUCHI_ALLOW_EMBEDDED_IN_PRODUCTION: "1" }, project()),
    ).toBeNull();
    expect(
      embeddedProductionRefusal(
        {},
        project({ ".env": "NODE_ENV=production\nMADOGUCHI_ALLOW_EMBEDDED_IN_PRODUCTION=1\n" }),
      ),
    ).toBeNull();
    expect(
      embeddedProductionRefusal({ NODE_ENV: "production", MADOGUCHI_ALLOW_EMBEDDED_IN_PRODUCTION: "0" }, project()),
    ).not.toBeNull();
  });

  it("`npm start` stops before creating anything", () => {
    const pgliteDir = path.join(project(), "pglite");
    const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production", PGLITE_DIR: pgliteDir },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("MADOGUCHI_ALLOW_EMBEDDED_IN_PRODUCTION=1");
    expect(fs.existsSync(pgliteDir)).toBe(false);
    expect(fs.existsSync(path.join(path.dirname(pgliteDir), "secrets.json"))).toBe(false);
  }, 120_000);
});
