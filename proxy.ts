import { NextResponse, type NextRequest } from "next/server";
import { localeCookie, localeFromUrl } from "@/lib/i18n/locale-from-url";
import { newNonce, securityHeaders, startupHeaderSettings } from "@/lib/security/security-headers";
import { secureNext, withSecurityHeaders } from "@/lib/security/secure-response";

// Runs before every page and route (Next 16's proxy, formerly middleware). Each concern is
// a function in lib/ composed here: a shareable language address (/en/…, ?lang=en) is
// redirected to the plain one with the language cookie set; everything else goes on with
// this response's security headers and per-request CSP nonce (lib/security).
export function proxy(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const isPage = !pathname.startsWith("/_next/");
  const wanted =
    isPage && (request.method === "GET" || request.method === "HEAD") ? localeFromUrl(request.nextUrl) : null;
  if (!wanted) return secureNext(request);
  // The request's own URL, changed: the host and port the browser used (no APP_URL needed).
  const url = request.nextUrl.clone();
  url.pathname = wanted.pathname;
  url.search = wanted.search;
  const response = withSecurityHeaders(
    NextResponse.redirect(url, 307),
    securityHeaders({ pathname, nonce: newNonce(), settings: startupHeaderSettings() }),
  );
  response.headers.set("Cache-Control", "private, no-store");
  // The address may hold a status-link token (/en/status/t/…): never sent on as a Referer.
  response.headers.set("Referrer-Policy", "no-referrer");
  response.cookies.set(localeCookie(wanted.locale));
  return response;
}

export const config = {
  // Pages and server actions only. Build assets are immutable and get nosniff from
  // next.config.ts. API routes are left out because Next buffers a copy of every request
  // body the proxy sees (up to proxyClientMaxBodySize): the routes cap bodies as they
  // stream (lib/server/read-body.ts), and a 100 MB post must not cost a 12 MB copy. They
  // render no HTML, so they need no nonce: next.config.ts gives them fixed headers.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
