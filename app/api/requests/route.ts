import { cookies } from "next/headers";
import { submitRequest } from "@/lib/requests/submit-request";
import { DRAFT_COOKIE } from "@/lib/uploads/draft-uploads";
import { clientKeyFrom } from "@/lib/server/client-key";
import { errorResponse } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { BODY_LIMITS, readJsonCapped } from "@/lib/server/read-body";
import { isLocale } from "@/i18n/config";

/**
 * Files a request: the wizard's last step posts here (and so does the benchmark). JSON only:
 * a cross-site form cannot send application/json without a CORS preflight, which this
 * route never grants, so the content type doubles as CSRF protection.
 */
export async function POST(req: Request): Promise<Response> {
  try {
    if (!req.headers.get("content-type")?.startsWith("application/json"))
      throw new AppError("INVALID_INPUT", "content type");
    // Capped while it streams in: the route is open to anyone.
    const body = (await readJsonCapped(req, BODY_LIMITS.request)) as {
      input?: unknown;
      emailCode?: unknown;
      idempotencyKey?: unknown;
      locale?: unknown;
    } | null;
    if (!body || typeof body !== "object") throw new AppError("INVALID_INPUT", "body");
    const filed = await submitRequest({
      input: body.input,
      emailCode: body.emailCode,
      idempotencyKey: body.idempotencyKey,
      locale: isLocale(body.locale) ? body.locale : "ja",
      draftKey: (await cookies()).get(DRAFT_COOKIE)?.value ?? null,
      clientKey: clientKeyFrom(req.headers),
    });
    return Response.json({ reference: filed.reference }, { status: 201, headers: { "cache-control": "no-store" } });
  } catch (e) {
    return errorResponse(e);
  }
}
