import { describe, expect, it } from '@jest/globals';
import {
  addDays,
  chinaDateTime,
  chinaToday,
  fromDayNumber,
  inclusiveDays,
  isCalendarDate,
  isoInstantOfSeconds,
} from './dates.js';
import { isQuotaPeriodKey, quotaPeriodKey, quotaPeriodRange } from './quota.js';

const dayOf = (date: string) => Date.parse(date) / 86_400_000;

describe('calendar dates', () => {
  it.each([
    ['2022-05-25', true],
    ['2000-02-29', true],
    ['2024-02-29', true],
    ['1999-02-30', false],
    ['1900-02-29', false],
    ['2023-02-29', false],
    ['2022-13-01', false],
    ['2022-04-31', false],
    ['2022-5-25', false],
    ['20220525', false],
  ])('%s is a date: %s', (date, expected) => {
    expect(isCalendarDate(date)).toBe(expected);
  });

  it('counts validity days with both ends included', () => {
    expect(inclusiveDays('2022-05-01', '2022-05-10')).toBe(10);
    expect(inclusiveDays('2022-05-01', '2022-05-01')).toBe(1);
    expect(inclusiveDays('2024-02-28', '2024-03-01')).toBe(3);
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
  });

  it('knows today in China whatever the machine time zone', () => {
    expect(chinaToday(new Date('2022-05-24T16:30:00Z'))).toBe('2022-05-25');
    expect(chinaToday(new Date('2022-05-24T15:59:59Z'))).toBe('2022-05-24');
    expect(chinaToday(new Date('1969-12-31T16:00:00Z'))).toBe('1970-01-01');
    expect(chinaToday(new Date('1969-12-31T15:59:59.999Z'))).toBe('1969-12-31');
  });

  it('writes a day number as ISO does, on every day of 1900–2300 and at the ends of four-digit years', () => {
    const iso = (days: number) => new Date(days * 86_400_000).toISOString().slice(0, 10);
    const days = [-719_528, -719_527, -719_469, -719_468, -1, 0, 1, 2_932_896, -719_529, 2_932_897, 10_000_000];
    for (let day = dayOf('1900-01-01'); day <= dayOf('2300-12-31'); day++) days.push(day);
    const wrong = days.filter((day) => fromDayNumber(day) !== iso(day));
    expect(wrong).toEqual([]);
    expect(fromDayNumber(0)).toBe('1970-01-01');
    expect(fromDayNumber(-719_528)).toBe('0000-01-01');
    expect(fromDayNumber(2_932_896)).toBe('9999-12-31');
  });

  it('writes whole seconds as toISOString does, at every second of a day and across the years', () => {
    const iso = (seconds: number) => new Date(seconds * 1000).toISOString();
    const seconds = [0, -1, 59, 60, 3599, 3600, 86_399, 86_400, 951_782_400, 4_102_444_799, 253_402_300_799];
    seconds.push(253_402_300_800, -62_167_219_200, -62_167_219_201);
    for (let s = 1_764_633_600; s < 1_764_633_600 + 86_400; s += 7) seconds.push(s);
    for (let s = -2_208_988_800; s < 10_413_792_000; s += 9_999_991) seconds.push(s);
    const wrong = seconds.filter((s) => isoInstantOfSeconds(s) !== iso(s));
    expect(wrong).toEqual([]);
  });
});

describe('quota periods', () => {
  it.each([
    ['2022-05-20', 'week', '2022-W20'],
    ['2022-01-01', 'week', '2021-W52'],
    ['2021-01-01', 'week', '2020-W53'],
    ['2024-12-30', 'week', '2025-W01'],
    ['2022-05-20', 'month', '2022-05'],
  ] as const)('%s falls in %s period %s', (date, period, key) => {
    expect(quotaPeriodKey(date, period)).toBe(key);
  });

  it('gives the days of a period', () => {
    expect(quotaPeriodRange('2020-W53')).toEqual({ period: 'week', from: '2020-12-28', to: '2021-01-03' });
    expect(quotaPeriodRange('2022-W20')).toEqual({ period: 'week', from: '2022-05-16', to: '2022-05-22' });
    expect(quotaPeriodRange('2024-02')).toEqual({ period: 'month', from: '2024-02-01', to: '2024-02-29' });
    expect(quotaPeriodRange('2024-12')).toEqual({ period: 'month', from: '2024-12-01', to: '2024-12-31' });
  });

  it.each(['2021-W53', '2022-W00', '2022-13', '2022-5', '2022W20'])('refuses the key %s', (key) => {
    expect(isQuotaPeriodKey(key)).toBe(false);
  });

  it('tells week keys from month keys', () => {
    expect(isQuotaPeriodKey('2022-05', 'month')).toBe(true);
    expect(isQuotaPeriodKey('2022-05', 'week')).toBe(false);
  });
});

describe('chinaDateTime', () => {
  it.each([
    ['2026-12-01T21:22:33.000Z', '2026-12-02 05:22:33'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01 00:00:00'],
    ['2026-12-01T15:59:59.999Z', '2026-12-01 23:59:59'],
  ])('shows %s as China wall-clock time %s', (iso, expected) => {
    expect(chinaDateTime(new Date(iso))).toBe(expected);
  });
});
