import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chinaToday, quotaPeriodKey } from '@pass/shared';
import { DataSource } from 'typeorm';
import { PassEntity } from '../src/passes/pass.entity.js';
import { completeApplication, registerFleet, seedAndLogin, submitApplication } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// One review level, weekly quotas and at most three active passes per enterprise.
const settings = {
  approvalChain: ['district'],
  quota: { enabled: true, period: 'week', maxActivePassesPerEnterprise: 3 },
};

describe('quotas and the per-enterprise cap', () => {
  let t: TestApp;
  let as: Awaited<ReturnType<typeof seedAndLogin>>;
  const period = quotaPeriodKey(chinaToday(), 'week');
  let serial = 0;

  const newApplication = async (startInDays = 1) => {
    serial++;
    const fleet = await registerFleet(as.fleetManager, `苏A2${String(serial).padStart(4, '0')}`, 700 + serial * 2);
    return submitApplication(as.fleetManager, completeApplication(fleet, startInDays, 5));
  };
  const approve = (id: string) => as.districtOfficial.post(`/reviews/${id}/decision`, { decision: 'approve' });

  beforeAll(async () => {
    t = await startTestApp({ PROVINCE_SETTINGS: JSON.stringify(settings) });
    as = await seedAndLogin(t);
  });

  afterAll(async () => {
    await t.close();
  });

  it('is allocated by admins only, never below what was used', async () => {
    expect(
      (await as.districtOfficial.post('/admin/quotas', { jurisdictionCode: '320115', period, amount: 99 })).status,
    ).toBe(403);
    const res = await as.admin.post('/admin/quotas', { jurisdictionCode: '320115', period, amount: 2 });
    expect(res.body).toEqual({ jurisdictionCode: '320115', period, amount: 2, used: 0, left: 2 });
    expect(
      (await as.admin.post('/admin/quotas', { jurisdictionCode: '320115', period: '2022-W99', amount: 2 })).status,
    ).toBe(400);
    expect((await as.districtOfficial.get('/reviews/counters')).body.quotaLeft).toBe(2);
  });

  it('issues up to the quota, refuses the next, and gets one back when a pass is revoked before it starts', async () => {
    const [a, b, c] = [await newApplication(), await newApplication(), await newApplication()];
    expect((await approve(a)).body.status).toBe('approved');
    expect((await approve(b)).body.status).toBe('approved');
    const refused = await approve(c);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('QUOTA_EXCEEDED');
    expect((await as.fleetManager.get(`/applications/${c}`)).body.status).toBe('submitted');
    expect((await as.districtOfficial.get('/reviews/counters')).body.quotaLeft).toBe(0);

    const passA = (await as.fleetManager.get('/passes')).body.items.find((p: any) => p.applicationId === a);
    await as.districtOfficial.post(`/passes/${passA.id}/revoke`, { reason: '企业申请撤销' });
    expect((await as.districtOfficial.get('/reviews/counters')).body.quotaLeft).toBe(1);
    expect((await approve(c)).body.status).toBe('approved');

    // The refused attempt left no gap: serials run 1, 2, 3.
    const numbers = (
      await t.app
        .get(DataSource)
        .getRepository(PassEntity)
        .find({ order: { passNumber: 'ASC' } })
    ).map((p) => p.passNumber);
    expect(numbers).toEqual(['320115000001', '320115000002', '320115000003']);
  });

  it('caps the active passes of one enterprise', async () => {
    await as.admin.post('/admin/quotas', { jurisdictionCode: '320115', period, amount: 50 });
    // Active now: the second and third passes of the previous test.
    expect((await approve(await newApplication())).body.status).toBe('approved');
    const refused = await approve(await newApplication());
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('ENTERPRISE_PASS_LIMIT_REACHED');
  });

  it('does not refund a pass revoked after it started', async () => {
    const id = await newApplication(0);
    const passes = await t.app.get(DataSource).getRepository(PassEntity).count();
    await as.admin.post('/admin/quotas', { jurisdictionCode: '320115', period, amount: 50 });
    // Make room under the cap first.
    const active = (await as.fleetManager.get('/passes')).body.items.filter((p: any) => p.status === 'active');
    await as.districtOfficial.post(`/passes/${active[0].id}/revoke`, { reason: '腾出名额' });
    const before = (await as.admin.get(`/admin/quotas?period=${period}`)).body[0].used;
    expect((await approve(id)).body.status).toBe('approved');
    const issued = (await as.fleetManager.get('/passes')).body.items.find((p: any) => p.applicationId === id);
    expect(issued.validFrom).toBe(chinaToday());
    await as.districtOfficial.post(`/passes/${issued.id}/revoke`, { reason: '当日撤销' });
    expect((await as.admin.get(`/admin/quotas?period=${period}`)).body[0].used).toBe(before + 1);
    expect(await t.app.get(DataSource).getRepository(PassEntity).count()).toBe(passes + 1);
  });
});
