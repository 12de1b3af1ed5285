import { env } from "@/lib/server/env";
import { hmacHex, randomToken } from "@/lib/server/crypto";

// The status link in the acknowledgement mail: /status/t/<token>. The token is a bearer
// credential bound to one request (not personal data). The page at that path exchanges it
// for a RequesterSession cookie and redirects to /status at once, so the token does not
// stay in the address bar or reach other sites in a Referer (send Referrer-Policy:
// no-referrer on that route). A path segment rather than a #fragment keeps the page
// working without JavaScript; only the token's HMAC is stored (Request.statusTokenHash).

export function newStatusToken(): string {
  return randomToken(32);
}

export function statusTokenHash(token: string): string {
  return hmacHex(token, "status-token");
}

/** English mail links under /en/ (lib/i18n/locale-from-url.ts), so the page opens in English on any device. */
export function statusLinkFor(token: string, locale: "ja" | "en" = "ja"): string {
  return `${env().APP_URL.replace(/\/$/, "")}${locale === "en" ? "/en" : ""}/status/t/${encodeURIComponent(token)}`;
}
