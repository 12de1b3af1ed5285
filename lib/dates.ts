// Dates the way the desk counts them: calendar days and months in Japan (JST, UTC+9 with no
// daylight saving), whatever zone the server runs in. Two kinds of value leave this module:
// instants (a Date at 00:00 JST, for timestamps such as arrivedAt or audit `at`) and
// date-only values (a Date at 00:00 UTC of the day itself, which is how Prisma reads and
// writes a `@db.Date` column). docs/design.md §8 says which columns are which.

export const JST_ZONE = "Asia/Tokyo";
export const DAY_MS = 24 * 60 * 60 * 1000;

/** yyyy-mm-dd, the shape of every date field in forms, URLs and the API. */
export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** yyyy-mm with a real month, as the reports and fee filters take it. */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: JST_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Calendar date in Japan as yyyy-mm-dd, so "today" changes at midnight JST. */
export function jstDate(d: Date): string {
  return dayFormat.format(d);
}

/** Calendar month in Japan as yyyy-mm. */
export function jstMonth(d: Date): string {
  return jstDate(d).slice(0, 7);
}

/** yyyy-mm-dd as the instant it starts in Japan (00:00 JST). */
export function jstMidnight(date: string): Date {
  return new Date(`${date}T00:00:00+09:00`);
}

/** The instant the JST day yyyy-mm-dd ends: the exclusive upper bound of a "to" filter. */
export function jstDayEnd(date: string): Date {
  return new Date(jstMidnight(date).getTime() + DAY_MS);
}

/** The months from yyyy-mm `from` through `to` as the half-open range of instants they cover in Japan. */
export function jstMonthRange(from: string, to: string = from): { gte: Date; lt: Date } {
  return { gte: jstMidnight(`${from}-01`), lt: jstMidnight(`${nextMonth(to)}-01`) };
}

/**
 * The same range as UTC wall-clock text for raw SQL (`${start}::timestamp`). Prisma keeps UTC in
 * `timestamp without time zone`, so the bound must not carry a zone either; comparing the stored
 * column itself lets its index serve the query, where formatting every row's date cannot (ADR 0019).
 */
export function jstMonthRangeSql(from: string, to: string = from): { start: string; end: string } {
  const r = jstMonthRange(from, to);
  return { start: r.gte.toISOString().slice(0, 23), end: r.lt.toISOString().slice(0, 23) };
}

/** For `@db.Date` columns (a calendar day, no zone): ["from-01", "month after to-01"). */
export function monthDayRange(from: string, to: string = from): { start: string; end: string } {
  return { start: `${from}-01`, end: `${nextMonth(to)}-01` };
}

/** yyyy-mm-dd as a `@db.Date` value (UTC midnight of the day itself). */
export function dateOnly(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** Today in Japan as a `@db.Date` value. */
export function jstToday(now: Date = new Date()): Date {
  return dateOnly(jstDate(now));
}

/** True when yyyy-mm-dd names a day that exists (not 2026-02-30). */
export function isRealDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === mo - 1 && day.getUTCDate() === d;
}

/** The month after yyyy-mm. */
export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7);
}

/** The JST month `n` months before the one `now` falls in, as yyyy-mm. */
export function monthsBack(n: number, now: Date = new Date()): string {
  const [y, m] = jstDate(now).split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 - n, 1)).toISOString().slice(0, 7);
}

/** Every month from `from` to `to` inclusive (yyyy-mm); capped at 20 years so bad input cannot spin. */
export function monthList(from: string, to: string): string[] {
  const out: string[] = [];
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  for (let i = 0; i < 240; i++) {
    const m = new Date(Date.UTC(fy, fm - 1 + i, 1)).toISOString().slice(0, 7);
    if (m > to) break;
    out.push(m);
  }
  return out;
}
