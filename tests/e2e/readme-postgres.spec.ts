import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { test, expect } from "./fixtures";
import { e2eEnv, E2E_ADMIN_DATABASE_URL, E2E_DB_NAME, E2E_PORT } from "./e2e-env";
import { chooseRequester, chooseType, fillSubject, hanako, next, stepUrl, upload } from "./portal-steps";
import { uniqueEmail } from "./portal-helpers";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { CHUNKED_PREFIX, openingStream } from "@/lib/files/sealed-stream";
import { bareEnv, makeProjectCopy, setEnvLines, type ProjectCopy } from "../helpers/project-copy";

// [setup] The README's "Running on PostgreSQL", literally: a fresh copy of the project,
// `cp .env.example .env` with the values set there and nothing exported, `npm start`,
// `npm run admin:create`. The copy serves the build this suite already made (no second
// build), on a database of its own.

const PORT = E2E_PORT + 3;
const BASE = `http://localhost:${PORT}`;
const DB_NAME = `${E2E_DB_NAME}_readme`;
const databaseUrl = (() => {
  const u = new URL(E2E_ADMIN_DATABASE_URL);
  u.pathname = `/${DB_NAME}`;
  return u.toString();
})();
const KEY = crypto.randomBytes(32);

async function sql<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Output of a process, for the failure message. */
function capture(child: ChildProcess): () => string {
  let out = "";
  child.stdout?.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (out += c.toString()));
  return () => out;
}

async function serving(child: ChildProcess, log: () => string): Promise<number> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${log()}`);
    const status = await fetch(`${BASE}/`).then(
      (r) => r.status,
      () => 0,
    );
    if (status) return status;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`npm start did not serve within 5 minutes:\n${log()}`);
}

/** Its own process group, so the server `npm start` spawned ends with it. */
function stop(child: ChildProcess | undefined): void {
  if (child?.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
}

let copy: ProjectCopy | undefined;
let server: ChildProcess | undefined;

test.beforeAll(async () => {
  await sql(E2E_ADMIN_DATABASE_URL, `DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await sql(E2E_ADMIN_DATABASE_URL, `CREATE DATABASE "${DB_NAME}"`);
});

test.afterAll(async () => {
  stop(server);
  await new Promise((r) => setTimeout(r, 500));
  copy?.remove();
  await sql(E2E_ADMIN_DATABASE_URL, `DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
});

test("[setup] a fresh copy with only a .env on PostgreSQL: npm start migrates it and serves, admin:create, worker and audit:verify use it, files are sealed with the configured key", async ({
  browser,
}) => {
  test.setTimeout(8 * 60_000);
  copy = makeProjectCopy({ build: e2eEnv.NEXT_DIST_DIR ?? ".next-e2e" });
  const cwd = copy.dir;
  fs.copyFileSync(path.join(cwd, ".env.example"), path.join(cwd, ".env"));
  const secret = crypto.randomBytes(32).toString("hex");
  setEnvLines(path.join(cwd, ".env"), {
    DATABASE_URL: databaseUrl,
    MADOGUCHI_SECRET: secret,
    FILE_ENCRYPTION_KEY: KEY.toString("base64"),
    APP_URL: BASE,
    PORT: String(PORT),
  });

  // npm start: migrates that database (not an embedded one) and serves.
  server = spawn("npm", ["start"], { cwd, env: bareEnv(), detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const log = capture(server);
  expect(await serving(server, log)).toBe(200);
  const migrations = fs
    .readdirSync(path.join(cwd, "prisma", "migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory()).length;
  expect(
    (
      await sql<{ n: number }>(
        databaseUrl,
        `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
      )
    )[0]?.n,
  ).toBe(migrations);
  // A server deployment starts without demo data.
  expect(await sql(databaseUrl, `SELECT 1 FROM "StaffUser"`)).toHaveLength(0);
  expect((await fetch(`${BASE}/console/sign-in`)).status).toBe(200);

  // npm run admin:create, its questions answered on stdin, creates the admin there.
  const created = spawnSync("npm", ["run", "--silent", "admin:create"], {
    cwd,
    env: bareEnv(),
    encoding: "utf8",
    timeout: 120_000,
    input: "readme-admin@copy.example\nREADME Admin\ncorrect-horse-battery\ncorrect-horse-battery\n",
  });
  expect(created.stdout, created.stderr).toContain("Admin created.");
  expect(created.status).toBe(0);
  expect(
    await sql(databaseUrl, `SELECT role FROM "StaffUser" WHERE email = $1`, ["readme-admin@copy.example"]),
  ).toEqual([{ role: "ADMIN" }]);

  // The app server seals an upload with FILE_ENCRYPTION_KEY from .env.
  const context = await browser.newContext({ baseURL: BASE, locale: "ja-JP" });
  const page = await context.newPage();
  await chooseType(page, "ja", "DISCLOSURE");
  await chooseRequester(page, "ja", "SELF");
  await fillSubject(page, "ja", hanako(uniqueEmail("readme")));
  await page.locator("#f-categories-1").check();
  await page.locator("#f-deliveryMethod-ELECTRONIC").check();
  await next(page, "ja");
  await expect(page).toHaveURL(stepUrl("documents"));
  await upload(page, "ja", "PASSPORT", "passport.png");
  await context.close();
  const files = await sql<{ role: string; storageKey: string; iv: string; authTag: string; sha256: string }>(
    databaseUrl,
    `SELECT role, "storageKey", iv, "authTag", sha256 FROM "StoredFile"`,
  );
  expect(files.filter((f) => f.role === "IDENTITY_DOCUMENT")).toHaveLength(1);
  // Every file on disk opens with the configured key, and only with it.
  for (const file of files) {
    const ciphertext = fs.readFileSync(path.join(cwd, ".data", "files", file.storageKey.slice(0, 2), file.storageKey));
    expect(file.iv.startsWith(CHUNKED_PREFIX)).toBe(true);
    const plain = await openSealed(ciphertext, file.iv, KEY);
    expect(crypto.createHash("sha256").update(plain).digest("hex")).toBe(file.sha256);
    await expect(openSealed(ciphertext, file.iv, crypto.randomBytes(32))).rejects.toThrow(/unable to authenticate/);
  }

  // audit:verify and the worker read the same .env.
  const verified = spawnSync("npm", ["run", "--silent", "audit:verify"], {
    cwd,
    env: bareEnv(),
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(verified.stdout, verified.stderr).toMatch(/Audit chain intact: [1-9]\d* entries verified/);
  const worker = spawn("npm", ["run", "--silent", "worker"], {
    cwd,
    env: bareEnv(),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const workerLog = capture(worker);
  try {
    // The worker logs JSON lines (pino); its start line says it is running.
    await expect.poll(workerLog, { timeout: 120_000 }).toMatch(/"msg":"worker running"/);
  } finally {
    stop(worker);
  }

  // Nothing embedded, nothing generated: .data holds only the sealed files.
  expect(fs.readdirSync(path.join(cwd, ".data"))).toEqual(["files"]);
});

/** Opens a file stored in the chunked format with the given key (fails on any other key). */
function openSealed(ciphertext: Buffer, iv: string, key: Buffer): Promise<Buffer> {
  const salt = Buffer.from(iv.slice(CHUNKED_PREFIX.length), "base64");
  return buffer(Readable.from([ciphertext]).pipe(openingStream(key, salt)));
}
