import { describe, expect, it } from "vitest";
import {
  appiSuitDate,
  daysLeft,
  deadlineStatus,
  dueAtFor,
  pauseClock,
  resumeClock,
  type ClockState,
} from "@/lib/deadlines/deadline-clock";

const DAY = 86_400_000;
const arrived = new Date("2026-11-02T01:00:00Z"); // 10:00 JST
const base: ClockState = { arrivedAt: arrived, targetDays: 14, pausedMs: 0n, pausedAt: null };
const at = (days: number) => new Date(arrived.getTime() + days * DAY);

describe("deadline clock", () => {
  it("is due target days after arrival", () => {
    expect(dueAtFor(base)).toEqual(at(14));
  });

  it("pauses while waiting for the requester and resumes on the answer", () => {
    const paused = pauseClock(base, at(3));
    expect(dueAtFor(paused, at(5))).toEqual(at(16)); // two days into the pause
    const resumed = resumeClock(paused, at(8));
    expect(resumed.pausedMs).toBe(BigInt(5 * DAY));
    expect(dueAtFor(resumed, at(20))).toEqual(at(19)); // no longer moves
  });

  it("adds up several pauses", () => {
    let c = resumeClock(pauseClock(base, at(1)), at(2));
    c = resumeClock(pauseClock(c, at(4)), at(7));
    expect(dueAtFor(c)).toEqual(at(18));
  });

  it("ignores a second pause start and a resume without pause", () => {
    const p = pauseClock(pauseClock(base, at(1)), at(3));
    expect(p.pausedAt).toEqual(at(1));
    expect(resumeClock(base, at(5))).toBe(base);
  });

  it("keeps the APPI two-week date fixed at arrival + 14 days regardless of pauses", () => {
    expect(appiSuitDate(arrived)).toEqual(at(14));
  });

  it("counts days left in JST calendar days", () => {
    // 23:30 JST on 15 Nov is still the day before 16 Nov 10:00 JST.
    expect(daysLeft(at(14), new Date("2026-11-15T14:30:00Z"))).toBe(1);
    expect(daysLeft(at(14), new Date("2026-11-15T15:30:00Z"))).toBe(0);
  });

  it("classifies overdue, due soon, on track, paused and stopped", () => {
    expect(deadlineStatus({ ...base, open: true }, 3, at(15)).status).toBe("overdue");
    expect(deadlineStatus({ ...base, open: true }, 3, at(12)).status).toBe("due_soon");
    expect(deadlineStatus({ ...base, open: true }, 3, at(2)).status).toBe("on_track");
    expect(deadlineStatus({ ...pauseClock(base, at(2)), open: true }, 3, at(20)).status).toBe("paused");
    expect(deadlineStatus({ ...base, open: false }, 3, at(20)).status).toBe("stopped");
  });
});
