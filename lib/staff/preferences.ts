import { z } from "zod";
import { Locale } from "@/lib/generated/prisma/enums";
import { prisma } from "@/lib/server/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import type { Actor } from "@/lib/audit/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";

export const preferencesSchema = z.object({
  locale: z.enum(Locale),
  digestEnabled: z.boolean(),
});

/** Every staff member sets their own language (mails, digest) and whether to get the digest. */
export async function updateStaffPreferences(opts: { actor: Actor | null; input: unknown }): Promise<void> {
  const { actor } = opts;
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (actor.type !== "STAFF") throw new AppError("FORBIDDEN");
  const input = parseInput(preferencesSchema, opts.input, "preferences");
  await prisma.$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: actor.id }, data: input });
    await writeAuditEvent(tx, {
      actor,
      action: "staff.preferences-updated",
      entity: "StaffUser",
      entityId: actor.id,
      data: input,
    });
  });
}
