import { DAY_MS } from "@/lib/dates";
import fs from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { systemActor } from "@/lib/audit/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { getSetting } from "@/lib/settings/get-settings";
import { registerJob } from "@/lib/jobs/registry";

// Sent mail keeps its (redacted) body for the retention setting's days, then only who it
// went to, its subject, kind and dates remain: enough to answer "did we send it?", while
// the names and details in the body go. Whole local copies (no SMTP server) go at the
// same age. Anonymising a request removes its mail altogether (lib/operations/retention.ts).

export async function purgeMailBodies(
  db: PrismaClient = prisma,
  now = new Date(),
): Promise<{ messages: number; files: number }> {
  const { mailBodyRetentionDays } = await getSetting(db, "retention");
  const cutoff = new Date(now.getTime() - mailBodyRetentionDays * DAY_MS);
  const messages = await db.$transaction(async (tx) => {
    const purged = await tx.outboxMessage.updateMany({
      where: { status: "SENT", sentAt: { lt: cutoff }, bodyPurgedAt: null },
      data: { html: "", text: "", sealedBody: null, bodyPurgedAt: now },
    });
    if (purged.count > 0) {
      await writeAuditEvent(tx, {
        actor: systemActor("mail.purge"),
        action: "mail.bodies-purged",
        entity: "OutboxMessage",
        data: { messages: purged.count, retentionDays: mailBodyRetentionDays },
      });
    }
    return purged.count;
  });
  return { messages, files: await purgeCapturedFiles(env().MAIL_CAPTURE_DIR, cutoff) };
}

/** Local whole copies older than the cutoff; a missing folder (SMTP in use) is nothing to do. */
async function purgeCapturedFiles(dir: string, cutoff: Date): Promise<number> {
  const folder = path.resolve(dir);
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith(".txt")) continue;
    const file = path.join(folder, name);
    const st = await fs.stat(file).catch(() => null);
    if (st && st.mtime < cutoff) {
      await fs.rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}

registerJob(
  "mail.purge",
  async (_payload, ctx) => {
    await purgeMailBodies(ctx.prisma);
  },
  { everyMinutes: 60 },
);
