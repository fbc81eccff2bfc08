import { addDays, dayNumber } from './dates.js';
import { calendarDateField, textField } from './schemas/fields.js';
import { z } from './zod.js';

/**
 * The State Council's holiday calendar: public holidays (放假) and the weekend days worked in exchange
 * (调休上班). Published each year, so it is data an admin keeps, not a rule in code.
 */
export const CalendarDayKind = { Holiday: 'holiday', Workday: 'workday' } as const;
export type CalendarDayKind = (typeof CalendarDayKind)[keyof typeof CalendarDayKind];

export const calendarDayKindNames: Record<CalendarDayKind, string> = {
  holiday: '放假',
  workday: '调休上班',
};

export const calendarDaySchema = z.object({
  date: calendarDateField('日期'),
  kind: z.enum(CalendarDayKind, '请选择放假或调休上班'),
  name: textField('节日名称', 1, 30),
});

export type CalendarDay = z.output<typeof calendarDaySchema>;

/** `PUT /api/admin/holidays/:year`: the whole year at once, each date of that year once. */
export const holidayYearSchema = z
  .object({ days: z.array(calendarDaySchema).max(120, '一年最多120个特殊日期') })
  .superRefine(({ days }, ctx) => {
    const seen = new Set<string>();
    days.forEach((day, i) => {
      if (seen.has(day.date)) {
        ctx.addIssue({ code: 'custom', path: ['days', i, 'date'], message: '日期重复' });
      }
      seen.add(day.date);
    });
  });

/** A year in a path or query; typed as what a client may send, text or a number. */
export const holidayYearParamSchema = z.coerce
  .number<string | number>('年份无效')
  .int('年份无效')
  .min(2000, '年份无效')
  .max(2100, '年份无效');

export const holidayQuerySchema = z.object({ year: holidayYearParamSchema.optional() });

/** Special days by date. */
export type HolidayCalendar = ReadonlyMap<string, CalendarDayKind>;

/** Monday is 0; 1970-01-01 was a Thursday. */
const weekday = (date: string) => (((dayNumber(date) + 3) % 7) + 7) % 7;

/** Monday to Friday unless a holiday; Saturday or Sunday only when it is a 调休 working day. */
export function isWorkingDay(date: string, calendar: HolidayCalendar = new Map()): boolean {
  const special = calendar.get(date);
  if (special) return special === CalendarDayKind.Workday;
  return weekday(date) < 5;
}

/** The `count`-th working day after `date` (`YYYY-MM-DD`). */
export function addWorkingDays(date: string, count: number, calendar: HolidayCalendar = new Map()): string {
  let day = date;
  for (let left = count; left > 0; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, calendar)) left--;
  }
  return day;
}
