import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotificationEvent } from '@pass/shared';
import { DataSource } from 'typeorm';
import { NotificationsService } from '../src/notifications/notifications.service.js';
import { OutboxMessageEntity } from '../src/notifications/outbox-message.entity.js';
import { seedAndLogin } from './support/fixtures.js';
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
  /** Two of the demo's accounts: the recipients, read by the service from the audience as in the app. */
  let a: string;
  let b: string;

  beforeAll(async () => {
    t = await startTestApp({ NOTIFY_WORKER: 'false', NOTIFY_SMS_EVENTS: 'pass.expiring' });
    await seedAndLogin(t);
    dataSource = t.app.get(DataSource);
    notifications = t.app.get(NotificationsService);
    [a, b] = ((await dataSource.query('SELECT id FROM accounts ORDER BY id')) as { id: string }[]).map((r) => r.id);
  });

  afterAll(async () => {
    await t?.close();
  });

  // Each test's own text, so that only its rows are counted (the demo's seeding notifies too).
  const notice = (body: string, accountIds: string[], onceKey?: string) => ({
    event: NotificationEvent.PassExpiring,
    audience: { accountIds },
    title: '通行证即将到期',
    body,
    onceKey,
  });
  const rowsOf = (body: string) => dataSource.getRepository(OutboxMessageEntity).findBy({ body });
  const tell = (n: ReturnType<typeof notice>) => dataSource.transaction((tx) => notifications.enqueue(tx, n));

  it('a keyed notice told again writes only the rows of recipients not told before, and fails nothing', async () => {
    const key = `pass-expiring:${randomUUID()}`;
    const body = `苏A12345 的通行证将于明日到期。${key}`;
    await tell(notice(body, [a], key));
    // The scan's next run: a has been told (in-app and SMS), b is new.
    await tell(notice(body, [a, b], key));
    await tell(notice(body, [b, a], key));
    const rows = await rowsOf(body);
    expect(rows.map((r) => `${r.accountId === a ? 'a' : 'b'} ${r.channel} ${r.onceKey}`).sort()).toEqual(
      [
        `a in_app ${key}|${a}|in_app`,
        `a sms ${key}|${a}|sms`,
        `b in_app ${key}|${b}|in_app`,
        `b sms ${key}|${b}|sms`,
      ].sort(),
    );
  });

  it('a notice without a key is written every time it is told', async () => {
    const body = `苏A12345 的通行证将于明日到期。${randomUUID()}`;
    for (let i = 0; i < 2; i++) await tell(notice(body, [a]));
    expect((await rowsOf(body)).map((r) => [r.channel, r.onceKey]).sort()).toEqual([
      ['in_app', null],
      ['in_app', null],
      ['sms', null],
      ['sms', null],
    ]);
  });
});
