import { z } from "zod";
import { prisma } from "@/lib/server/db";
import { assertPermission } from "@/lib/server/permissions";
import type { Actor } from "@/lib/audit/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { idSchema } from "@/lib/requests/shared-schemas";
import { isOpen } from "@/lib/requests/request-states";

export const COLLECT_JOB = "connected.collect";

export const startCollectionSchema = z.object({
  requestId: idSchema,
  /** One system only (re-collect); absent: every connected system. */
  systemId: idSchema.optional(),
});
export type StartCollectionInput = z.input<typeof startCollectionSchema>;

const state = (key: string) => new AppError("INVALID_STATE", key, { _form: [key] });

/**
 * Queues a collection from each connected system (one job per system). Only once identity
 * is VERIFIED: reading a person's data for someone not yet shown to be them is a disclosure
 * to the wrong person (Art 6.1(1)). A system already being read is not queued twice.
 */
export async function startCollection(opts: {
  actor: Actor | null;
  input: StartCollectionInput;
}): Promise<{ queued: number }> {
  const { actor } = opts;
  assertPermission(actor, "work:task");
  const q = parseInput(startCollectionSchema, opts.input, "collection");
  return prisma.$transaction(async (tx) => {
    const r = await tx.request.findUnique({
      where: { id: q.requestId },
      select: { id: true, identity: true, status: true },
    });
    if (!r) throw new AppError("NOT_FOUND", "request");
    if (r.identity !== "VERIFIED") throw state("connected.state.identityNotVerified");
    if (!isOpen(r.status) && r.status !== "DECIDED") throw state("console.state.requestClosed");
    const systems = await tx.systemOfRecord.findMany({
      where: {
        active: true,
        handling: "CONNECTED",
        connection: { readUrlSealed: { not: null }, mapYaml: { not: null } },
        ...(q.systemId ? { id: q.systemId } : {}),
      },
      select: { id: true },
      orderBy: { key: "asc" },
    });
    if (systems.length === 0) throw state("connected.state.noConnectedSystems");
    let queued = 0;
    for (const s of systems) {
      const running = await tx.collection.count({
        where: { requestId: r.id, systemId: s.id, status: { in: ["PENDING", "RUNNING"] } },
      });
      if (running) continue;
      const c = await tx.collection.create({
        data: { requestId: r.id, systemId: s.id, requestedById: actor.id },
        select: { id: true },
      });
      await enqueueJob(tx, { kind: COLLECT_JOB, payload: { collectionId: c.id }, maxAttempts: 1 });
      await writeAuditEvent(tx, {
        actor,
        action: "connected.collection_requested",
        entity: "Collection",
        entityId: c.id,
        requestId: r.id,
        data: { systemId: s.id },
      });
      queued++;
    }
    return { queued };
  });
}
