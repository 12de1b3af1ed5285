import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    environment: "node",
    setupFiles: ["tests/setup/vitest-setup.ts"],
    globalSetup: ["tests/setup/global-setup.ts"],
    pool: "forks",
    // Two cores: two workers, each with its own database.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
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
