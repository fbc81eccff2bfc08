/**
 * Calendar dates as `YYYY-MM-DD` strings. Validity periods, birth dates and quota periods are days on
 * the Chinese calendar, not instants, so they are compared as day numbers and never built from a
 * local-time `Date` (the server runs in UTC, phones in UTC+8).
 */
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const millisPerDay = 86_400_000;
const chinaOffsetMillis = 8 * 3_600_000;

/** Whether `year-month-day` exists on the calendar (rejects 1999-02-30, 2023-02-29). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isCalendarDate(value: string): boolean {
  const match = datePattern.exec(value);
  return match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Days since 1970-01-01 of a valid `YYYY-MM-DD`. */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / millisPerDay;
}

export function fromDayNumber(days: number): string {
  return new Date(days * millisPerDay).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Number of calendar days a from–to period covers, both ends included: 05-01 to 05-10 is 10 days. */
export function inclusiveDays(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from) + 1;
}

/** Today in China (UTC+8, no daylight saving), whatever the time zone of the machine. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + chinaOffsetMillis).toISOString().slice(0, 10);
}

/** `2026-12-02 05:21:33`: an instant as China's wall clock, for exports people read (not ISO/UTC). */
export function chinaDateTime(instant: Date): string {
  const china = new Date(instant.getTime() + chinaOffsetMillis).toISOString();
  return `${china.slice(0, 10)} ${china.slice(11, 19)}`;
}
