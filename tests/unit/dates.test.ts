import { describe, expect, it } from "vitest";
import {
  dateOnly,
  isRealDate,
  jstDate,
  jstDayEnd,
  jstMidnight,
  jstMonth,
  jstMonthRange,
  jstToday,
  monthList,
  monthsBack,
  nextMonth,
} from "@/lib/dates";

// The desk counts days and months in Japan whatever zone the server is in (issue 18.5).
describe("JST days and months", () => {
  it("turns the day over at midnight JST, not UTC", () => {
    expect(jstDate(new Date("2026-03-31T14:59:59Z"))).toBe("2026-03-31");
    expect(jstDate(new Date("2026-03-31T15:00:00Z"))).toBe("2026-04-01");
    expect(jstMonth(new Date("2026-03-31T15:00:00Z"))).toBe("2026-04");
  });

  it("gives instants for JST midnights and date-only values at UTC midnight", () => {
    expect(jstMidnight("2026-04-01").toISOString()).toBe("2026-03-31T15:00:00.000Z");
    expect(jstDayEnd("2026-04-01").toISOString()).toBe("2026-04-01T15:00:00.000Z");
    expect(dateOnly("2026-04-01").toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(jstToday(new Date("2026-03-31T15:00:00Z")).toISOString()).toBe("2026-04-01T00:00:00.000Z");
  });

  it("covers a month as a half-open range, across the year end", () => {
    const r = jstMonthRange("2026-12");
    expect(r.gte.toISOString()).toBe("2026-11-30T15:00:00.000Z");
    expect(r.lt.toISOString()).toBe("2026-12-31T15:00:00.000Z");
    expect(nextMonth("2026-12")).toBe("2027-01");
  });

  it("lists months and counts back from the JST month", () => {
    expect(monthList("2026-11", "2027-02")).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
    expect(monthList("2027-02", "2026-11")).toEqual([]);
    expect(monthsBack(11, new Date("2026-12-31T15:00:00Z"))).toBe("2026-02");
  });

  it("accepts only days that exist", () => {
    expect(isRealDate("2028-02-29")).toBe(true);
    expect(isRealDate("2026-02-29")).toBe(false);
    expect(isRealDate("2026-13-01")).toBe(false);
    expect(isRealDate("2026-1-05")).toBe(false);
  });
});
