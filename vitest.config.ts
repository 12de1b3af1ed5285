import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    environment: "node",
    setupFiles: ["tests/setup/vitest-setup.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    pool: "forks",
    // Two cores: two workers, each with its own database. Each test file opens PGlite afresh,
    // and V8's optimising compiler spent more on its WebAssembly than it gave back in so short
    // a life: Liftoff only, as the server runs it (ADR 0025), took 20 files from 115-124 s to
    // 89-91 s (ADR 0026). It goes here, not on vitest's command line (that form hung the run).
    poolOptions: { forks: { maxForks: 2, minForks: 1, execArgv: ["--liftoff-only"] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
    projects: [
      // Unit tests never reach a database: their files skip opening and migrating one.
      {
        extends: true,
        // .tsx: component tests render the form kit's server HTML (error-summary-labels.test.tsx).
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.{ts,tsx}"],
          env: { MADOGUCHI_TEST_DATABASE: "none" },
        },
      },
      { extends: true, test: { name: "integration", include: ["tests/integration/**/*.test.ts"] } },
    ],
  },
});
