// Telling "the database is unreachable" apart from bugs, so users get a clear "try again
// later" (503) instead of a generic failure, and nothing is claimed to be saved.
const unreachable =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection terminated|connection is closed|Can't reach database|Client has encountered a connection error|terminating connection|the database system is (starting up|shutting down)|timeout exceeded when trying to connect/i;

export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== "object" || depth > 5) return false;
  const err = e as { code?: unknown; message?: unknown; cause?: unknown; name?: unknown };
  if (
    typeof err.code === "string" &&
    ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P03", "P1001", "P1017"].includes(err.code)
  )
    return true;
  if (typeof err.message === "string" && unreachable.test(err.message)) return true;
  return isDatabaseUnavailable(err.cause, depth + 1);
}
