import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import type { Role } from "@/lib/generated/prisma/enums";

export type AssignableStaff = { id: string; name: string; role: Role };

/** Active staff a request can be assigned to (and the queue filtered by): names and roles only. */
export async function listAssignableStaff(opts: { actor: Actor | null }): Promise<AssignableStaff[]> {
  assertPermission(opts.actor, "read:request");
  return prisma.staffUser.findMany({
    where: { active: true },
    select: { id: true, name: true, role: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
