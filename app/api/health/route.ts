// Liveness: the process answers. Nothing else is checked, so a database outage does not get
// every app server restarted at once (that is what /api/ready is for).
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
