import { describe, expect, it } from '@jest/globals';
import { addWorkingDays, type HolidayCalendar, holidayYearSchema, isWorkingDay } from './holidays.js';

// 2026 National Day: 1–7 October off, Sunday 20 September and Saturday 10 October worked.
const calendar: HolidayCalendar = new Map([
  ['2026-09-20', 'workday'],
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => [`2026-10-${d}`, 'holiday'] as const),
  ['2026-10-10', 'workday'],
]);

describe('holiday calendar', () => {
  it('knows weekdays, holidays and 调休 weekends', () => {
    expect(isWorkingDay('2026-09-30', calendar)).toBe(true); // Wednesday
    expect(isWorkingDay('2026-10-01', calendar)).toBe(false); // Thursday, holiday
    expect(isWorkingDay('2026-10-10', calendar)).toBe(true); // Saturday, worked
    expect(isWorkingDay('2026-10-11', calendar)).toBe(false); // Sunday
    expect(isWorkingDay('2026-10-01')).toBe(true); // without a calendar only weekends rest
  });

  it('skips the holiday and counts the 调休 Saturday', () => {
    expect(addWorkingDays('2026-09-30', 1, calendar)).toBe('2026-10-08');
    expect(addWorkingDays('2026-09-30', 3, calendar)).toBe('2026-10-10');
    expect(addWorkingDays('2026-10-09', 1, calendar)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-18', 1, calendar)).toBe('2026-09-20'); // Friday → the worked Sunday
  });

  it('refuses a year with a date twice', () => {
    const day = { date: '2026-10-01', kind: 'holiday', name: '国庆节' };
    const result = holidayYearSchema.safeParse({ days: [day, day] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['days', 1, 'date'], message: '日期重复' });
  });
});
