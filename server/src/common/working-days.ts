import { addWorkingDays, chinaToday, type HolidayCalendar } from '@pass/shared';

/**
 * The end (24:00 China time) of the `workingDays`-th working day after `from`'s China date: a deadline
 * of one working day for an application in on Friday falls due at the end of Monday. Public holidays
 * of the calendar are skipped and its 调休 weekend days count.
 */
export function dueAfterWorkingDays(from: Date, workingDays: number, calendar: HolidayCalendar = new Map()): Date {
  const date = addWorkingDays(chinaToday(from), workingDays, calendar);
  // 24:00 in UTC+8 is 16:00 UTC of the same date.
  return new Date(`${date}T16:00:00.000Z`);
}
