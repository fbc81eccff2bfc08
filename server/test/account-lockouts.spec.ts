import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiClient, apiClient } from './support/api.js';
import { demoPhones, seedAndLogin } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The admin's side of sign-in lockouts: who is locked out until when, and lifting it. */
describe('sign-in lockouts, for admins only', () => {
  let t: TestApp;
  let as: Awaited<ReturnType<typeof seedAndLogin>>;
  let anonymous: ApiClient;

  beforeAll(async () => {
    t = await startTestApp();
    as = await seedAndLogin(t);
    anonymous = apiClient(t.url);
  });

  afterAll(async () => {
    await t.close();
  });

  const listed = async (phone: string) =>
    (await as.admin.get('/admin/accounts')).body.find((a: { phone: string }) => a.phone === phone) as {
      id: string;
      lockedUntil: string | null;
    };

  it('lists lockedUntil: null until five failures, then when the lockout ends', async () => {
    const phone = demoPhones.checkpointStaff;
    expect((await listed(phone)).lockedUntil).toBeNull();
    const before = Date.now();
    for (let i = 0; i < 4; i++) await anonymous.post('/auth/login', { phone, password: `wrong-${i}` });
    expect((await listed(phone)).lockedUntil).toBeNull();
    await anonymous.post('/auth/login', { phone, password: 'wrong-5' });
    const until = Date.parse((await listed(phone)).lockedUntil!);
    expect(until).toBeGreaterThanOrEqual(before + 15 * 60_000);
    expect(until).toBeLessThanOrEqual(Date.now() + 15 * 60_000);
  });

  it('is lifted by an admin, audited, and the owner signs in again', async () => {
    const phone = demoPhones.checkpointStaff;
    expect((await anonymous.post('/auth/login', { phone, password: 'demo1234' })).status).toBe(429);
    const { id } = await listed(phone);
    const res = await as.admin.post(`/admin/accounts/${id}/unlock`);
    expect(res.status).toBe(204);
    expect((await listed(phone)).lockedUntil).toBeNull();
    expect((await anonymous.post('/auth/login', { phone, password: 'demo1234' })).status).toBe(200);
    const audit = await as.admin.get(`/admin/audit?entityType=account&entityId=${id}&action=account.unlock`);
    expect(audit.body).toHaveLength(1);
    expect(audit.body[0]).toMatchObject({ action: 'account.unlock', after: { lockedUntil: null } });
    expect(Date.parse(audit.body[0].before.lockedUntil)).toBeGreaterThan(Date.now());
  });

  it('refuses every other role and anonymous callers, and answers unknown accounts with 404', async () => {
    const { id } = await listed(demoPhones.fleetManager);
    for (const client of [as.fleetManager, as.districtOfficial, as.cityOfficial, as.checkpointStaff]) {
      expect((await client.post(`/admin/accounts/${id}/unlock`)).status).toBe(403);
      expect((await client.get('/admin/accounts')).status).toBe(403);
    }
    expect((await anonymous.post(`/admin/accounts/${id}/unlock`)).status).toBe(401);
    const unknown = await as.admin.post(`/admin/accounts/${randomUUID()}/unlock`);
    expect(unknown).toEqual({ status: 404, body: { code: 'NOT_FOUND', message: '未找到该账号' } });
    expect((await as.admin.post('/admin/accounts/not-a-uuid/unlock')).status).toBe(404);
  });
});
