import { prisma } from "@/lib/server/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { completeTask } from "@/lib/tasks/complete-task";
import { assertScope, type ApiTokenAuth } from "./api-tokens";
import {
  completeTaskBodySchema,
  completeTaskResponseSchema,
  listTasksQuerySchema,
  listTasksResponseSchema,
  taskIdParamSchema,
  taskResponseSchema,
  type CompleteTaskResponse,
  type ListTasksResponse,
  type TaskResponse,
} from "./api-schemas";
import { apiTaskSelect, toApiTask } from "./task-view";

// The API's operations. Access control sits in the `where`: a token sees its own
// system's tasks only, so another system's task is "not found", never "forbidden".

async function ownTask(auth: ApiTokenAuth, rawId: unknown) {
  const id = parseInput(taskIdParamSchema, rawId, "task id");
  const task = await prisma.task.findFirst({ where: { id, systemId: auth.actor.systemId }, select: apiTaskSelect });
  if (!task) throw new AppError("NOT_FOUND", "task");
  return task;
}

/** GET /api/v1/tasks — oldest first, keyset-paged by task id. */
export async function listApiTasks(auth: ApiTokenAuth, query: unknown): Promise<ListTasksResponse> {
  assertScope(auth, "tasks:read");
  const q = parseInput(listTasksQuerySchema, query, "list tasks");
  const systemId = auth.actor.systemId;
  let after = {};
  if (q.cursor) {
    const c = await prisma.task.findFirst({ where: { id: q.cursor, systemId }, select: { id: true, createdAt: true } });
    if (!c) throw new AppError("INVALID_INPUT", "cursor", { cursor: ["integrations.errors.cursor"] });
    after = { OR: [{ createdAt: { gt: c.createdAt } }, { createdAt: c.createdAt, id: { gt: c.id } }] };
  }
  const rows = await prisma.task.findMany({
    where: { systemId, status: q.status, ...after },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: q.limit + 1,
    select: apiTaskSelect,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return listTasksResponseSchema.parse({
    tasks: page.map(toApiTask),
    nextCursor: rows.length > q.limit && last ? last.id : null,
  });
}

/** GET /api/v1/tasks/{id} */
export async function getApiTask(auth: ApiTokenAuth, taskId: unknown): Promise<TaskResponse> {
  assertScope(auth, "tasks:read");
  return taskResponseSchema.parse({ task: toApiTask(await ownTask(auth, taskId)) });
}

/**
 * POST /api/v1/tasks/{id}/complete — through the same completeTask staff use, so the
 * audit entry names the token and completing the last task closes the request.
 */
export async function completeApiTask(
  auth: ApiTokenAuth,
  taskId: unknown,
  body: unknown,
  now?: Date,
): Promise<CompleteTaskResponse> {
  assertScope(auth, "tasks:write");
  const q = parseInput(completeTaskBodySchema, body, "complete task");
  const task = await ownTask(auth, taskId);
  const result = await completeTask({
    actor: auth.actor,
    input: { taskId: task.id, version: q.version ?? task.version, status: q.status, note: q.note },
    now,
  });
  const after = await ownTask(auth, task.id);
  return completeTaskResponseSchema.parse({ task: toApiTask(after), requestClosed: result.requestClosed });
}
