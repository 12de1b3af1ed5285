import { NextResponse, type NextRequest } from "next/server";
import { newNonce, securityHeaders, startupHeaderSettings } from "./security-headers";

/**
 * Lets the request through with this response's security headers. Next reads the nonce
 * from the Content-Security-Policy request header and puts it on the scripts it renders;
 * the root layout reads it too, which keeps every page rendered per request (a page
 * prerendered at build time would carry no nonce and its scripts would be refused).
 */
export function secureNext(request: NextRequest): NextResponse {
  const nonce = newNonce();
  const headers = securityHeaders({ pathname: request.nextUrl.pathname, nonce, settings: startupHeaderSettings() });
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"] ?? "");
  const response = NextResponse.next({ request: { headers: forwarded } });
  return withSecurityHeaders(response, headers);
}

/** The same headers on a response the proxy makes itself (a redirect, say). */
export function withSecurityHeaders<R extends Response>(response: R, headers: Record<string, string>): R {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
