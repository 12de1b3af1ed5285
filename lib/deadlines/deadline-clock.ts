// The response clock. The APPI sets no number of days for businesses ("without delay",
// PPC Q&A 9-12), so the operator sets a target (default 14 days from arrival). The clock
// pauses while the request waits for the requester and resumes on their answer.
import { DAY_MS, dateOnly, jstDate } from "@/lib/dates";

export type ClockState = {
  arrivedAt: Date;
  targetDays: number;
  /** Total time spent paused in earlier pauses. */
  pausedMs: bigint | number;
  /** Start of the current pause, if the request is waiting for the requester now. */
  pausedAt: Date | null;
};

/** Due date as it stands at `now`: an ongoing pause keeps pushing it out. */
export function dueAtFor(c: ClockState, now: Date = new Date()): Date {
  const ongoing = c.pausedAt ? Math.max(0, now.getTime() - c.pausedAt.getTime()) : 0;
  return new Date(c.arrivedAt.getTime() + c.targetDays * DAY_MS + Number(c.pausedMs) + ongoing);
}

/** Starting a pause: nothing changes yet but the pause start. */
export function pauseClock(c: ClockState, now: Date = new Date()): ClockState {
  return c.pausedAt ? c : { ...c, pausedAt: now };
}

/** Ending a pause adds its length to the paused total. */
export function resumeClock(c: ClockState, now: Date = new Date()): ClockState {
  if (!c.pausedAt) return c;
  const pausedMs = BigInt(c.pausedMs) + BigInt(Math.max(0, now.getTime() - c.pausedAt.getTime()));
  return { ...c, pausedAt: null, pausedMs };
}

/** APPI Art 39: two weeks after the request arrived, the requester may go to court. */
export function appiSuitDate(arrivedAt: Date): Date {
  return new Date(arrivedAt.getTime() + 14 * DAY_MS);
}

/** Whole JST calendar days from `now` to `due`; negative when overdue. */
export function daysLeft(due: Date, now: Date = new Date()): number {
  // Both as the same kind of midnight, so the difference is whole days.
  const a = dateOnly(jstDate(now)).getTime();
  const b = dateOnly(jstDate(due)).getTime();
  return Math.round((b - a) / DAY_MS);
}

export type DeadlineStatus = "paused" | "overdue" | "due_soon" | "on_track" | "stopped";

export function deadlineStatus(
  c: ClockState & { open: boolean },
  dueSoonDays: number,
  now: Date = new Date(),
): { status: DeadlineStatus; dueAt: Date; daysLeft: number } {
  const dueAt = dueAtFor(c, now);
  const left = daysLeft(dueAt, now);
  if (!c.open) return { status: "stopped", dueAt, daysLeft: left };
  if (c.pausedAt) return { status: "paused", dueAt, daysLeft: left };
  if (dueAt.getTime() < now.getTime()) return { status: "overdue", dueAt, daysLeft: left };
  return { status: left <= dueSoonDays ? "due_soon" : "on_track", dueAt, daysLeft: left };
}
