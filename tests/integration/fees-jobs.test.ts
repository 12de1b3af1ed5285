import { beforeEach, describe, expect, it } from "vitest";
import { prisma, resetDatabase } from "@/tests/helpers/db";
import { admin, createFeeRequest } from "@/tests/helpers/fee-fixtures";
import { FEE_REMINDER_JOB, runFeeReminders } from "@/lib/fees/fee-jobs";
import { recordPayment } from "@/lib/fees/record-payment";
import { waiveFee } from "@/lib/fees/waive-refund";
import { updateSettings } from "@/lib/settings/update-settings";
import { defaultSettings } from "@/lib/settings/settings-schema";
import { jobHandlers, schedules } from "@/lib/jobs/registry";
import { runDueJobs } from "@/lib/jobs/run-due-jobs";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import "@/lib/jobs/handlers";

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

describe("fee reminders and abandonment", () => {
  beforeEach(resetDatabase);

  it("reminds once after the configured days, with the account, reference and deadline", async () => {
    const r = await createFeeRequest({ createdAt: daysAgo(8) });
    const fresh = await createFeeRequest({ createdAt: daysAgo(3) });
    expect(await runFeeReminders(prisma)).toEqual({ reminded: 1, abandoned: 0 });
    expect(await runFeeReminders(prisma)).toEqual({ reminded: 0, abandoned: 0 });
    const mails = await prisma.outboxMessage.findMany();
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    expect(mail?.toAddress).toBe("hanako.yamada@example.com");
    expect(mail?.subject).toContain(r.reference);
    expect(mail?.text).toContain(r.transferReference ?? "?");
    expect(mail?.text).toContain("みずほ銀行 船場支店 普通 1234567");
    expect(mail?.text).toContain("http://localhost:3000/status");
    const deadline = new Intl.DateTimeFormat("ja-JP", {
      timeZone: "Asia/Tokyo",
      year: "numeric",
      month: "long",
      day: "numeric",
    }).format(new Date(r.createdAt.getTime() + 30 * DAY));
    expect(mail?.text).toContain(`${deadline}までにお支払いが確認できない場合`);
    expect((await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).paymentReminderAt).not.toBeNull();
    expect((await prisma.request.findUniqueOrThrow({ where: { id: fresh.id } })).paymentReminderAt).toBeNull();
    expect(await prisma.notice.findFirstOrThrow({ where: { requestId: r.id } })).toMatchObject({
      kind: "PAYMENT_REMINDER",
      outboxId: mail?.id,
    });
    expect(await prisma.auditEvent.count({ where: { action: "fee.reminder-sent", requestId: r.id } })).toBe(1);
  });

  it("abandons an unpaid request after the configured wait, with a notice, stopping a paused clock", async () => {
    const r = await createFeeRequest({ createdAt: daysAgo(31), status: "WAITING_FOR_REQUESTER", locale: "en" });
    const pausedAt = daysAgo(2);
    await prisma.request.update({ where: { id: r.id }, data: { pausedAt, pausedMs: BigInt(DAY) } });
    const now = new Date();
    expect(await runFeeReminders(prisma, now)).toEqual({ reminded: 0, abandoned: 1 });
    const after = await prisma.request.findUniqueOrThrow({ where: { id: r.id } });
    expect(after).toMatchObject({ status: "ABANDONED", abandonedAt: now, pausedAt: null, fee: "AWAITING_PAYMENT" });
    expect(Number(after.pausedMs)).toBe(DAY + (now.getTime() - pausedAt.getTime()));
    const mail = await prisma.outboxMessage.findFirstOrThrow();
    expect(mail.subject).toContain("Your disclosure request has been closed");
    expect(await prisma.notice.findFirstOrThrow({ where: { requestId: r.id } })).toMatchObject({
      kind: "ABANDONMENT",
      locale: "en",
    });
    expect(await prisma.auditEvent.findFirstOrThrow({ where: { action: "request.abandoned" } })).toMatchObject({
      data: { from: "WAITING_FOR_REQUESTER", reason: "fee-unpaid", afterDays: 30 },
    });
    expect(await runFeeReminders(prisma)).toEqual({ reminded: 0, abandoned: 0 });
    await expect(
      recordPayment({
        actor: admin,
        input: { requestId: r.id, method: "CASH", paidOn: "2026-11-20", amount: 5500, payerName: "x" },
      }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("leaves paid, waived, fee-free and closed requests alone", async () => {
    const paid = await createFeeRequest({ createdAt: daysAgo(40) });
    await recordPayment({
      actor: admin,
      input: { requestId: paid.id, method: "CASH", paidOn: "2026-11-20", amount: 5500, payerName: "x" },
    });
    const waived = await createFeeRequest({ createdAt: daysAgo(40) });
    await waiveFee({ actor: admin, input: { requestId: waived.id, reason: "x" } });
    await createFeeRequest({ type: "CORRECTION", createdAt: daysAgo(40) });
    await createFeeRequest({ createdAt: daysAgo(40), status: "WITHDRAWN" });
    const mailsBefore = await prisma.outboxMessage.count();
    expect(await runFeeReminders(prisma)).toEqual({ reminded: 0, abandoned: 0 });
    expect(await prisma.outboxMessage.count()).toBe(mailsBefore);
  });

  it("follows the settings", async () => {
    await updateSettings({
      actor: admin,
      key: "fee",
      value: { ...defaultSettings.fee, reminderAfterDays: 3, abandonAfterDays: 10 },
    });
    await createFeeRequest({ createdAt: daysAgo(4) });
    await createFeeRequest({ createdAt: daysAgo(11) });
    expect(await runFeeReminders(prisma)).toEqual({ reminded: 1, abandoned: 1 });
  });

  it("a request filed on paper without an email gets a notice kept for posting", async () => {
    const r = await createFeeRequest({ createdAt: daysAgo(8), email: null });
    await runFeeReminders(prisma);
    expect(await prisma.outboxMessage.count()).toBe(0);
    expect(await prisma.notice.findFirstOrThrow({ where: { requestId: r.id } })).toMatchObject({
      kind: "PAYMENT_REMINDER",
      channel: "POST",
    });
  });

  it("runs hourly as a registered job", async () => {
    expect(schedules.find((s) => s.kind === FEE_REMINDER_JOB)).toEqual({ kind: FEE_REMINDER_JOB, everyMinutes: 60 });
    await createFeeRequest({ createdAt: daysAgo(8) });
    await enqueueJob(prisma, { kind: FEE_REMINDER_JOB });
    const handler = jobHandlers.get(FEE_REMINDER_JOB);
    expect(handler).toBeDefined();
    expect(
      await runDueJobs(prisma, new Map([[FEE_REMINDER_JOB, handler ?? (async () => {})]]), { workerName: "test" }),
    ).toEqual({ done: 1, failed: 0 });
    expect(await prisma.outboxMessage.count()).toBe(1);
  });
});
