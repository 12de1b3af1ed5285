import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http";
import { BODY_LIMITS, bodyTooLarge, readBodyCapped } from "@/lib/server/read-body";
import { authenticateApiToken, type ApiTokenAuth } from "./api-tokens";

// The whole HTTP edge of the systems-of-record API, so route files stay one line each:
// authenticate the bearer token, run the operation, answer JSON; AppErrors become their
// status with a code (and field errors for 400) through lib/http.ts.

const noStore = { "cache-control": "no-store" };

export async function handleApiRequest(
  request: Request,
  run: (auth: ApiTokenAuth) => Promise<unknown>,
  status = 200,
): Promise<Response> {
  try {
    const auth = await authenticateApiToken(request.headers.get("authorization"));
    return Response.json(await run(auth), { status, headers: noStore });
  } catch (e) {
    const res = errorResponse(e);
    if (res.status === 401) res.headers.set("www-authenticate", 'Bearer realm="madoguchi"');
    return res;
  }
}

/** The query string as a plain object (the last value wins for repeated keys). */
export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

/** A JSON body of modest size; anything else is a 400 the caller can act on. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json"))
    throw new AppError("INVALID_INPUT", "content type", { _form: ["integrations.errors.jsonBody"] });
  // Capped while it streams in, before the whole body is in memory.
  const text = (
    await readBodyCapped(request, BODY_LIMITS.smallJson, () =>
      bodyTooLarge({ _form: ["integrations.errors.bodyTooLarge"] }),
    )
  ).toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("INVALID_INPUT", "json", { _form: ["integrations.errors.jsonBody"] });
  }
}
