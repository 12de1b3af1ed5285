import { NextResponse, type NextRequest } from "next/server";
import { localeCookie, localeFromUrl } from "@/lib/i18n/locale-from-url";

// Runs before every page (Next 16's proxy, formerly middleware). Each concern is a
// function in lib/ composed here; keep this file a short composition.

export function proxy(request: NextRequest): NextResponse {
  if (request.method === "GET" || request.method === "HEAD") {
    const wanted = localeFromUrl(request.nextUrl);
    if (wanted) {
      // The request's own URL, changed: the host and port the browser used (no APP_URL needed).
      const url = request.nextUrl.clone();
      url.pathname = wanted.pathname;
      url.search = wanted.search;
      const response = NextResponse.redirect(url, 307);
      response.headers.set("Cache-Control", "private, no-store");
      // The address may hold a status-link token (/en/status/t/…): never sent on as a Referer.
      response.headers.set("Referrer-Policy", "no-referrer");
      response.cookies.set(localeCookie(wanted.locale));
      return response;
    }
  }
  return NextResponse.next();
}

export const config = {
  // Pages only: not Next's own files, the API, or files with an extension (icons, robots.txt).
  matcher: ["/((?!api/|_next/|.*\\.[A-Za-z0-9]+$).*)"],
};
