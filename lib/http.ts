import { httpStatusFor, isAppError } from "@/lib/errors";
import { isDatabaseUnavailable } from "@/lib/server/db-errors";
import { errorFields, logger } from "@/lib/server/log";

/**
 * Route handlers answer user errors with their HTTP status and a code (never detail);
 * anything else is logged without personal data and answered 500.
 */
export function errorResponse(e: unknown): Response {
  if (isAppError(e)) {
    return Response.json(
      { error: e.code, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) },
      { status: httpStatusFor[e.code], headers: { "cache-control": "no-store" } },
    );
  }
  if (isDatabaseUnavailable(e)) {
    logger().warn("database unavailable");
    return Response.json(
      { error: "UNAVAILABLE" },
      { status: 503, headers: { "retry-after": "30", "cache-control": "no-store" } },
    );
  }
  // Name and code only (e.g. PrismaClientKnownRequestError P2034): never messages, which can quote data.
  logger().error(errorFields(e), "unexpected error in route");
  return Response.json({ error: "INTERNAL" }, { status: 500 });
}
