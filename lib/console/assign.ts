import type { z } from "zod";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { idSchema, requestRefSchema } from "@/lib/requests/shared-schemas";
import { loadForChange, updateRequestVersioned } from "@/lib/requests/versioned-update";

export const assignRequestSchema = requestRefSchema.extend({
  /** The staff member to take the request; null to unassign. */
  assigneeId: idSchema.nullable(),
});
export type AssignRequestInput = z.input<typeof assignRequestSchema>;

/** Assigns or reassigns a request to an active staff member (or clears it), audited. */
export async function assignRequest(opts: {
  actor: Actor | null;
  input: AssignRequestInput;
}): Promise<{ version: number }> {
  const { actor } = opts;
  assertPermission(actor, "write:request");
  const q = parseInput(assignRequestSchema, opts.input, "assign request");
  return prisma.$transaction(async (tx) => {
    const ref = { id: q.requestId, version: q.version };
    const r = await loadForChange(tx, ref);
    if (q.assigneeId) {
      const staff = await tx.staffUser.findUnique({ where: { id: q.assigneeId }, select: { active: true } });
      if (!staff?.active)
        throw new AppError("INVALID_INPUT", "assignee", { assigneeId: ["console.errors.unknownStaff"] });
    }
    const version = await updateRequestVersioned(tx, ref, { assigneeId: q.assigneeId });
    await writeAuditEvent(tx, {
      actor,
      action: "request.assigned",
      entity: "Request",
      entityId: r.id,
      requestId: r.id,
      data: { from: r.assigneeId, to: q.assigneeId },
    });
    return { version };
  });
}
