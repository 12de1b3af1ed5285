// Whether a browser's post comes from one of our own pages, decided the way Next decides
// it for server actions: the Origin's host against the host the request was sent to
// (X-Forwarded-Host from a proxy, else Host). A browser cannot set X-Forwarded-Host on a
// cross-site post, so a foreign page cannot pass. Comparing with the request rather than
// with APP_URL keeps uploads working on any port or address the app is opened at.

/**
 * True for a post from our own pages. No Origin header (a client that is not a browser)
 * passes, as before: the SameSite=Lax cookies already keep cross-site posts out. APP_URL's
 * host also passes, for a proxy that rewrites Host without saying so.
 */
export function isSameOrigin(headers: Headers, appUrl: string): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" (a sandboxed or privacy-stripped page) or garbage: not one of ours.
    return false;
  }
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || headers.get("host");
  return originHost === host || originHost === new URL(appUrl).host;
}
