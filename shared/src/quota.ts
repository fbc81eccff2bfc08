import { addDays, dayNumber, fromDayNumber, isCalendarDate } from './dates.js';
import type { QuotaPeriod } from './workflow/review-levels.js';

/**
 * Quota periods are named by keys: `2022-05` for a month, `2022-W21` for an ISO 8601 week (Monday to
 * Sunday; week 1 holds the year's first Thursday), so allocations and counters meet on one string.
 */
const monthKey = /^(\d{4})-(0[1-9]|1[0-2])$/;
const weekKey = /^(\d{4})-W(\d{2})$/;

/** Monday is 0. Day 0 (1970-01-01) was a Thursday. */
const isoWeekday = (days: number) => (((days + 3) % 7) + 7) % 7;

export function quotaPeriodKey(date: string, period: QuotaPeriod): string {
  if (period === 'month') return date.slice(0, 7);
  const days = dayNumber(date);
  const thursday = fromDayNumber(days - isoWeekday(days) + 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor((dayNumber(thursday) - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** First and last day of a period, or undefined for a malformed key (2022-13, 2021-W53). */
export function quotaPeriodRange(key: string): { period: QuotaPeriod; from: string; to: string } | undefined {
  const month = monthKey.exec(key);
  if (month) {
    const from = `${key}-01`;
    const nextMonth =
      Number(month[2]) === 12
        ? `${Number(month[1]) + 1}-01-01`
        : `${month[1]}-${String(Number(month[2]) + 1).padStart(2, '0')}-01`;
    return { period: 'month', from, to: addDays(nextMonth, -1) };
  }
  const week = weekKey.exec(key);
  if (!week || !isCalendarDate(`${week[1]}-01-04`)) return undefined;
  const january4 = dayNumber(`${week[1]}-01-04`);
  const from = fromDayNumber(january4 - isoWeekday(january4) + (Number(week[2]) - 1) * 7);
  if (Number(week[2]) < 1 || quotaPeriodKey(from, 'week') !== key) return undefined;
  return { period: 'week', from, to: addDays(from, 6) };
}

export function isQuotaPeriodKey(key: string, period?: QuotaPeriod): boolean {
  const range = quotaPeriodRange(key);
  return range !== undefined && (period === undefined || range.period === period);
}
