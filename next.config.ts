import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// Security headers (CSP with a per-request nonce, HSTS decided at start-up) are set by
// proxy.ts (lib/security/security-headers.ts) on pages; build assets only need nosniff,
// and API routes (outside the proxy) get fixed headers below.

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // Separate build folders let the e2e suite build without disturbing a running app.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Types are checked once, by `tsc --noEmit` in `npm test` (and CI), over the whole
  // project including tests; repeating it inside every build only costs time.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-tools",
    "@electric-sql/pglite-v03",
    "pglite-prisma-adapter",
    "@node-rs/argon2",
    "pg",
    "nodemailer",
    "pino",
    "prom-client",
    "@aws-sdk/client-s3",
    "@aws-sdk/lib-storage",
    "sharp",
  ],
  // The proxy reads request bodies up to this size (10 MB by default): as large as a server action may post.
  experimental: {
    authInterrupts: true,
    serverActions: { bodySizeLimit: "12mb" },
    proxyClientMaxBodySize: "12mb",
    // Turbopack keeps a cache of the build for the next one (on by default since 16.4): it makes
    // `npm start` after an edit quicker, but CI builds once in a fresh clone, where writing it cost 14 s.
    turbopackFileSystemCacheForBuild: process.env.CI !== "true",
  },
  async headers() {
    return [
      { source: "/_next/static/:path*", headers: [{ key: "X-Content-Type-Options", value: "nosniff" }] },
      {
        // API routes answer JSON, files and redirects, never HTML: nothing may run or be framed.
        source: "/api/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "no-referrer" },
          {
            key: "Content-Security-Policy",
            value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
          },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
