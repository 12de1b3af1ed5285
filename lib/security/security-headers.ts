// The security headers of every response, decided when the server starts (not when the app
// is built): a build made once can be served over plain HTTP on a laptop and behind HTTPS in
// production, and only the latter may send HSTS. Pages get a Content-Security-Policy with a
// fresh nonce per request, so only scripts the app itself emitted run (proxy.ts).

export type HeaderSettings = {
  /** development allows eval (React's dev tools need it); any other value does not. */
  nodeEnv: string;
  /** The address people use; HSTS only when it is https. */
  appUrl: string;
  /** A local stand-in for Stripe (the e2e suite's fake Checkout), allowed as a form target. */
  stripeApiBase?: string;
};

/** From the environment of this process, read once: the same for every request it serves. */
let startup: HeaderSettings | undefined;
export function headerSettingsFromEnv(source: Record<string, string | undefined> = process.env): HeaderSettings {
  return {
    nodeEnv: source.NODE_ENV ?? "development",
    appUrl: source.APP_URL?.trim() || `http://localhost:${source.PORT || 3000}`,
    stripeApiBase: source.STRIPE_API_BASE?.trim() || undefined,
  };
}
export function startupHeaderSettings(): HeaderSettings {
  startup ??= headerSettingsFromEnv();
  return startup;
}

/** HSTS only for a production server whose public address is https: on http it would lock a laptop out. */
export function sendsHsts(s: HeaderSettings): boolean {
  return s.nodeEnv === "production" && s.appUrl.startsWith("https://");
}

function stripeFormTargets(s: HeaderSettings): string {
  // Pay now redirects a posted form to Checkout; Chrome checks redirects of a form against form-action.
  let local = "";
  if (s.stripeApiBase) {
    try {
      local = ` ${new URL(s.stripeApiBase).origin}`;
    } catch {
      local = "";
    }
  }
  return `https://checkout.stripe.com${local}`;
}

/** The policy of an app page. Styles stay 'unsafe-inline': charts and Next set style attributes, which a nonce cannot cover. */
export function pageCsp(nonce: string, s: HeaderSettings): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts Next loads from a nonced script run; nothing else does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${s.nodeEnv === "development" ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The PDF viewer's worker comes from this site (/console/pdf-worker); 'strict-dynamic' would otherwise ignore 'self'.
    "worker-src 'self'",
    "frame-src 'self'",
    "frame-ancestors 'none'",
    `form-action 'self' ${stripeFormTargets(s)}`,
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/**
 * Requester files and notice previews shown inside the console: framed by our own pages
 * only, sandboxed (a file can run nothing, not even a PDF's scripts: PDFs are drawn by the
 * console's own viewer from the bytes), never cached.
 */
export const consoleFileCsp =
  "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox";
const consoleFilePath = /^\/console\/requests\/[^/]+\/(documents\/[^/]+|files\/[^/]+|notice-preview)\/?$/;

export function isConsoleFilePath(pathname: string): boolean {
  return consoleFilePath.test(pathname);
}

/** Headers for one response: `nonce` is that request's (pages only). */
export function securityHeaders(opts: {
  pathname: string;
  nonce: string;
  settings: HeaderSettings;
}): Record<string, string> {
  const { pathname, nonce, settings } = opts;
  const file = isConsoleFilePath(pathname);
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    // same-origin, not no-referrer: with no-referrer a browser without JavaScript posts forms
    // with Origin: null and Next refuses the server action. URLs never hold personal data.
    "Referrer-Policy": pathname.startsWith("/status/t/") || file ? "no-referrer" : "same-origin",
    "X-Frame-Options": file ? "SAMEORIGIN" : "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Content-Security-Policy": file ? consoleFileCsp : pageCsp(nonce, settings),
  };
  if (file) headers["Cache-Control"] = "no-store, private";
  if (sendsHsts(settings)) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}

/** 128 random bits, base64: unguessable per response, as a CSP nonce must be. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
