import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotificationEvent } from '@pass/shared';
import { DataSource, In } from 'typeorm';
import { NotificationsService } from '../src/notifications/notifications.service.js';
import { OutboxMessageEntity } from '../src/notifications/outbox-message.entity.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { testDatabaseKind } from './support/test-database.js';

/**
 * A scheduled scan tells of what it finds on every run; the notice's once-key makes the second telling
 * write nothing. Both kinds of notice go through the one plain insert (insertRows), the keyed ones
 * skipping duplicates row by row.
 */
describe(`notices with and without a once-key, on ${testDatabaseKind}`, () => {
  let t: TestApp;
  let dataSource: DataSource;
  let notifications: NotificationsService;

  beforeAll(async () => {
    t = await startTestApp({ NOTIFY_WORKER: 'false', NOTIFY_SMS_EVENTS: 'pass.expiring' });
    dataSource = t.app.get(DataSource);
    notifications = t.app.get(NotificationsService);
  });

  afterAll(async () => {
    await t?.close();
  });

  const recipient = () => ({ id: randomUUID(), phone: `139${String(Date.now()).slice(-8)}`, wechatOpenid: null });
  const notice = (onceKey?: string) => ({
    event: NotificationEvent.PassExpiring,
    audience: { accountIds: [] },
    title: '通行证即将到期',
    body: '苏A12345 的通行证将于明日到期。',
    onceKey,
  });
  const rowsOf = (accounts: string[]) =>
    dataSource.getRepository(OutboxMessageEntity).findBy({ accountId: In(accounts) });

  it('a keyed notice told again writes only the rows of recipients not told before, and fails nothing', async () => {
    const [a, b] = [recipient(), recipient()];
    const key = `pass-expiring:${randomUUID()}`;
    await dataSource.transaction((tx) => notifications.enqueueTo(tx, notice(key), [a]));
    // The scan's next run: a has been told (in-app and SMS), b is new.
    await dataSource.transaction((tx) => notifications.enqueueTo(tx, notice(key), [a, b]));
    await dataSource.transaction((tx) => notifications.enqueueTo(tx, notice(key), [b, a]));
    const rows = await rowsOf([a.id, b.id]);
    expect(rows.map((r) => `${r.accountId === a.id ? 'a' : 'b'} ${r.channel} ${r.onceKey}`).sort()).toEqual(
      [
        `a in_app ${key}|${a.id}|in_app`,
        `a sms ${key}|${a.id}|sms`,
        `b in_app ${key}|${b.id}|in_app`,
        `b sms ${key}|${b.id}|sms`,
      ].sort(),
    );
  });

  it('a notice without a key is written every time it is told', async () => {
    const a = recipient();
    for (let i = 0; i < 2; i++) await dataSource.transaction((tx) => notifications.enqueueTo(tx, notice(), [a]));
    expect((await rowsOf([a.id])).map((r) => [r.channel, r.onceKey]).sort()).toEqual([
      ['in_app', null],
      ['in_app', null],
      ['sms', null],
      ['sms', null],
    ]);
  });
});
