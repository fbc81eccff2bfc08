import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, type CalendarDay, chinaToday, dayNumber } from '@pass/shared';
import { apiClient } from './support/api.js';
import { completeApplication, registerFleet, seedAndLogin, submitApplication } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const isSaturday = (date: string) => (((dayNumber(date) + 3) % 7) + 7) % 7 === 5;

describe('holiday calendar', () => {
  let t: TestApp;
  let users: Awaited<ReturnType<typeof seedAndLogin>>;

  beforeAll(async () => {
    t = await startTestApp();
    users = await seedAndLogin(t);
  }, 120_000);
  afterAll(() => t?.close());

  it('is seeded with the published 2026 calendar and the certain 2027 holidays', async () => {
    const res = await apiClient(t.url).get<CalendarDay[]>('/holidays?year=2026');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      expect.arrayContaining([
        { date: '2026-02-17', kind: 'holiday', name: '春节' },
        { date: '2026-10-10', kind: 'workday', name: '国庆节调休上班' },
      ]),
    );
    expect(res.body.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    const next = await apiClient(t.url).get<CalendarDay[]>('/holidays?year=2027');
    expect(next.body.map((d) => d.date)).toContain('2027-02-06');
    const bad = await apiClient(t.url).get('/holidays?year=twenty');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('lets only an admin replace a year, with dates of that year only', async () => {
    const day = { date: '2027-04-05', kind: 'holiday', name: '清明节' };
    expect((await users.districtOfficial.put('/admin/holidays/2027', { days: [day] })).status).toBe(403);
    const wrongYear = await users.admin.put('/admin/holidays/2026', { days: [day] });
    expect(wrongYear.status).toBe(400);
    expect(wrongYear.body.details[0].path).toBe('days.0.date');
    const current = (await apiClient(t.url).get<CalendarDay[]>('/holidays?year=2027')).body;
    const saved = await users.admin.put<CalendarDay[]>('/admin/holidays/2027', { days: [...current, day] });
    expect(saved.status).toBe(200);
    expect((await apiClient(t.url).get('/holidays?year=2027')).body).toContainEqual(day);
    const audit = await users.admin.get('/admin/audit?entityType=holidays');
    expect(audit.body[0]).toMatchObject({ action: 'holidays.update', entityId: '2027' });
  });

  it('counts a deadline past a holiday and on a 调休 Saturday', async () => {
    // Every day from tomorrow to the next Saturday is a holiday, that Saturday is worked.
    const today = chinaToday();
    const days: CalendarDay[] = [];
    let date = addDays(today, 1);
    while (!isSaturday(date)) {
      days.push({ date, kind: 'holiday', name: '测试假日' });
      date = addDays(date, 1);
    }
    const saturday = date;
    days.push({ date: saturday, kind: 'workday', name: '测试调休上班' });
    for (const year of new Set(days.map((d) => d.date.slice(0, 4)))) {
      const existing = (await apiClient(t.url).get<CalendarDay[]>(`/holidays?year=${year}`)).body.filter(
        (d) => !days.some((mine) => mine.date === d.date),
      );
      const res = await users.admin.put(`/admin/holidays/${year}`, {
        days: [...existing, ...days.filter((d) => d.date.startsWith(year))],
      });
      expect(res.status).toBe(200);
    }
    // Give every process's cached calendar time to expire.
    await new Promise((r) => setTimeout(r, 1_100));

    const fleet = await registerFleet(users.fleetManager, '苏A8H001', 880);
    const id = await submitApplication(users.fleetManager, completeApplication(fleet, 1, 5));
    const detail = await users.districtOfficial.get(`/reviews/${id}`);
    // Jiangsu: one working day, due at 24:00 China time of that day.
    expect(detail.body.dueAt).toBe(`${saturday}T16:00:00.000Z`);
  });
});
