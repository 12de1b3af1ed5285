import { z } from "zod";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { idSchema, longText, versionSchema } from "@/lib/requests/shared-schemas";
import { closeIfComplete } from "./close-request";

export const completeTaskSchema = z.object({
  taskId: idSchema,
  /** Task.version, for the same conflict rule as requests. */
  version: versionSchema,
  /** DONE: what was done; FAILED: what went wrong (to retry); EXPLAINED: why nothing needed doing. */
  status: z.enum(["DONE", "FAILED", "EXPLAINED"]),
  note: longText(2000),
});
export type CompleteTaskInput = z.input<typeof completeTaskSchema>;

/**
 * Records the outcome of one system's task; the request closes when the last one is done or explained.
 * Staff need "work:task"; a system's API token (scope checked by lib/integrations) reaches only its own
 * system's tasks — another system's task is simply not found.
 */
export async function completeTask(opts: {
  actor: Actor | null;
  input: CompleteTaskInput;
  now?: Date;
}): Promise<{ version: number; requestClosed: boolean }> {
  const { actor } = opts;
  if (actor?.type !== "API_TOKEN") assertPermission(actor, "work:task");
  const q = parseInput(completeTaskSchema, opts.input, "complete task");
  const now = opts.now ?? new Date();
  return prisma.$transaction(async (tx) => {
    const task = await tx.task.findUnique({
      where: { id: q.taskId },
      select: { id: true, status: true, requestId: true, systemId: true, version: true },
    });
    if (!task || (actor.type === "API_TOKEN" && task.systemId !== actor.systemId))
      throw new AppError("NOT_FOUND", "task");
    if (task.version !== q.version) throw new AppError("STALE_VERSION", `task is at version ${task.version}`);
    if (task.status === "DONE" || task.status === "EXPLAINED")
      throw new AppError("INVALID_STATE", "console.state.taskFinished", { _form: ["console.state.taskFinished"] });
    const { count } = await tx.task.updateMany({
      where: { id: task.id, version: q.version },
      data: {
        status: q.status,
        resultNote: q.note,
        ...(actor.type === "API_TOKEN" ? { completedByTokenId: actor.id } : { completedById: actor.id }),
        completedAt: now,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new AppError("STALE_VERSION", "task changed");
    await writeAuditEvent(tx, {
      actor,
      action: "task.completed",
      entity: "Task",
      entityId: task.id,
      requestId: task.requestId,
      data: { status: q.status, from: task.status, systemId: task.systemId },
    });
    const closed = q.status === "FAILED" ? null : await closeIfComplete(tx, actor, task.requestId, now);
    return { version: q.version + 1, requestClosed: closed !== null };
  });
}
