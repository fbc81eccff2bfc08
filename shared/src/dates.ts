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

/** Day numbers of 0000-01-01 and 9999-12-31: within them a date is four digits of year, as ISO writes it. */
const firstFourDigitDay = -719_528;
const lastFourDigitDay = 2_932_896;

const twoDigits = (value: number) => (value < 10 ? `0${value}` : `${value}`);

/**
 * `YYYY-MM-DD` of a day number, by arithmetic (H. Hinnant's civil_from_days) rather than through a
 * `Date` and `toISOString`: every online verification formats a pass's two validity days, and the
 * `Date` round trip was the larger part of reading a token's payload (docs/scaling.md §6.7).
 * `dates.spec.ts` compares it with `toISOString` for every day of 1900–2300 and at the ends.
 */
export function fromDayNumber(days: number): string {
  if (!Number.isInteger(days) || days < firstFourDigitDay || days > lastFourDigitDay) {
    return new Date(days * millisPerDay).toISOString().slice(0, 10);
  }
  // Days from 0000-03-01, in 400-year eras of 146,097 days; March first, so that a leap day ends the year.
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${year < 1000 ? `000${year}`.slice(-4) : year}-${twoDigits(month)}-${twoDigits(day)}`;
}

/**
 * `YYYY-MM-DDTHH:MM:SS.000Z` of whole seconds since 1970, as `toISOString` writes it: a token's
 * `issuedAt`, read on every online verification (see fromDayNumber). `toISOString` beyond four-digit years.
 */
export function isoInstantOfSeconds(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  if (!Number.isInteger(seconds) || days < firstFourDigitDay || days > lastFourDigitDay) {
    return new Date(seconds * 1000).toISOString();
  }
  const inDay = seconds - days * 86_400;
  const time = `${twoDigits(Math.floor(inDay / 3600))}:${twoDigits(Math.floor(inDay / 60) % 60)}:${twoDigits(inDay % 60)}`;
  return `${fromDayNumber(days)}T${time}.000Z`;
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
  return fromDayNumber(Math.floor((now.getTime() + chinaOffsetMillis) / millisPerDay));
}

/** `2026-12-02 05:21:33`: an instant as China's wall clock, for exports people read (not ISO/UTC). */
export function chinaDateTime(instant: Date): string {
  const china = new Date(instant.getTime() + chinaOffsetMillis).toISOString();
  return `${china.slice(0, 10)} ${china.slice(11, 19)}`;
}
