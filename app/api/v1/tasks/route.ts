import { handleApiRequest, queryOf } from "@/lib/integrations/api-route";
import { listApiTasks } from "@/lib/integrations/api-tasks";

// GET /api/v1/tasks?status=OPEN — the calling system's tasks (lib/integrations/api-tasks.ts).
export const runtime = "nodejs";

export function GET(request: Request): Promise<Response> {
  return handleApiRequest(request, (auth) => listApiTasks(auth, queryOf(request)));
}
