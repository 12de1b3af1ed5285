import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // same-origin, not no-referrer: with no-referrer a browser without JavaScript posts forms
  // with Origin: null and Next refuses the server action. URLs never hold personal data, and
  // the one link that carries a token (/status/t/…) sends no-referrer itself.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  {
    key: "Content-Security-Policy",
    value: [
      "default-src 'self'",
      // Next injects inline bootstrap scripts; a nonce setup would make every page dynamic.
      "script-src 'self' 'unsafe-inline'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      "connect-src 'self'",
      "frame-ancestors 'none'",
      // Pay now redirects a posted form to Checkout. STRIPE_API_BASE is set only for a local
      // stand-in (the e2e suite's fake serves its own Checkout page), which is then allowed too.
      `form-action 'self' https://checkout.stripe.com${process.env.STRIPE_API_BASE ? ` ${new URL(process.env.STRIPE_API_BASE).origin}` : ""}`,
      "base-uri 'self'",
      "object-src 'none'",
    ].join("; "),
  },
  ...(process.env.NODE_ENV === "production" && process.env.APP_URL?.startsWith("https://")
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

// Requester files shown inside the console (app/console/(staff)/requests/[id]/file-response.ts):
// framed by our own pages only and sandboxed. A PDF asked for with ?pdf is not sandboxed,
// because Chrome will not run its PDF viewer under a CSP sandbox (crbug 413851); the route
// serves only content-checked PDFs that way. Listed after the site-wide headers, so these win.
const consoleFileRoutes = ["/console/requests/:id/documents/:documentId", "/console/requests/:id/files/:fileId", "/console/requests/:id/notice-preview"];
const pdfViewerCsp = "frame-ancestors 'self'; base-uri 'none'; form-action 'none'";
const consoleFileHeaders = consoleFileRoutes.flatMap((source) => [
  {
    source,
    headers: [
      { key: "X-Frame-Options", value: "SAMEORIGIN" },
      { key: "Content-Security-Policy", value: "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox" },
      { key: "Cache-Control", value: "no-store, private" },
    ],
  },
  { source, has: [{ type: "query" as const, key: "pdf" }], headers: [{ key: "Content-Security-Policy", value: pdfViewerCsp }] },
]);

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // Separate build folders let the e2e suite build without disturbing a running app.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Types are checked once, by `tsc --noEmit` in `npm test` (and CI), over the whole
  // project including tests; repeating it inside every build only costs time.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pg", "nodemailer", "pino", "prom-client", "@aws-sdk/client-s3", "@aws-sdk/lib-storage"],
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "12mb" } },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      ...consoleFileHeaders,
      // The status link carries a bearer token in its path: it is never sent on as a Referer.
      { source: "/status/t/:token", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ];
  },
};

export default withNextIntl(nextConfig);
