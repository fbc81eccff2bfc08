import { describe, expect, it } from '@jest/globals';
import type { ApplicationEventView } from '../api/views.js';
import { applicationTimeline } from './timeline.js';

let serial = 0;
const event = (
  action: string,
  fromStatus: ApplicationEventView['fromStatus'],
  toStatus: ApplicationEventView['toStatus'],
  more: Partial<ApplicationEventView> = {},
): ApplicationEventView => ({
  id: `e${++serial}`,
  at: `2026-12-0${Math.min(9, serial)}T01:00:00.000Z`,
  action,
  fromStatus,
  toStatus,
  actorRole: 'fleet_manager',
  actorName: '张经理',
  jurisdictionCode: null,
  reviewLevel: null,
  actorDepartment: null,
  comment: null,
  fieldsToFix: [],
  ...more,
});

const district = { level: 'district', jurisdictionCode: '320115' } as const;
const city = { level: 'city', jurisdictionCode: '320100' } as const;
const official = { actorRole: 'official', jurisdictionCode: '320115', reviewLevel: 'district' } as const;

describe('application timeline', () => {
  it('shows each step once, with no status that repeats its title, then the steps to come', () => {
    const events = [
      event('create', null, 'draft'),
      event('edit', 'draft', 'draft'),
      event('edit', 'draft', 'draft'),
      event('submit', 'draft', 'submitted'),
      event('return', 'submitted', 'returned', { ...official, comment: '收货单位地址不全' }),
      event('edit', 'returned', 'returned'),
      event('edit', 'returned', 'returned'),
    ];
    const items = applicationTimeline(events, {
      status: 'returned',
      reviewSteps: [district, city],
      reviewLevelIndex: 0,
      dueAt: null,
    });
    expect(items.map((i) => (i.kind === 'done' ? [i.title, i.status] : [i.title, i.current]))).toEqual([
      ['创建申请', '草稿'],
      ['修改', null],
      ['提交', '待受理'],
      ['退回修改', null],
      ['修改', null],
      ['待申请人修改后重新提交', true],
      ['待江苏省南京市江宁区审核', false],
      ['待江苏省南京市审核', false],
      ['签发通行证', false],
    ]);
    // The later of the repeated saves is the one kept.
    expect(items[1]).toMatchObject({ event: { id: events[2]!.id } });
    expect(items[3]).toMatchObject({ office: '江苏省南京市江宁区' });
  });

  it('puts the deadline on the step awaited now and nothing after a final decision', () => {
    const awaiting = applicationTimeline([event('approve', 'submitted', 'under_review', official)], {
      status: 'under_review',
      reviewSteps: [district, city],
      reviewLevelIndex: 1,
      dueAt: '2026-12-10T09:00:00.000Z',
    });
    expect(awaiting.slice(1)).toEqual([
      { kind: 'next', title: '待江苏省南京市审核', current: true, dueAt: '2026-12-10T09:00:00.000Z' },
      { kind: 'next', title: '签发通行证', current: false, dueAt: null },
    ]);
    const approved = applicationTimeline([event('approve', 'under_review', 'approved', official)], {
      status: 'approved',
      reviewSteps: [district, city],
      reviewLevelIndex: 1,
      dueAt: null,
    });
    expect(approved).toHaveLength(1);
    expect(approved[0]).toMatchObject({ title: '审核通过', status: '已发证' });
  });
});
