// Each Vitest worker gets its own database before any app module is imported:
// PGlite in memory by default, or a fresh PostgreSQL database when TEST_DATABASE_URL
// is set (CI sets it, so both engines run). Unit test files (vitest.config.ts) get none.
// Any console.error fails the test.
import crypto from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { afterEach, beforeAll, vi } from "vitest";

const worker = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? "0";

(process.env as Record<string, string>).NODE_ENV = "test";
process.env.MADOGUCHI_SECRET ??= crypto.randomBytes(32).toString("hex");
process.env.FILE_ENCRYPTION_KEY ??= crypto.randomBytes(32).toString("base64");
process.env.STORAGE_DIR = `.data/test-files-${worker}-${process.pid}`;
// Without SMTP_URL whole messages go to files: the tests keep theirs apart too.
process.env.MAIL_CAPTURE_DIR = `.data/test-mail-${worker}-${process.pid}`;
process.env.WORKER = "off";
delete process.env.SMTP_URL;
delete process.env.STRIPE_SECRET_KEY;
delete process.env.STRIPE_WEBHOOK_SECRET;

const noDatabase = process.env.MADOGUCHI_TEST_DATABASE === "none";
const testUrl = process.env.TEST_DATABASE_URL;
if (noDatabase) {
  // Nothing is migrated here: a unit test that reached the database would fail on a missing table.
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = `memory://madoguchi-unit-${worker}`;
} else if (testUrl) {
  const name = `madoguchi_test_${process.env.MADOGUCHI_TEST_RUN ?? "x"}_${worker}_${process.pid}`;
  const admin = new pg.Client({ connectionString: testUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(testUrl);
  u.pathname = `/${name}`;
  process.env.DATABASE_URL = u.toString();
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = `memory://madoguchi-${worker}`;
}

const template = process.env.MADOGUCHI_TEST_PGLITE_TEMPLATE;
if (!noDatabase && !testUrl && template) {
  // Opened from the run's migrated template (global-setup.ts); migrate() then finds nothing to do.
  const { pgliteFor } = await import("@/lib/server/db-adapter");
  pgliteFor(process.env.PGLITE_DIR as string, { loadDataDir: new Blob([fs.readFileSync(template)]) });
}
if (!noDatabase) {
  const { migrate } = await import("@/lib/server/migrate");
  await migrate();
}

let errors: unknown[][] = [];
beforeAll(() => {
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});
afterEach(() => {
  const seen = errors;
  errors = [];
  if (seen.length) throw new Error(`console.error was called: ${seen.map((a) => a.map(String).join(" ")).join("\n")}`);
});
