import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiClient, apiClient, loginAs } from './support/api.js';
import { demoPhones, domainRowCounts, seedAndLogin } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** A stand-in for WeChat's jscode2session on loopback: code `c-X` belongs to openid `o-X`; `bad` is refused. */
function startFakeWechat(): Promise<{ server: Server; url: string; calls: URLSearchParams[] }> {
  const calls: URLSearchParams[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    calls.push(url.searchParams);
    const code = url.searchParams.get('js_code') ?? '';
    res.setHeader('content-type', 'application/json');
    if (url.pathname !== '/sns/jscode2session' || code === 'bad') {
      res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
    } else {
      res.end(JSON.stringify({ openid: code.replace(/^c-/, 'o-'), session_key: 'k' }));
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls }),
    ),
  );
}

describe('accounts and sign-in', () => {
  let t: TestApp;
  let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
  let as: Awaited<ReturnType<typeof seedAndLogin>>;
  let anonymous: ApiClient;

  beforeAll(async () => {
    wechat = await startFakeWechat();
    t = await startTestApp({ WECHAT_APP_ID: 'wx-test', WECHAT_APP_SECRET: 'secret', WECHAT_API_BASE: wechat.url });
    as = await seedAndLogin(t);
    anonymous = apiClient(t.url);
  });

  afterAll(async () => {
    await t.close();
    wechat.server.close();
  });

  it('signs in with phone and password and tells who is signed in', async () => {
    const login = await anonymous.post('/auth/login', { phone: demoPhones.fleetManager, password: 'demo1234' });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({
      expiresIn: 900,
      account: { role: 'fleet_manager', phone: demoPhones.fleetManager },
    });
    const me = await apiClient(t.url, login.body.accessToken).get('/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ role: 'fleet_manager', enterpriseId: expect.any(String), wechatBound: false });
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it.each([
    ['a wrong password', { phone: demoPhones.admin, password: 'nope' }],
    ['an unknown phone', { phone: '13999999999', password: 'demo1234' }],
  ])('refuses %s with the same answer', async (_case, body) => {
    const res = await anonymous.post('/auth/login', body);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'INVALID_CREDENTIALS', message: '手机号码或密码错误' });
  });

  it('refuses malformed sign-in bodies with field details', async () => {
    const res = await anonymous.post('/auth/login', { phone: '12345', password: '' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['phone', 'password']),
    );
    const notJson = await anonymous.post('/auth/login', '{"phone":', { 'content-type': 'application/json' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.code).toBe('VALIDATION_FAILED');
  });

  it('locks a phone out after five failures, even with the right password, without locking others', async () => {
    for (let i = 0; i < 5; i++) {
      expect(
        (await anonymous.post('/auth/login', { phone: demoPhones.cityOfficial, password: `wrong${i}` })).status,
      ).toBe(401);
    }
    const locked = await anonymous.post('/auth/login', { phone: demoPhones.cityOfficial, password: 'demo1234' });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('RATE_LIMITED');
    expect(
      (await anonymous.post('/auth/login', { phone: demoPhones.districtOfficial, password: 'demo1234' })).status,
    ).toBe(200);
  });

  it('rotates refresh tokens, and a reused one ends every session of the account', async () => {
    const first = (await anonymous.post('/auth/login', { phone: demoPhones.checkpointStaff, password: 'demo1234' }))
      .body;
    const second = await anonymous.post('/auth/refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);

    const replay = await anonymous.post('/auth/refresh', { refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    // The replay revoked the newer token as well: whoever holds a copy is signed out.
    expect((await anonymous.post('/auth/refresh', { refreshToken: second.body.refreshToken })).status).toBe(401);
  });

  it('signs out by revoking the refresh token', async () => {
    const tokens = (await anonymous.post('/auth/login', { phone: demoPhones.admin, password: 'demo1234' })).body;
    expect((await anonymous.post('/auth/logout', { refreshToken: tokens.refreshToken })).status).toBe(204);
    expect((await anonymous.post('/auth/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);
  });

  it('requires a valid access token on every non-public route', async () => {
    expect((await anonymous.get('/auth/me')).body).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
    const forged = await apiClient(t.url, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bad').get('/vehicles');
    expect(forged.status).toBe(401);
  });

  describe('staff accounts', () => {
    const official = {
      role: 'official',
      name: '钱审核',
      phone: '13700000010',
      password: 'Review2022',
      jurisdictionCode: '320106',
      department: '鼓楼区商务局',
      reviewLevel: 'district',
    };

    it('are created by an admin and can sign in', async () => {
      const res = await as.admin.post('/admin/accounts', official);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ role: 'official', jurisdictionCode: '320106', reviewLevel: 'district' });
      const signedIn = await loginAs(t.url, official.phone, official.password);
      expect((await signedIn.get('/auth/me')).body.department).toBe('鼓楼区商务局');
      const [logged] = (await as.admin.get(`/admin/audit?entityId=${res.body.id}`)).body;
      expect(logged).toMatchObject({ action: 'account.create', actorName: '系统管理员', after: { role: 'official' } });
    });

    it('are refused to every other role, and duplicates and bad scopes change nothing', async () => {
      const before = await domainRowCounts(t);
      for (const client of [as.fleetManager, as.districtOfficial, as.checkpointStaff]) {
        const res = await client.post('/admin/accounts', { ...official, phone: '13700000011' });
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
      expect((await as.admin.post('/admin/accounts', official)).status).toBe(409);
      const weak = await as.admin.post('/admin/accounts', { ...official, phone: '13700000012', password: 'short' });
      expect(weak.status).toBe(400);
      const noCheckpoint = await as.admin.post('/admin/accounts', {
        role: 'checkpoint_staff',
        name: '孙卡口',
        phone: '13700000013',
        password: 'Gate2022ok',
        checkpointId: '00000000-0000-4000-8000-000000000000',
      });
      expect(noCheckpoint.status).toBe(400);
      expect(await domainRowCounts(t)).toEqual(before);
    });
  });

  describe('WeChat sign-in', () => {
    it('tells an unbound WeChat user to bind first, then binds with the password and signs in by code', async () => {
      const unbound = await anonymous.post('/auth/wechat', { code: 'c-fleet' });
      expect(unbound.status).toBe(401);
      expect(unbound.body.code).toBe('ACCOUNT_NOT_BOUND');

      const bind = await anonymous.post('/auth/wechat/bind', {
        code: 'c-fleet',
        phone: demoPhones.fleetManager,
        password: 'demo1234',
      });
      expect(bind.status).toBe(200);
      expect(bind.body.account.wechatBound).toBe(true);

      const signedIn = await anonymous.post('/auth/wechat', { code: 'c-fleet' });
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.account.phone).toBe(demoPhones.fleetManager);
      expect(wechat.calls.at(-1)?.get('appid')).toBe('wx-test');
    });

    it('will not bind a WeChat user that is already bound to another account', async () => {
      const res = await anonymous.post('/auth/wechat/bind', {
        code: 'c-fleet',
        phone: demoPhones.admin,
        password: 'demo1234',
      });
      expect(res.status).toBe(409);
    });

    it('reports a code WeChat refuses as a failed WeChat sign-in, not a server error', async () => {
      const res = await anonymous.post('/auth/wechat', { code: 'bad' });
      expect(res.status).toBe(502);
      expect(res.body.code).toBe('WECHAT_LOGIN_FAILED');
    });
  });
});
