import { defineConfig, devices } from "@playwright/test";
import { e2eEnv, E2E_DIRECT_DATABASE_URL, E2E_PORT } from "./tests/e2e/e2e-env";
import { CHROMIUM_ARGS, TEST_BROWSER_PATH } from "./tests/helpers/chromium";

// The fixtures open the same database as the server under test.
Object.assign(process.env, e2eEnv);
// The test process talks to the database directly; only the app goes through the fault proxy.
const appDatabaseUrl = e2eEnv.DATABASE_URL;
process.env.DATABASE_URL = E2E_DIRECT_DATABASE_URL;

// A separate run (E2E_DB_NAME set) keeps its own artifacts and report.
const runTag = process.env.E2E_DB_NAME ? `-${process.env.E2E_DB_NAME}` : "";

export default defineConfig({
  // The journeys (tests/e2e) and the outside attacks of issue 15 (tests/security).
  testDir: "tests",
  testMatch: ["e2e/**/*.spec.ts", "security/**/*.spec.ts"],
  // Its own folder: Playwright empties outputDir at start, and test-results/ holds the other runners' reports.
  outputDir: `test-results/e2e-artifacts${runTag}`,
  // One worker: the machine has two cores and the server needs one.
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: `test-results/playwright${runTag}.json` }]],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: TEST_BROWSER_PATH, args: CHROMIUM_ARGS },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "npx tsx tests/e2e/e2e-server.ts",
    env: { DATABASE_URL: appDatabaseUrl ?? "" },
    url: `http://localhost:${E2E_PORT}/`,
    timeout: 10 * 60_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
