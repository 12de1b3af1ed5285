// Shared by the e2e server and the test process, so both use one database, one SMTP
// capture file and the same secrets (the fixtures write sessions the server accepts).
import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT || 3300);
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT || 2526);
export const E2E_STRIPE_PORT = Number(process.env.E2E_STRIPE_PORT || 12111);
// The app reaches PostgreSQL through a proxy the fault tests can break (tests/helpers/tcp-proxy.ts).
export const E2E_DB_PROXY_PORT = E2E_PORT + 1000;
export const E2E_DB_PROXY_CONTROL_PORT = E2E_PORT + 1001;
const adminUrl =
  process.env.E2E_DATABASE_URL || process.env.TEST_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
const dbUrl = new URL(adminUrl);
// Names can be overridden so several suites (e.g. two engineers' runs) do not collide.
export const E2E_DB_NAME = process.env.E2E_DB_NAME || "madoguchi_e2e";
dbUrl.pathname = `/${E2E_DB_NAME}`;

export const E2E_ADMIN_DATABASE_URL = adminUrl;
/** Direct, for the test process and for set-up; the app itself goes through the proxy. */
export const E2E_DIRECT_DATABASE_URL = dbUrl.toString();
const proxiedUrl = new URL(dbUrl.toString());
proxiedUrl.hostname = "127.0.0.1";
proxiedUrl.port = String(E2E_DB_PROXY_PORT);
export const E2E_DB_TARGET = {
  host: new URL(adminUrl).hostname || "127.0.0.1",
  port: Number(new URL(adminUrl).port || 5432),
};
/**
 * E2E_APP_URL=unset runs the suite's server without APP_URL, as `PORT=… npm start` with no
 * .env does: links in mail and redirects then follow the port served
 * (`E2E_APP_URL=unset npx playwright test tests/e2e/portal-wizard.spec.ts`).
 */
export const E2E_APP_URL_UNSET = process.env.E2E_APP_URL === "unset";
/** Where the suite's server answers, with or without APP_URL. */
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_MAIL_FILE = path.resolve("test-results", `${E2E_DB_NAME}-mail.jsonl`);

export const e2eEnv: Record<string, string> = {
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next-e2e",
  DATABASE_URL: proxiedUrl.toString(),
  ...(E2E_APP_URL_UNSET ? {} : { APP_URL: E2E_BASE_URL }),
  MADOGUCHI_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  FILE_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  STORAGE_DIR: path.resolve(".data", `${E2E_DB_NAME}-files`),
  SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
  MAIL_FROM: "Madoguchi <privacy@madoguchi.example>",
  WORKER: "inline",
  WORKER_INTERVAL_MS: "250",
  PORT: String(E2E_PORT),
  // The suite is the only client and stands in for a proxy on this machine: specs send
  // X-Forwarded-For to act as many clients (load.spec.ts, security/sign-in-throttle.spec.ts).
  TRUSTED_PROXIES: "loopback",
  // One JSON line per request would drown the test output; warnings and errors still show.
  LOG_LEVEL: "warn",
  // Stripe is on, against the local fake the e2e server starts (fake-stripe-server.ts).
  STRIPE_SECRET_KEY: "sk_test_e2e_madoguchi",
  STRIPE_WEBHOOK_SECRET: "whsec_e2e_madoguchi",
  STRIPE_API_BASE: `http://127.0.0.1:${E2E_STRIPE_PORT}`,
};
