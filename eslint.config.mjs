import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "lib/generated/**",
      "node_modules/**",
      ".data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    // The generated Prisma client is large and cannot take part in a cycle of ours: not parsing
    // it for import/no-cycle keeps that rule from dominating the lint time.
    settings: { "import/ignore": ["lib/generated/", "node_modules"] },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-non-null-assertion": "error",
      // Only our own modules can form a cycle; following imports into node_modules made this
      // one rule most of the lint time.
      "import/no-cycle": ["error", { ignoreExternal: true }],
      // Imports go one way: app → components → lib. The rules of the domain never
      // depend on pages or components (STYLE.md).
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./lib", from: "./app", message: "lib/ must not import app/" },
            { target: "./lib", from: "./components", message: "lib/ must not import components/" },
            {
              target: "./components",
              from: "./app",
              except: ["./actions.ts"],
              message: "components/ must not import app/ (except shared server actions)",
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ["tests/e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
