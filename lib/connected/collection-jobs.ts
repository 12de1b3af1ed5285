import { z } from "zod";
import { registerJob } from "@/lib/jobs/registry";
import { COLLECT_JOB } from "./start-collection";
import { runCollection } from "./run-collection";

// Registered through lib/jobs/handlers.ts. One attempt: a failed read is recorded on the
// collection with its reason and handed to a person, not retried silently.
const payloadSchema = z.object({ collectionId: z.string().min(1) });

registerJob(COLLECT_JOB, async (payload, ctx) => {
  const { collectionId } = payloadSchema.parse(payload);
  await runCollection(ctx.prisma, collectionId);
});
