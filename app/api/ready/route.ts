import { checkReadiness } from "@/lib/operations/check-readiness";
import { prisma } from "@/lib/server/db";

// Readiness for the load balancer: 200 when this server can serve (database and file store
// reachable, not shutting down), 503 otherwise. The body names what failed, never data.
export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export async function GET(): Promise<Response> {
  const r = await checkReadiness(prisma);
  return Response.json(r, { status: r.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
