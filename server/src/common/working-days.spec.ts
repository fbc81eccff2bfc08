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
});
