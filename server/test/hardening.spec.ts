import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ErrorCode, verifyPassUrl } from '@pass/shared';
import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap.js';
import { loadConfig } from '../src/config/app-config.js';
import { EnterpriseEntity } from '../src/enterprises/enterprise.entity.js';
import { type ApiClient, apiClient } from './support/api.js';
import {
  completeApplication,
  newCreditCode,
  newPhone,
  registerFleet,
  seedAndLogin,
  submitApplication,
} from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const formulaName = '=HYPERLINK("http://evil.example/x","点击查看")';

describe('hardening (issue #13)', () => {
  let t: TestApp;
  let as: Awaited<ReturnType<typeof seedAndLogin>>;
  let anonymous: ApiClient;
  /** A pass issued through the real review chain to an enterprise whose name is a spreadsheet formula. */
  let pass: { url: string; passNumber: string };

  beforeAll(async () => {
    t = await startTestApp();
    as = await seedAndLogin(t);
    anonymous = apiClient(t.url);

    const phone = newPhone();
    const registered = await anonymous.post('/enterprises/register', {
      enterprise: {
        creditCode: newCreditCode(),
        name: formulaName,
        address: '江苏省南京市测试路1号',
        contactName: '张三',
        contactPhone: phone,
        districtCode: '320115',
      },
      manager: { name: '张三', phone, password: 'Passw0rd' },
    });
    expect(registered.status).toBe(201);
    await t.app
      .get(DataSource)
      .getRepository(EnterpriseEntity)
      .update({ id: registered.body.account.enterpriseId }, { verifiedAt: new Date() });
    const manager = apiClient(t.url, registered.body.accessToken);
    const id = await submitApplication(
      manager,
      completeApplication(await registerFleet(manager, '苏A7H001', 700), 0, 5),
    );
    await as.districtOfficial.post(`/reviews/${id}/decision`, { decision: 'approve' });
    const approved = await as.cityOfficial.post(`/reviews/${id}/decision`, { decision: 'approve' });
    expect(approved.body.status).toBe('approved');
    pass = (await manager.get(`/passes/${approved.body.passId}`)).body;
  }, 120_000);

  afterAll(async () => {
    await t.close();
  });

  describe('query strings', () => {
    it.each([
      ['districtOfficial', '/reviews/queue?category=medical&category=energy', '查询参数category只能出现一次'],
      ['admin', '/admin/audit?entityType=a&entityType=b', '查询参数entityType只能出现一次'],
      ['admin', '/admin/quotas?period=x&period=y', '查询参数period只能出现一次'],
      ['admin', '/admin/quotas?period=2022-13', '配额周期应为月份（如2022-05）或周（如2022-W21）'],
      ['fleetManager', '/applications?limit=0', '每页条数应为1至100'],
      ['fleetManager', '/applications?status=nope', '状态无效'],
      ['cityOfficial', '/stats?from=2022-02-30', '起始日期格式应为YYYY-MM-DD'],
      ['cityOfficial', '/stats?from=2022-05-02&to=2022-05-01', '起始日期不能晚于截止日期'],
      ['admin', '/accounts?role=root', undefined],
    ] as const)('%s GET %s → 400 with a Chinese message', async (who, path, message) => {
      const res = await as[who].get(path.replace('/accounts', '/admin/accounts'));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(ErrorCode.ValidationFailed);
      if (message) expect(res.body.message).toBe(message);
    });

    it('validates a queue cursor after decoding it: `w` as an array or an object is refused', async () => {
      for (const w of [[1], { $gt: 0 }, '1', 2]) {
        const cursor = Buffer.from(
          JSON.stringify({ w, t: '2022-05-01T00:00:00.000Z', id: '00000000-0000-4000-8000-000000000001' }),
        ).toString('base64url');
        const res = await as.districtOfficial.get(`/reviews/queue?whitelistFirst=true&cursor=${cursor}`);
        expect({ w, status: res.status, message: res.body.message }).toEqual({
          w,
          status: 400,
          message: '分页参数无效',
        });
      }
    });

    it('still pages with the cursors it hands out', async () => {
      await as.fleetManager.post('/applications', {});
      await as.fleetManager.post('/applications', {});
      const first = await as.fleetManager.get('/applications?limit=1');
      expect(first.status).toBe(200);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await as.fleetManager.get(`/applications?limit=1&cursor=${first.body.nextCursor}`);
      expect(second.status).toBe(200);
      expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
      const mangled = await as.fleetManager.get(`/applications?cursor=${first.body.nextCursor}x`);
      expect(mangled.status).toBe(400);
      const passes = await as.cityOfficial.get('/passes?cursor=');
      expect(passes.status).toBe(200);
    });
  });

  describe('the CSV export', () => {
    it('shows a formula-like enterprise name as text, not as a live formula', async () => {
      const res = await fetch(`${t.url}/api/stats/issued.csv`, {
        headers: { authorization: `Bearer ${await accessToken(t, '13800000003')}` },
      });
      const text = (await res.text()).replace(/^\uFEFF/, '');
      const row = text.split('\r\n').find((line) => line.startsWith(pass.passNumber));
      expect(row).toBeDefined();
      expect(row).toContain(`"'=HYPERLINK(""http://evil.example/x"",""点击查看"")"`);
      expect(row).not.toMatch(/(^|,)"?=/);
    });
  });

  describe('headers', () => {
    it('marks personal API answers no-store and forbids framing and sniffing', async () => {
      const res = await fetch(`${t.url}/api/auth/me`, {
        headers: { authorization: `Bearer ${await accessToken(t, '13800000001')}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      // The public address here is http://: no HSTS.
      expect(res.headers.get('strict-transport-security')).toBeNull();
      const login = await fetch(`${t.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone: '13800000002', password: 'demo1234' }),
      });
      expect(login.headers.get('cache-control')).toBe('no-store');
      // An anonymous answer meant for caching keeps its policy.
      expect((await fetch(`${t.url}/api/trust-list`)).headers.get('cache-control')).toBe('public, max-age=300');
      // …but asked with a token, an answer is no shared cache's business: no-store unless `private`.
      const signedIn = await fetch(`${t.url}/api/trust-list`, {
        headers: { authorization: `Bearer ${await accessToken(t, '13800000001')}` },
      });
      expect(signedIn.headers.get('cache-control')).toBe('no-store');
      // An anonymous answer with no policy of its own (the default set before routing).
      expect((await fetch(`${t.url}/api/health`)).headers.get('cache-control')).toBe('no-store');
    });

    it('gives API answers the headers an answer needs, and pages the whole set', async () => {
      // JSON is never rendered: the strictest policy, and none of the headers that act only on documents.
      const answer = await fetch(`${t.url}/api/trust-list`);
      expect(answer.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(answer.headers.get('x-frame-options')).toBe('DENY');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      for (const documentOnly of ['cross-origin-opener-policy', 'origin-agent-cluster', 'x-xss-protection']) {
        expect(answer.headers.get(documentOnly)).toBeNull();
      }
      // The API documentation is a page (HTML and scripts): helmet's whole set, the app's policy.
      for (const page of [`${t.url}/api/docs`, `${t.url}/api/docs/`, `${t.url}/V/123`]) {
        const res = await fetch(page);
        expect(res.status).toBe(200);
        expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        expect(res.headers.get('cache-control')).toBe('no-store');
      }
      expect((await fetch(`${t.url}/api/docs`)).headers.get('content-security-policy')).toContain("script-src 'self'");
    });

    it('gives the public pass page a policy that allows only its own style block', async () => {
      const digits = pass.url.split('/V/')[1]!;
      const res = await fetch(`${t.url}/V/${digits}`);
      const html = await res.text();
      expect(res.status).toBe(200);
      const policy = res.headers.get('content-security-policy') ?? '';
      const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain(`style-src ${sha256(style)}`);
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toContain('unsafe-inline');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(html).not.toContain('<script');
    });

    it('sends them on refusals too, and hashes the style of a page in another state', async () => {
      // The headers are worked out once at boot and set before routing: a 404 and a 400 carry them.
      const refusals = [
        await fetch(`${t.url}/api/no-such-route`),
        await fetch(`${t.url}/api/verification/verify`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{',
        }),
      ];
      expect(refusals.map((r) => r.status)).toEqual([404, 400]);
      for (const res of refusals) {
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
        expect(res.headers.get('cache-control')).toBe('no-store');
      }
      // Not a token: the grey page, whose style block differs from a valid pass's.
      const res = await fetch(`${t.url}/V/123`);
      const html = await res.text();
      const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
      expect(html).toContain('data-state="malformed"');
      expect(res.headers.get('content-security-policy')).toContain(`style-src ${sha256(style)}`);
    });
  });

  describe('request bodies', () => {
    it.each([
      ['application/x-www-form-urlencoded', 'phone=13800000001&password=demo1234'],
      ['text/plain', '{"phone":"13800000001","password":"demo1234"}'],
      ['application/xml', '<login/>'],
    ])('refuses %s on a JSON route with 415 UNSUPPORTED_MEDIA_TYPE', async (contentType, body) => {
      const res = await anonymous.post('/auth/login', body, { 'content-type': contentType });
      expect(res.status).toBe(415);
      expect(res.body).toEqual({ code: ErrorCode.UnsupportedMediaType, message: expect.stringContaining('JSON') });
    });
  });

  describe('text', () => {
    it.each([
      ['right-to-left override', '南京\u202Egpj.exe物流有限公司', 'U+202E'],
      ['zero-width space', '南京\u200B物流有限公司', 'U+200B'],
      ['NUL', '南京\u0000物流有限公司', 'U+0000'],
    ])('refuses a %s in an enterprise name, naming the character', async (_, name, codePoint) => {
      const phone = newPhone();
      const res = await anonymous.post('/enterprises/register', {
        enterprise: {
          creditCode: newCreditCode(),
          name,
          address: '江苏省南京市测试路1号',
          contactName: '张三',
          contactPhone: phone,
          districtCode: '320115',
        },
        manager: { name: '张三', phone, password: 'Passw0rd' },
      });
      expect(res.status).toBe(400);
      expect(res.body.details).toContainEqual({
        path: 'enterprise.name',
        message: `企业名称含有不可见字符或文字方向控制字符（${codePoint}），请删除后重新输入`,
      });
    });

    it('allows line breaks in a reason but no bidi controls', async () => {
      const enterpriseId = (await as.fleetManager.get('/enterprises/mine')).body.id;
      const until = '2099-01-01';
      const bidi = await as.admin.post('/admin/suspensions', { enterpriseId, until, reason: '溯源\u2067关联' });
      expect(bidi.status).toBe(400);
      expect(bidi.body.message).toContain('U+2067');
    });
  });

  describe('the host of a scanned pass URL', () => {
    const lookAlike = () => pass.url.replace(/^https?:\/\/[^/]+/i, 'HTTPS://PASS-GOV.EXAMPLE.COM');

    it('is named in the trust list as the official address', async () => {
      const list = (await anonymous.get('/trust-list')).body;
      expect(list.passUrlOrigins).toEqual([t.config.publicBaseUrl.toLowerCase()]);
    });

    it('flags a genuine token on a look-alike host, online and offline; the official URL is not flagged', async () => {
      const online = async (url: string) => (await anonymous.post('/verification/verify', { url })).body.verification;
      const trustList = (await anonymous.get('/trust-list')).body;

      const official = await online(pass.url);
      expect(official.state).toBe('valid');
      expect(official.warnings).not.toContainEqual(expect.objectContaining({ code: 'unofficial_origin' }));

      for (const verification of [await online(lookAlike()), verifyPassUrl(lookAlike(), { trustList })]) {
        expect(verification.state).toBe('valid');
        expect(verification.warnings).toContainEqual({
          code: 'unofficial_origin',
          origin: 'https://pass-gov.example.com',
          message: expect.stringContaining('此二维码网址不是官方核验地址'),
        });
      }
      // User info before an `@` does not make a look-alike host official.
      const spoofed = pass.url.replace(/^(https?:\/\/)/i, `$1${new URL(t.url).host}@evil.example/`);
      expect((await online(spoofed)).warnings).toContainEqual(expect.objectContaining({ code: 'unofficial_origin' }));
    });
  });
});

describe('a server on SQLite behind https, serving the H5 app', () => {
  let dir: string;
  let app: NestFastifyApplication;
  let url: string;
  const inlineScript = 'document.documentElement.style.fontSize="20px"';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pass-hardening-'));
    mkdirSync(join(dir, 'h5'));
    writeFileSync(
      join(dir, 'h5', 'index.html'),
      `<!doctype html><html><head><script>${inlineScript}</script><script src="/js/app.js"></script></head><body></body></html>`,
    );
    const config = loadConfig({
      DATA_DIR: join(dir, 'data'),
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      H5_DIR: join(dir, 'h5'),
      PUBLIC_BASE_URL: 'https://pass.example.gov.cn',
    });
    app = await createApp(config);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.getHttpServer().address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }, 60_000);

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the database file and the generated secrets readable by the server user only', async () => {
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    for (const file of ['pass.sqlite', 'pass.sqlite-wal', 'secrets.json']) {
      const path = join(dir, 'data', file);
      expect({ file, mode: (statSync(path).mode & 0o777).toString(8) }).toEqual({ file, mode: '600' });
    }
    const keys = readdirSync(join(dir, 'data', 'keys'));
    expect(keys.length).toBeGreaterThan(0);
    for (const file of keys) {
      expect({ file, mode: (statSync(join(dir, 'data', 'keys', file)).mode & 0o777).toString(8) }).toEqual({
        file,
        mode: '600',
      });
    }
  });

  it('serves the H5 app under a policy that allows its own inline script by hash, and HSTS', async () => {
    const res = await fetch(`${url}/`);
    expect(res.status).toBe(200);
    const policy = res.headers.get('content-security-policy') ?? '';
    expect(policy).toContain(`script-src 'self' ${sha256(inlineScript)}`);
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});

async function accessToken(t: TestApp, phone: string): Promise<string> {
  const res = await apiClient(t.url).post('/auth/login', { phone, password: 'demo1234' });
  return res.body.accessToken;
}
