import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AccountView, AuthTokens, CheckpointView } from '@pass/shared';
import { addDays, chinaToday, type ProvinceSettingsDocument, quotaPeriodKey } from '@pass/shared';
import { DataSource } from 'typeorm';
import { AccountEntity } from '../src/accounts/account.entity.js';
import { RefreshTokenEntity } from '../src/auth/refresh-token.entity.js';
import { apiClient, loginAs } from './support/api.js';
import { newCreditCode, newPhone, registerEnterprise, seedAndLogin } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('administration of accounts, checkpoints and suspensions', () => {
  let t: TestApp;
  let users: Awaited<ReturnType<typeof seedAndLogin>>;

  beforeAll(async () => {
    t = await startTestApp();
    users = await seedAndLogin(t);
  }, 120_000);
  afterAll(() => t?.close());

  async function newOfficial(): Promise<AccountView & { password: string }> {
    const phone = newPhone();
    const res = await users.admin.post<AccountView>('/admin/accounts', {
      role: 'official',
      name: '钱审核',
      phone,
      password: 'Start1234',
      jurisdictionCode: '320115',
      department: '工业和信息化局',
      reviewLevel: 'district',
    });
    expect(res.status).toBe(201);
    return { ...res.body, password: 'Start1234' };
  }

  it('searches accounts by role and by part of the name or phone, and validates the query', async () => {
    const official = await newOfficial();
    const byPhone = await users.admin.get<AccountView[]>(`/admin/accounts?q=${official.phone.slice(-8)}`);
    expect(byPhone.body.map((a) => a.id)).toEqual([official.id]);
    const byRole = await users.admin.get<AccountView[]>('/admin/accounts?role=checkpoint_staff');
    expect(byRole.body.every((a) => a.role === 'checkpoint_staff')).toBe(true);
    const wildcard = await users.admin.get<AccountView[]>('/admin/accounts?q=%25');
    expect(wildcard.body).toEqual([]);
    const bad = await users.admin.get('/admin/accounts?role=king');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect((await users.districtOfficial.get('/admin/accounts')).status).toBe(403);
  });

  it('edits an official’s scope; the new scope applies at the next sign-in', async () => {
    const official = await newOfficial();
    const res = await users.admin.put<AccountView>(`/admin/accounts/${official.id}`, {
      jurisdictionCode: '320100',
      reviewLevel: 'city',
      department: '交通运输局',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ jurisdictionCode: '320100', reviewLevel: 'city', department: '交通运输局' });
    const me = await (await loginAs(t.url, official.phone, official.password)).get<AccountView>('/auth/me');
    expect(me.body.jurisdictionCode).toBe('320100');
    const invalid = await users.admin.put(`/admin/accounts/${official.id}`, { jurisdictionCode: '329999' });
    expect(invalid.status).toBe(400);
    const audit = await users.admin.get(`/admin/audit?entityId=${official.id}&action=account.update`);
    expect(audit.body[0].before).toMatchObject({ jurisdictionCode: '320115' });
  });

  it('disables an account: it cannot sign in or renew its session until enabled again', async () => {
    const official = await newOfficial();
    const session = await apiClient(t.url).post('/auth/login', { phone: official.phone, password: official.password });
    const disabled = await users.admin.post<AccountView>(`/admin/accounts/${official.id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);

    const login = await apiClient(t.url).post('/auth/login', { phone: official.phone, password: official.password });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('ACCOUNT_DISABLED');
    const refresh = await apiClient(t.url).post('/auth/refresh', { refreshToken: session.body.refreshToken });
    expect(refresh.status).toBe(401);
    // A wrong password says nothing about the account being disabled.
    const wrong = await apiClient(t.url).post('/auth/login', { phone: official.phone, password: 'Wrong1234' });
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');

    const me = (await users.admin.get<AccountView>('/auth/me')).body;
    expect((await users.admin.post(`/admin/accounts/${me.id}/disable`)).status).toBe(409);

    expect((await users.admin.post(`/admin/accounts/${official.id}/enable`)).body.disabled).toBe(false);
    expect(
      (await apiClient(t.url).post('/auth/login', { phone: official.phone, password: official.password })).status,
    ).toBe(200);
  });

  it('resets a password; the holder must change it, and the old one stops working', async () => {
    const official = await newOfficial();
    const reset = await users.admin.post<AccountView>(`/admin/accounts/${official.id}/reset-password`, {
      password: 'Temp12345',
    });
    expect(reset.status).toBe(200);
    expect(reset.body.mustChangePassword).toBe(true);
    expect(
      (await apiClient(t.url).post('/auth/login', { phone: official.phone, password: official.password })).status,
    ).toBe(401);
    const login = await apiClient(t.url).post('/auth/login', { phone: official.phone, password: 'Temp12345' });
    expect(login.body.account.mustChangePassword).toBe(true);
    const holder = apiClient(t.url, login.body.accessToken);
    // The server, not only the app, holds the temporary password to its one use.
    const blocked = await holder.get('/reviews/queue');
    expect(blocked.status).toBe(403);
    expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await holder.get('/auth/me')).status).toBe(200);
    const weak = await holder.post('/auth/password', { currentPassword: 'Temp12345', newPassword: 'short' });
    expect(weak.status).toBe(400);
    const changed = await holder.post<AuthTokens>('/auth/password', {
      currentPassword: 'Temp12345',
      newPassword: 'Mine98765',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.account.mustChangePassword).toBe(false);
    expect((await apiClient(t.url, changed.body.accessToken).get('/reviews/queue')).status).toBe(200);
    expect((await apiClient(t.url).post('/auth/login', { phone: official.phone, password: 'Mine98765' })).status).toBe(
      200,
    );
  });

  it('unlocks an account locked by failed sign-ins', async () => {
    const official = await newOfficial();
    for (let i = 0; i < 6; i++) {
      await apiClient(t.url).post('/auth/login', { phone: official.phone, password: 'Wrong1234' });
    }
    const locked = await apiClient(t.url).post('/auth/login', { phone: official.phone, password: official.password });
    expect(locked.status).toBe(429);
    expect((await users.districtOfficial.post(`/admin/accounts/${official.id}/unlock`)).status).toBe(403);
    expect((await users.admin.post(`/admin/accounts/${official.id}/unlock`)).status).toBe(204);
    const after = await apiClient(t.url).post('/auth/login', { phone: official.phone, password: official.password });
    expect(after.status).toBe(200);
  });

  it('edits and retires a checkpoint; staff cannot be assigned to a retired one', async () => {
    const created = await users.admin.post<CheckpointView>('/admin/checkpoints', {
      code: 'JS-NJ-TEST-01',
      name: '测试检查站',
      regionCode: '320115',
      latitude: 31.9,
      longitude: 118.8,
    });
    expect(created.status).toBe(201);
    const edited = await users.admin.put<CheckpointView>(`/admin/checkpoints/${created.body.id}`, {
      code: 'JS-NJ-TEST-01',
      name: '测试检查站（南）',
      regionCode: '320115',
      latitude: 31.85,
      longitude: 118.81,
    });
    expect(edited.body).toMatchObject({ name: '测试检查站（南）', latitude: 31.85, retired: false });
    const badCoordinates = await users.admin.put(`/admin/checkpoints/${created.body.id}`, {
      ...edited.body,
      latitude: 80,
    });
    expect(badCoordinates.status).toBe(400);
    const retired = await users.admin.post<CheckpointView>(`/admin/checkpoints/${created.body.id}/retire`);
    expect(retired.body.retired).toBe(true);
    const staff = await users.admin.post('/admin/accounts', {
      role: 'checkpoint_staff',
      name: '孙检查',
      phone: newPhone(),
      password: 'Start1234',
      checkpointId: created.body.id,
    });
    expect(staff.status).toBe(400);
    expect((await users.districtOfficial.post(`/admin/checkpoints/${created.body.id}/retire`)).status).toBe(403);
  });

  it('lists the suspensions (熔断) in force', async () => {
    const enterprise = await registerEnterprise(t);
    const until = addDays(chinaToday(), 7);
    expect(
      (
        await users.admin.post('/admin/suspensions', {
          enterpriseId: enterprise.enterpriseId,
          until,
          reason: '疫情溯源',
        })
      ).status,
    ).toBe(204);
    const list = await users.admin.get('/admin/suspensions');
    expect(list.status).toBe(200);
    expect(list.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ enterpriseId: enterprise.enterpriseId, until, reason: '疫情溯源' }),
      ]),
    );
    expect((await users.fleetManager.get('/admin/suspensions')).status).toBe(403);
    await users.admin.delete(`/admin/suspensions/${enterprise.enterpriseId}`);
    const after = await users.admin.get('/admin/suspensions');
    expect(after.body.some((s: { enterpriseId: string }) => s.enterpriseId === enterprise.enterpriseId)).toBe(false);
  });

  it('shows quotas as one figure: off means 不限 everywhere; on, the home and the statistics agree', async () => {
    const period = quotaPeriodKey(chinaToday(), 'week');
    await users.admin.post('/admin/quotas', { jurisdictionCode: '320115', period, amount: 5 });
    const offCounters = await users.districtOfficial.get('/reviews/counters');
    const offStats = await users.districtOfficial.get('/stats');
    expect(offCounters.body.quotaLeft).toBeNull();
    expect(offStats.body).toMatchObject({ quotaEnabled: false, quota: [] });

    const current = (await apiClient(t.url).get<ProvinceSettingsDocument>('/settings')).body;
    const on = await users.admin.put('/admin/settings', {
      version: current.version,
      settings: { ...current.settings, quota: { ...current.settings.quota, enabled: true, period: 'week' } },
    });
    expect(on.status).toBe(200);
    const counters = await users.districtOfficial.get('/reviews/counters');
    const stats = await users.districtOfficial.get('/stats');
    expect(stats.body.quotaEnabled).toBe(true);
    const mine = stats.body.quota.find((q: { jurisdictionCode: string; period: string }) => q.period === period);
    expect(counters.body.quotaLeft).toBe(5);
    expect(mine.amount - mine.used).toBe(counters.body.quotaLeft);
  });

  it('applies the staff security settings: password length, expiry and idle timeout', async () => {
    const current = (await apiClient(t.url).get<ProvinceSettingsDocument>('/settings')).body;
    const saved = await users.admin.put('/admin/settings', {
      version: current.version,
      settings: {
        ...current.settings,
        security: { passwordMinLength: 12, passwordExpiryDays: 90, idleTimeoutMinutes: 30 },
      },
    });
    expect(saved.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_100));

    const short = await users.admin.post('/admin/accounts', {
      role: 'admin',
      name: '周管理',
      phone: newPhone(),
      password: 'Start1234',
    });
    expect(short.status).toBe(400);
    expect(short.body.details).toEqual([{ path: 'password', message: '密码至少12位' }]);
    const phone = newPhone();
    const created = await users.admin.post<AccountView>('/admin/accounts', {
      role: 'admin',
      name: '周管理',
      phone,
      password: 'LongEnough123',
    });
    expect(created.status).toBe(201);

    // A password chosen 91 days ago has expired: the next sign-in must change it.
    const dataSource = t.app.get(DataSource);
    await dataSource
      .getRepository(AccountEntity)
      .update(
        { id: created.body.id },
        { mustChangePassword: false, passwordChangedAt: new Date(Date.now() - 91 * 86_400_000) },
      );
    const expired = await apiClient(t.url).post('/auth/login', { phone, password: 'LongEnough123' });
    expect(expired.body.account.mustChangePassword).toBe(true);

    // A session unused for 31 minutes cannot be renewed.
    await dataSource
      .getRepository(RefreshTokenEntity)
      .update({ accountId: created.body.id }, { createdAt: new Date(Date.now() - 31 * 60_000) });
    const renewed = await apiClient(t.url).post('/auth/refresh', { refreshToken: expired.body.refreshToken });
    expect(renewed.status).toBe(401);
    expect(renewed.body.message).toBe('长时间未操作，请重新登录');
    // Fleet managers are not staff: their sessions have no idle limit.
    const fleet = await apiClient(t.url).post('/auth/login', { phone: '13800000001', password: 'demo1234' });
    await dataSource
      .getRepository(RefreshTokenEntity)
      .update({ accountId: fleet.body.account.id }, { createdAt: new Date(Date.now() - 31 * 60_000) });
    expect((await apiClient(t.url).post('/auth/refresh', { refreshToken: fleet.body.refreshToken })).status).toBe(200);
  });

  it('lists the whitelist by batch and search, and removes one enterprise', async () => {
    const [a, b] = [newCreditCode(), newCreditCode()];
    const imported = await users.admin.post('/admin/whitelist/import', {
      batch: '测试批次甲',
      csv: `${a},南京甲物流有限公司\n${b},南京乙医药有限公司`,
    });
    expect(imported.status).toBe(200);
    // A name hiding a direction override is refused like a typed one, and nothing of the batch lands.
    const hidden = await users.admin.post('/admin/whitelist/import', {
      batch: '测试批次乙',
      csv: `${newCreditCode()},南京丙物流有限公司\n${newCreditCode()},南京\u202e丁物流有限公司`,
    });
    expect(hidden.status).toBe(400);
    expect(JSON.stringify(hidden.body.details)).toContain('U+202E');
    const batches = await users.admin.get('/admin/whitelist/batches');
    expect(batches.body).toContainEqual({ batch: '测试批次甲', count: 2 });
    expect(batches.body.map((b: { batch: string }) => b.batch)).not.toContain('测试批次乙');
    const found = await users.admin.get('/admin/whitelist?q=乙医药');
    expect(found.body.map((e: { creditCode: string }) => e.creditCode)).toEqual([b]);
    expect((await users.admin.get(`/admin/whitelist?q=${'x'.repeat(51)}`)).status).toBe(400);
    expect((await users.districtOfficial.get('/admin/whitelist')).status).toBe(403);

    expect((await users.admin.delete(`/admin/whitelist/${b}`)).status).toBe(204);
    expect((await users.admin.delete(`/admin/whitelist/${b}`)).status).toBe(404);
    expect((await users.admin.delete('/admin/whitelist/not-a-code')).status).toBe(400);
    const after = await users.admin.get('/admin/whitelist?batch=测试批次甲');
    expect(after.body.map((e: { creditCode: string }) => e.creditCode)).toEqual([a]);
    const audit = await users.admin.get(`/admin/audit?action=whitelist.remove&entityId=${b}`);
    expect(audit.body).toHaveLength(1);
  });
});
