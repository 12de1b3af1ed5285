import { AppError, type FieldErrors } from "@/lib/errors";

// Every route that reads a request body reads it through here (issue 15 item 3): the size
// is capped while the bytes arrive, so a 100 MB post costs the server at most the cap in
// memory, never the whole body. A declared Content-Length past the cap is refused before
// reading anything; an undeclared or false one is caught by counting.

/** Caps by purpose: small JSON, a filed request, Stripe's events, one uploaded file. */
export const BODY_LIMITS = {
  /** Integration API and the staff sign-in's credentials. */
  smallJson: 16 * 1024,
  /** A filed request: the answers only, files travel separately. */
  request: 256 * 1024,
  /** Stripe keeps event payloads well under this. */
  stripeEvent: 512 * 1024,
} as const;

/** 413: the body was larger than the route accepts. */
export function bodyTooLarge(fieldErrors?: FieldErrors): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", "body over the cap", fieldErrors);
}

/**
 * The body's bytes, at most `maxBytes`; past that the stream is cancelled and
 * PAYLOAD_TOO_LARGE thrown (or the error `tooLarge` makes, for a route with its own message).
 */
export async function readBodyCapped(
  req: Request,
  maxBytes: number,
  tooLarge: () => AppError = () => bodyTooLarge(),
): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) {
    await req.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const reader = req.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    size += next.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks);
}

/** The body as UTF-8 text, capped. */
export async function readTextCapped(req: Request, maxBytes: number): Promise<string> {
  return (await readBodyCapped(req, maxBytes)).toString("utf8");
}

/** The body as JSON, capped; null when it does not parse. */
export async function readJsonCapped(req: Request, maxBytes: number): Promise<unknown> {
  const text = await readTextCapped(req, maxBytes);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
