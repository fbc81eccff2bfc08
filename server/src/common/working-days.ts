import { addDays, chinaToday, dayNumber } from '@pass/shared';

/** Monday is 0; 1970-01-01 was a Thursday. */
const weekday = (date: string) => (((dayNumber(date) + 3) % 7) + 7) % 7;

/**
 * The end (24:00 China time) of the `workingDays`-th working day after `from`'s China date: a deadline
 * of one working day for an application in on Friday falls due at the end of Monday. Public
 * holidays are not known here, so they count as working days (stricter, never later).
 */
export function dueAfterWorkingDays(from: Date, workingDays: number): Date {
  let date = chinaToday(from);
  for (let left = workingDays; left > 0; ) {
    date = addDays(date, 1);
    if (weekday(date) < 5) left--;
  }
  // 24:00 in UTC+8 is 16:00 UTC of the same date.
  return new Date(`${date}T16:00:00.000Z`);
}
