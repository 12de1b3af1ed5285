import type { ConnectedErrorCode } from "./types";

/**
 * The one error the engine throws. `message` is safe to show staff and to store: it never holds
 * the connection URL, user name, host, password or any personal value — driver messages are not
 * passed through (they can name the user and host), only the code and our own sentence.
 */
export class ConnectedSystemError extends Error {
  constructor(
    readonly code: ConnectedErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ConnectedSystemError";
  }
}

export function isConnectedSystemError(e: unknown): e is ConnectedSystemError {
  return e instanceof ConnectedSystemError;
}
