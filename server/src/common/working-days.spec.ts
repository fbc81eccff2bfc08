import { describe, expect, it } from '@jest/globals';
import { dueAfterWorkingDays } from './working-days.js';

describe('dueAfterWorkingDays', () => {
  it.each([
    // [received at (UTC), working days, due at (UTC)]
    ['2022-05-16T02:00:00Z', 1, '2022-05-17T16:00:00.000Z'], // Monday 10:00 → end of Tuesday
    ['2022-05-20T02:00:00Z', 1, '2022-05-23T16:00:00.000Z'], // Friday → end of Monday
    ['2022-05-21T02:00:00Z', 1, '2022-05-23T16:00:00.000Z'], // Saturday → end of Monday
    ['2022-05-20T17:00:00Z', 1, '2022-05-23T16:00:00.000Z'], // Saturday 01:00 in China → end of Monday
    ['2022-05-18T02:00:00Z', 3, '2022-05-23T16:00:00.000Z'], // Wednesday + 3 → end of Monday
  ])('%s + %i working day(s) is due at %s', (from, days, due) => {
    expect(dueAfterWorkingDays(new Date(from), days).toISOString()).toBe(due);
  });

  it('skips public holidays and counts 调休 weekend days', () => {
    // 2026: 1–7 October off, Saturday 10 October worked.
    const calendar = new Map([
      ...['01', '02', '03', '04', '05', '06', '07'].map((d) => [`2026-10-${d}`, 'holiday'] as const),
      ['2026-10-10', 'workday'] as const,
    ]);
    // Wednesday 30 September + 1 → Thursday 8 October; + 3 → the worked Saturday.
    expect(dueAfterWorkingDays(new Date('2026-09-30T02:00:00Z'), 1, calendar).toISOString()).toBe(
      '2026-10-08T16:00:00.000Z',
    );
    expect(dueAfterWorkingDays(new Date('2026-09-30T02:00:00Z'), 3, calendar).toISOString()).toBe(
      '2026-10-10T16:00:00.000Z',
    );
  });
});
