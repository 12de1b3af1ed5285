import { httpStatusFor, isAppError } from "@/lib/errors";
import { isDatabaseUnavailable } from "@/lib/server/db-errors";

/**
 * Route handlers answer user errors with their HTTP status and a code (never detail);
 * anything else is logged without personal data and answered 500.
 */
export function errorResponse(e: unknown): Response {
  if (isAppError(e)) {
    return Response.json({ error: e.code, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) }, { status: httpStatusFor[e.code], headers: { "cache-control": "no-store" } });
  }
  if (isDatabaseUnavailable(e)) {
    console.warn("[route] database unavailable");
    return Response.json({ error: "UNAVAILABLE" }, { status: 503, headers: { "retry-after": "30", "cache-control": "no-store" } });
  }
  // Name and code only (e.g. PrismaClientKnownRequestError P2034): never messages, which can quote data.
  const code = (e as { code?: unknown }).code;
  console.error(`[route] unexpected error: ${e instanceof Error ? e.name : "unknown"}${typeof code === "string" ? ` ${code}` : ""}`);
  return Response.json({ error: "INTERNAL" }, { status: 500 });
}
