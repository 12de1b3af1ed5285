// Month ranges in Japan time as bounds on the stored columns. Prisma keeps UTC in
// `timestamp without time zone`, so a JST month is a half-open range of UTC wall times:
// a query that compares the column itself can use its index, where one that formats every
// row's date (to_char(…) BETWEEN …) reads the whole table (issue 19.3, ADR 0019).

/** The month after "YYYY-MM". */
export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** [start of `from`, start of the month after `to`) in JST, as instants. */
export function jstMonthRange(from: string, to: string = from): { gte: Date; lt: Date } {
  return { gte: new Date(`${from}-01T00:00:00+09:00`), lt: new Date(`${nextMonth(to)}-01T00:00:00+09:00`) };
}

/**
 * The same range as UTC wall-clock text for raw SQL (`${start}::timestamp`): the columns have
 * no time zone, so the bound must not carry one either.
 */
export function jstMonthRangeSql(from: string, to: string = from): { start: string; end: string } {
  const r = jstMonthRange(from, to);
  return { start: r.gte.toISOString().slice(0, 23), end: r.lt.toISOString().slice(0, 23) };
}

/** For `date` columns (a payment's day is a calendar day, no time zone): ["from-01", "next-01"). */
export function monthDayRange(from: string, to: string = from): { start: string; end: string } {
  return { start: `${from}-01`, end: `${nextMonth(to)}-01` };
}
