// Typed error codes thrown by domain functions; pages and actions translate them into
// messages (messages/*/errors.json) and HTTP statuses in one place (lib/http.ts).
export const errorCodes = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "INVALID_INPUT",
  "CONFLICT",
  "STALE_VERSION",
  "RATE_LIMITED",
  "INVALID_STATE",
  "CODE_INVALID",
  "CODE_EXPIRED",
  "ACCOUNT_LOCKED",
  "UNAVAILABLE",
  "PAYLOAD_TOO_LARGE",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** Internal detail; never personal data, never shown to users. */
    detail?: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(detail ?? code);
    this.name = "AppError";
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export const httpStatusFor: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  STALE_VERSION: 409,
  RATE_LIMITED: 429,
  INVALID_STATE: 409,
  CODE_INVALID: 400,
  CODE_EXPIRED: 400,
  ACCOUNT_LOCKED: 423,
  UNAVAILABLE: 503,
  PAYLOAD_TOO_LARGE: 413,
};
