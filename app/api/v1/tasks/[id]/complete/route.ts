import { handleApiRequest, readJsonBody } from "@/lib/integrations/api-route";
import { completeApiTask } from "@/lib/integrations/api-tasks";

// POST /api/v1/tasks/{id}/complete — {status: DONE|FAILED, note, version?}.
export const runtime = "nodejs";

export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  return handleApiRequest(request, async (auth) => completeApiTask(auth, id, await readJsonBody(request)));
}
