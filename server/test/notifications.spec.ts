import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotificationEvent } from '@pass/shared';
import { DataSource } from 'typeorm';
import { NotificationsService } from '../src/notifications/notifications.service.js';
import { type ApiClient, apiClient, firstSignIn, loginAs } from './support/api.js';
import { execute, queryRows } from './support/database-rows.js';
import { eventually } from './support/eventually.js';
import { type FakeWechat, startFakeWechat } from './support/fake-wechat.js';
import { completeApplication, demoPhones, registerFleet, seedAndLogin, submitApplication } from './support/fixtures.js';
import { type ServerProcess, startServerProcess } from './support/server-process.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from './support/test-database.js';

const templateOf = (event: string) => `T_${event.replace('.', '_')}`;
const templates = JSON.stringify(Object.fromEntries(Object.values(NotificationEvent).map((e) => [e, templateOf(e)])));

async function allNotifications(client: ApiClient): Promise<any[]> {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const res: { status: number; body: any } = await client.get(
      `/notifications?limit=5${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

function countBy(events: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of events) counts[e] = (counts[e] ?? 0) + 1;
  return counts;
}

/** The number of arrivals a queue digest reports ("新增 N 件"). */
const digestCount = (body: string) => Number(/新增 (\d+) 件/.exec(body)?.[1] ?? Number.NaN);

describe(`the message centre on ${testDatabaseKind}`, () => {
  let t: TestApp;
  let as: Awaited<ReturnType<typeof seedAndLogin>>;

  beforeAll(async () => {
    t = await startTestApp({
      NOTIFY_POLL_MS: '100',
      NOTIFY_DIGEST_MS: '500',
      PROVINCE_SETTINGS: JSON.stringify({ approvalChain: ['district'] }),
    });
    as = await seedAndLogin(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('writes no message when the change it reports rolls back', async () => {
    const notifications = t.app.get(NotificationsService);
    const dataSource = t.app.get(DataSource);
    const before = await queryRows<{ n: number }>(t.database, 'SELECT COUNT(*) AS n FROM notification_outbox');
    const accountId = (await as.fleetManager.get('/auth/me')).body.id;
    await expect(
      dataSource.transaction(async (manager) => {
        await notifications.enqueue(manager, {
          event: NotificationEvent.PassRevoked,
          audience: { accountIds: [accountId] },
          title: '不应出现',
          body: '回滚',
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const after = await queryRows<{ n: number }>(t.database, 'SELECT COUNT(*) AS n FROM notification_outbox');
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n));
  });

  it('shows each account its own messages, newest first, paged, and marks them read; nobody else’s', async () => {
    const fleet = await registerFleet(as.fleetManager, '苏A7N001', 7001);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = await submitApplication(as.fleetManager, completeApplication({ ...fleet }, i * 6, 5));
      await as.districtOfficial.post(`/reviews/${id}/decision`, { decision: 'return', reason: `材料不全${i}` });
      ids.push(id);
    }
    let items: any[] = [];
    await eventually(async () => {
      items = await allNotifications(as.fleetManager);
      expect(items.filter((n) => n.event === 'application.returned')).toHaveLength(3);
    });
    const returned = items.filter((n) => n.event === 'application.returned');
    expect(returned.map((n) => n.body)).toEqual([2, 1, 0].map((i) => expect.stringContaining(`材料不全${i}`)));
    expect(returned[0]).toMatchObject({ title: '申请被退回修改', read: false, link: expect.stringContaining(ids[2]!) });
    const unread = (await as.fleetManager.get('/notifications/unread-count')).body.unread;
    expect(unread).toBeGreaterThanOrEqual(3);

    // Another role's account, or no account, cannot see or mark it.
    for (const other of [as.districtOfficial, as.admin, as.checkpointStaff, as.cityOfficial]) {
      expect((await allNotifications(other)).map((n) => n.id)).not.toContain(returned[0].id);
      const denied = await other.post(`/notifications/${returned[0].id}/read`);
      expect(denied.status).toBe(404);
      expect(denied.body.code).toBe('NOT_FOUND');
    }
    expect((await apiClient(t.url).get('/notifications')).status).toBe(401);
    expect((await apiClient(t.url).post(`/notifications/${returned[0].id}/read`)).status).toBe(401);
    expect((await as.fleetManager.get('/notifications/unread-count')).body.unread).toBe(unread);

    const read = await as.fleetManager.post(`/notifications/${returned[0].id}/read`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: returned[0].id, read: true });
    expect((await as.fleetManager.get('/notifications/unread-count')).body.unread).toBe(unread - 1);
    expect((await as.fleetManager.post('/notifications/read-all')).body).toEqual({ unread: 0 });
    expect((await allNotifications(as.fleetManager)).every((n) => n.read)).toBe(true);

    // The officials heard of the arrivals as digests.
    await eventually(async () => {
      const digests = (await allNotifications(as.districtOfficial)).filter((n) => n.event === 'queue.new');
      expect(digests.reduce((sum, n) => sum + digestCount(n.body), 0)).toBe(3);
    });
  });

  it('refuses malformed cursors and limits with 400, an unknown id with 404, never 500', async () => {
    for (const path of ['/notifications?cursor=%21%21', '/notifications?limit=0', '/notifications?limit=abc']) {
      const res = await as.fleetManager.get(path);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    // A malformed id is an unknown one, as on every other route.
    const res = await as.fleetManager.post('/notifications/not-a-uuid/read');
    expect(res.status).toBe(404);
    expect((await as.fleetManager.post(`/notifications/${randomUUID()}/read`)).status).toBe(404);
  });

  it('answers the templates a role is asked to subscribe to (none configured here)', async () => {
    expect((await as.fleetManager.get('/notifications/subscribe-templates')).body).toEqual({ templateIds: [] });
  });
});

describe(`every notification event end to end, two server processes and a crash, on ${testDatabaseKind}`, () => {
  let database: TestDatabase;
  let dataDir: string;
  let wechat: FakeWechat;
  let env: Record<string, string>;
  let servers: ServerProcess[] = [];
  let fleetManager: ApiClient;
  let district: ApiClient;
  let city: ApiClient;
  let admin: ApiClient;

  const start = async () => {
    servers = [await startServerProcess(env)];
    servers.push(await startServerProcess(env));
    const [a, b] = servers.map((s) => s.url) as [string, string];
    fleetManager = await loginAs(a, demoPhones.fleetManager);
    district = await loginAs(b, demoPhones.districtOfficial);
    city = await loginAs(a, demoPhones.cityOfficial);
    admin = await loginAs(b, demoPhones.admin);
  };

  beforeAll(async () => {
    wechat = await startFakeWechat();
    database = await createTestDatabase();
    dataDir = database.kind === 'sqlite' ? database.env.DATA_DIR! : mkdtempSync(join(tmpdir(), 'pass-notify-'));
    env = {
      DATA_DIR: dataDir,
      ...database.env,
      SEED_DEMO: 'true',
      PROVINCE_SETTINGS: JSON.stringify({ approvalChain: ['district'], autoSupersede: true }),
      WECHAT_APP_ID: 'wx-test',
      WECHAT_APP_SECRET: 'secret',
      WECHAT_API_BASE: wechat.url,
      WECHAT_SUBSCRIBE_TEMPLATES: templates,
      NOTIFY_POLL_MS: '150',
      NOTIFY_LEASE_MS: '6000',
      NOTIFY_RETRY_BASE_MS: '300',
      NOTIFY_DIGEST_MS: '1500',
      NOTIFY_SCAN_MS: '400',
      NOTIFY_SMS_EVENTS: 'pass.revoked',
    };
    await start();
    for (const [phone, code] of [
      [demoPhones.fleetManager, 'c-fleet'],
      [demoPhones.districtOfficial, 'c-district'],
    ] as const) {
      const bind = await apiClient(servers[0]!.url).post('/auth/wechat/bind', { code, phone, password: 'demo1234' });
      expect(bind.status).toBe(200);
    }
  }, 240_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await wechat?.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('tells each event once, in-app and by WeChat, across a crash of both processes mid-delivery', async () => {
    // The first issuance's WeChat message is held unanswered; the first rejection is refused once (retried).
    let holdNext = true;
    let refuseNext = true;
    wechat.behaviour = (m) => {
      if (m.template_id === templateOf('pass.issued') && holdNext) {
        holdNext = false;
        return 'hold';
      }
      if (m.template_id === templateOf('application.rejected') && refuseNext) {
        refuseNext = false;
        return { errcode: -1 };
      }
      return 'accept';
    };
    const plates = ['苏A7N101', '苏A7N102', '苏A7N103', '苏A7N104'];
    const [a, b, c, d] = await Promise.all(plates.map((p, i) => registerFleet(fleetManager, p, 7100 + i * 2)));
    const approve = async (id: string) => {
      const res = await district.post(`/reviews/${id}/decision`, { decision: 'approve' });
      expect(res.body.status).toBe('approved');
      return res.body.passId as string;
    };

    // Returned, then resubmitted and issued (pass 1).
    const app1 = await submitApplication(fleetManager, completeApplication(a!, 0, 10));
    expect(
      (await district.post(`/reviews/${app1}/decision`, { decision: 'return', reason: '证明材料不清晰' })).status,
    ).toBe(200);
    expect((await fleetManager.post(`/applications/${app1}/resubmit`)).status).toBe(200);
    const pass1 = await approve(app1);

    // The issuance's WeChat call is in flight when both processes die.
    await wechat.held;
    await Promise.all(servers.map((s) => s.crash()));
    await start();

    // Rejected.
    const app2 = await submitApplication(fleetManager, completeApplication(b!, 0, 5));
    expect(
      (await district.post(`/reviews/${app2}/decision`, { decision: 'reject', reason: '不属于重点物资' })).status,
    ).toBe(200);
    // Issued again for the same vehicle: pass 1 superseded; the new pass then revoked.
    const pass3 = await approve(await submitApplication(fleetManager, completeApplication(a!, 1, 10)));
    expect((await district.post(`/passes/${pass3}/revoke`, { reason: '车辆信息有误' })).status).toBe(200);
    // A one-day pass: ends at 24:00 tonight, within 24 hours.
    const pass4 = await approve(await submitApplication(fleetManager, completeApplication(c!, 0, 1)));
    // Left in the queue past its deadline.
    const app5 = await submitApplication(fleetManager, completeApplication(d!, 0, 5));
    await execute(database, 'UPDATE applications SET due_at = ? WHERE id = ?', ['2026-01-01 00:00:00.000', app5]);
    // Pass 4 at Nanjing and, half an hour later, near Shanghai: a clone.
    const nanjing = (await (await loginAs(servers[0]!.url, demoPhones.checkpointStaff)).get('/auth/me')).body
      .checkpointId;
    const shanghai = (
      await admin.post('/admin/checkpoints', {
        code: 'SH-G2-77',
        name: '沪宁高速安亭卡口',
        regionCode: '310114',
        latitude: 31.29,
        longitude: 121.16,
      })
    ).body.id;
    await admin.post('/admin/accounts', {
      role: 'checkpoint_staff',
      name: '卡口民警',
      phone: '13700000077',
      password: 'Gate2022tmp',
      checkpointId: shanghai,
    });
    const gate = await firstSignIn(servers[1]!.url, '13700000077', 'Gate2022tmp', 'Gate2022ok');
    const passNumber = (await fleetManager.get(`/passes/${pass4}`)).body.passNumber;
    const scan = (checkpointId: string, scannedAt: string) => ({
      records: [{ id: randomUUID(), passNumber, checkpointId, scannedAt, result: 'valid', direction: 'inbound' }],
    });
    await (await loginAs(servers[0]!.url, demoPhones.checkpointStaff)).post(
      '/scans',
      scan(nanjing, '2026-02-01T08:00:00+08:00'),
    );
    await gate.post('/scans', scan(shanghai, '2026-02-01T08:30:00+08:00'));

    const expectedFleet = {
      'application.returned': 1,
      'application.rejected': 1,
      'pass.issued': 3,
      'pass.superseded': 1,
      'pass.revoked': 1,
      'pass.expiring': 1,
    };
    // Arrivals in the district's queue: app1 twice (submitted, resubmitted), the four others once.
    const arrivals = 6;
    await eventually(async () => {
      const pending = await queryRows<{ n: number }>(
        database,
        "SELECT COUNT(*) AS n FROM notification_outbox WHERE status = 'pending'",
      );
      expect(Number(pending[0]!.n)).toBe(0);
      expect(countBy((await allNotifications(fleetManager)).map((n) => n.event))).toEqual(expectedFleet);
    }, 60_000);

    // A pass's message names its plate, number and what happened, and opens the pass.
    const revoked = (await allNotifications(fleetManager)).find((n) => n.event === 'pass.revoked');
    expect(revoked).toMatchObject({ title: '通行证已撤销', link: `/packages/pass/pages/detail/index?id=${pass3}` });
    expect(revoked?.body).toMatch(/^\S+ 的通行证 \d{12} 已撤销，不能再使用。原因：车辆信息有误$/);

    // In-app: once each, whatever process delivered it, crash or not.
    const districtItems = await allNotifications(district);
    const districtEvents = countBy(districtItems.map((n) => n.event));
    expect(districtEvents).toMatchObject({ 'application.overdue': 1, 'pass.clone_alert': 1 });
    const digested = districtItems.filter((n) => n.event === 'queue.new').reduce((s, n) => s + digestCount(n.body), 0);
    expect(digested).toBe(arrivals);
    expect(countBy((await allNotifications(city)).map((n) => n.event))).toEqual({ 'pass.clone_alert': 1 });
    expect((await allNotifications(admin)).length).toBe(0);

    // WeChat: each delivered once; the held call (never answered) was sent again after the crash.
    const byTemplate = (openid: string) =>
      countBy(wechat.delivered.filter((m) => m.touser === openid).map((m) => m.template_id));
    expect(byTemplate('o-fleet')).toEqual(
      Object.fromEntries(Object.entries(expectedFleet).map(([e, n]) => [templateOf(e), n])),
    );
    const districtWechat = byTemplate('o-district');
    expect(districtWechat).toMatchObject({
      [templateOf('application.overdue')]: 1,
      [templateOf('pass.clone_alert')]: 1,
    });
    // The arrivals' WeChat rows are digested as their in-app rows are, but a digest is one claim's rows:
    // with two processes claiming, the two channels' rows can fall into different claims, so the
    // digests are counted by the arrivals they report, not matched one to one with the in-app ones.
    const wechatDigested = wechat.delivered
      .filter((m) => m.touser === 'o-district' && m.template_id === templateOf('queue.new'))
      .reduce((sum, m) => sum + digestCount(m.data.thing2!.value), 0);
    expect(wechatDigested).toBe(arrivals);
    expect(wechat.received.filter((m) => m.template_id === templateOf('pass.issued'))).toHaveLength(4);
    expect(wechat.received.filter((m) => m.template_id === templateOf('application.rejected'))).toHaveLength(2);
    expect(wechat.delivered.every((m) => m.data.thing1!.value.length <= 20 && m.data.thing2!.value.length <= 20)).toBe(
      true,
    );
    // The access token is fetched once per process and reused (four processes lived).
    expect(wechat.tokenCalls).toBeLessThanOrEqual(4);
    expect(wechat.badTokens).toBe(0);

    const rows = await queryRows<{ channel: string; status: string; attempts: number; event: string }>(
      database,
      'SELECT channel, status, attempts, event FROM notification_outbox',
    );
    expect(rows.filter((r) => r.status !== 'delivered')).toEqual([]);
    expect(rows.filter((r) => r.channel === 'sms').map((r) => r.event)).toEqual(['pass.revoked']);
    expect(
      rows.filter((r) => r.event === 'application.rejected' && r.channel === 'wechat').map((r) => Number(r.attempts)),
    ).toEqual([1]);

    // The scans run again and again: still one expiring and one overdue message.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(countBy((await allNotifications(fleetManager)).map((n) => n.event))['pass.expiring']).toBe(1);
    expect(countBy((await allNotifications(district)).map((n) => n.event))['application.overdue']).toBe(1);
    expect(pass1).toBeTruthy();
  });
});
