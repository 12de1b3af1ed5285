import { metricsAllowed } from "@/lib/operations/metrics-access";
import { metrics, metricsDatabase } from "@/lib/server/metrics";
import { prisma } from "@/lib/server/db";

// Prometheus scrape endpoint: with METRICS_TOKEN set, `Authorization: Bearer <token>`;
// without it, only requests from this machine (see lib/operations/metrics-access.ts).
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(req: Request): Promise<Response> {
  if (!metricsAllowed(req.headers))
    return new Response("not found\n", { status: 404, headers: { "cache-control": "no-store" } });
  metricsDatabase(async () => prisma);
  const m = metrics();
  return new Response(await m.registry.metrics(), {
    headers: { "content-type": m.registry.contentType, "cache-control": "no-store" },
  });
}
