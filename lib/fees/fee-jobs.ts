import { DAY_MS } from "@/lib/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { systemActor } from "@/lib/audit/actor";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { resumeClock } from "@/lib/deadlines/deadline-clock";
import { registerJob } from "@/lib/jobs/registry";
import { getSettings } from "@/lib/settings/get-settings";
import { endedStatuses } from "@/lib/requests/request-states";
import { lockFeeRequest, takesPayment } from "./fee-state";
import { sendFeeNotice } from "./apply-payment";
import { abandonmentMail, paymentReminderMail } from "./fee-mail";

// Unpaid fees (DESIGN §4): one reminder after settings.fee.reminderAfterDays, and after
// settings.fee.abandonAfterDays the request is abandoned with a notice. Days count from
// when the request was entered (createdAt), which is when the payment request went out.
// Each request is handled in its own transaction under its row lock, and re-checked
// there, so two workers (or a payment arriving meanwhile) never cause a wrong notice.
export const FEE_REMINDER_JOB = "fees.reminders";
const BATCH = 200;
const actor = systemActor(FEE_REMINDER_JOB);

export async function runFeeReminders(
  db: PrismaClient,
  now: Date = new Date(),
): Promise<{ reminded: number; abandoned: number }> {
  const settings = await getSettings(db);
  const abandonBefore = new Date(now.getTime() - settings.fee.abandonAfterDays * DAY_MS);
  const remindBefore = new Date(now.getTime() - settings.fee.reminderAfterDays * DAY_MS);
  const unpaid = { fee: "AWAITING_PAYMENT" as const, status: { notIn: [...endedStatuses] } };

  const toAbandon = await db.request.findMany({
    where: { ...unpaid, createdAt: { lte: abandonBefore } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: BATCH,
  });
  let abandoned = 0;
  for (const { id } of toAbandon) {
    const done = await db.$transaction(async (tx) => {
      const request = await lockFeeRequest(tx, id);
      if (!request || !takesPayment(request) || request.createdAt > abandonBefore) return false;
      // A paused clock stops here: the pause so far is added to the paused total.
      const clock = resumeClock(request, now);
      await tx.request.update({
        where: { id },
        data: { status: "ABANDONED", abandonedAt: now, pausedAt: null, pausedMs: BigInt(clock.pausedMs) },
      });
      await sendFeeNotice(tx, request, "ABANDONMENT", abandonmentMail(request, settings));
      await writeAuditEvent(tx, {
        actor,
        action: "request.abandoned",
        entity: "Request",
        entityId: id,
        requestId: id,
        data: { from: request.status, reason: "fee-unpaid", afterDays: settings.fee.abandonAfterDays },
      });
      return true;
    });
    if (done) abandoned++;
  }

  const toRemind = await db.request.findMany({
    where: { ...unpaid, paymentReminderAt: null, createdAt: { lte: remindBefore, gt: abandonBefore } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: BATCH,
  });
  let reminded = 0;
  for (const { id } of toRemind) {
    const done = await db.$transaction(async (tx) => {
      const request = await lockFeeRequest(tx, id);
      if (!request || !takesPayment(request)) return false;
      // Once only: the flag is set in the same transaction as the mail is queued.
      const { count } = await tx.request.updateMany({
        where: { id, paymentReminderAt: null },
        data: { paymentReminderAt: now },
      });
      if (count === 0) return false;
      const abandonOn = new Date(request.createdAt.getTime() + settings.fee.abandonAfterDays * DAY_MS);
      await sendFeeNotice(tx, request, "PAYMENT_REMINDER", paymentReminderMail(request, settings, { abandonOn }));
      await writeAuditEvent(tx, {
        actor,
        action: "fee.reminder-sent",
        entity: "Request",
        entityId: id,
        requestId: id,
        data: { afterDays: settings.fee.reminderAfterDays },
      });
      return true;
    });
    if (done) reminded++;
  }
  return { reminded, abandoned };
}

registerJob(
  FEE_REMINDER_JOB,
  async (_payload, ctx) => {
    await runFeeReminders(ctx.prisma);
  },
  { everyMinutes: 60 },
);
