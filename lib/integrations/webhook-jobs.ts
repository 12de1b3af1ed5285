import { z } from "zod";
import { registerJob } from "@/lib/jobs/registry";
import { WEBHOOK_JOB } from "./announce";
import { deliverWebhook } from "./deliver-webhook";

// Registered through lib/jobs/handlers.ts. The job row counts attempts and sets the
// backoff (lib/jobs/run-due-jobs.ts); the delivery row keeps what the console shows.
const payloadSchema = z.object({ deliveryId: z.string().min(1) });

registerJob(WEBHOOK_JOB, async (payload, ctx) => {
  const { deliveryId } = payloadSchema.parse(payload);
  const job = await ctx.prisma.job.findUnique({
    where: { id: ctx.jobId },
    select: { attempts: true, maxAttempts: true },
  });
  await deliverWebhook(ctx.prisma, deliveryId, { finalAttempt: !job || job.attempts >= job.maxAttempts });
});
