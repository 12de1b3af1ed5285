import { dueAtFor, pauseClock, resumeClock, type ClockState } from "@/lib/deadlines/deadline-clock";

// Column values for the clock's transitions, from the one deadline-clock module, so the
// stored dueAt (indexed, used by the queue) always matches what the clock says.

export function pausedClock(c: ClockState, now: Date) {
  const next = pauseClock(c, now);
  return { pausedAt: next.pausedAt, dueAt: dueAtFor(next, now) };
}

/** Resumes a paused clock (the requester answered, or staff went on without the answer). */
export function resumedClock(c: ClockState, now: Date) {
  const next = resumeClock(c, now);
  return { pausedAt: null, pausedMs: BigInt(next.pausedMs), dueAt: dueAtFor(next, now) };
}

/** A decision stops the clock: any pause ends and the due date stays where it stood. */
export const stoppedClock = resumedClock;
