import type { NextRequest } from "next/server";
import { secureNext } from "@/lib/security/secure-response";

// Runs before every page and route: security headers with a per-request CSP nonce
// (lib/security). Keep this file a short composition; the logic lives in lib/.
export function proxy(request: NextRequest) {
  return secureNext(request);
}

export const config = {
  // Build assets carry no personal data and are immutable; they get nosniff from next.config.ts.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
