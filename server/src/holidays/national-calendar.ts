import type { CalendarDay } from '@pass/shared';

const days = (from: string, to: string, name: string): CalendarDay[] => {
  const out: CalendarDay[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    out.push({ date: d.toISOString().slice(0, 10), kind: 'holiday', name });
  }
  return out;
};
const workday = (date: string, name: string): CalendarDay => ({ date, kind: 'workday', name: `${name}调休上班` });

/**
 * 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), as published: each holiday and each
 * weekend day worked in exchange.
 */
export const calendar2026: CalendarDay[] = [
  ...days('2026-01-01', '2026-01-03', '元旦'),
  workday('2026-01-04', '元旦'),
  workday('2026-02-14', '春节'),
  ...days('2026-02-15', '2026-02-23', '春节'),
  workday('2026-02-28', '春节'),
  ...days('2026-04-04', '2026-04-06', '清明节'),
  ...days('2026-05-01', '2026-05-05', '劳动节'),
  workday('2026-05-09', '劳动节'),
  ...days('2026-06-19', '2026-06-21', '端午节'),
  workday('2026-09-20', '国庆节'),
  ...days('2026-09-25', '2026-09-27', '中秋节'),
  ...days('2026-10-01', '2026-10-07', '国庆节'),
  workday('2026-10-10', '国庆节'),
];

/**
 * 2027's notice was not yet published when this was written: only the statutory holidays whose dates
 * are certain (全国年节及纪念日放假办法: 元旦 1 January, 春节 除夕 to 初三, 劳动节 1–2 May, 国庆节
 * 1–3 October). The admin adds the rest, and the 调休 days, from the notice on the holiday screen.
 */
export const calendar2027Statutory: CalendarDay[] = [
  ...days('2027-01-01', '2027-01-01', '元旦'),
  ...days('2027-02-05', '2027-02-08', '春节'),
  ...days('2027-05-01', '2027-05-02', '劳动节'),
  ...days('2027-10-01', '2027-10-03', '国庆节'),
];
