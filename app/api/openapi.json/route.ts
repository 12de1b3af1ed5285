import { buildOpenApiDocument } from "@/lib/integrations/openapi";

// GET /api/openapi.json — generated from the handlers' zod schemas (lib/integrations/openapi.ts).
export const runtime = "nodejs";

export function GET(): Response {
  return Response.json(buildOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
