import { handleApiRequest } from "@/lib/integrations/api-route";
import { getApiTask } from "@/lib/integrations/api-tasks";

// GET /api/v1/tasks/{id} — one of the calling system's tasks; any other id is 404.
export const runtime = "nodejs";

export async function GET(request: Request, ctx: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await ctx.params;
  return handleApiRequest(request, (auth) => getApiTask(auth, id));
}
