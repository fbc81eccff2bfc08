import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type ApiClient, loginAs } from '../../server/test/support/api.js';
import { completeApplication, registerFleet, submitApplication } from '../../server/test/support/fixtures.js';
import { decodeQrDataUrl } from '../e2e/support/qr.js';
import { type Stack, startStack } from '../e2e/support/stack.js';
import type { WeappRuntime } from './support/runtime.js';
import { launchApp, loginWithPassword } from './support/session.js';
import { newPhoneState } from './support/wx.js';

jest.setTimeout(120_000);

/** WeChat's jscode2session on loopback: code `c-X` belongs to openid `o-X`. */
function startFakeWechat(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const code = url.searchParams.get('js_code') ?? '';
    res.setHeader('content-type', 'application/json');
    res.end(
      url.pathname === '/sns/jscode2session' && code.startsWith('c-')
        ? JSON.stringify({ openid: code.replace(/^c-/, 'o-'), session_key: 'k' })
        : JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }),
    );
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

interface IssuedPass {
  id: string;
  passNumber: string;
  url: string;
}

/**
 * What users do in WeChat, run in the WeChat-like runtime against the built server: sign in with
 * WeChat, save the enterprise profile, show the pass (QR, brightness, PDF), and check passes at a
 * checkpoint by scanning, by a launch from a scanned URL, and offline after a sync.
 */
describe('flows in the WeChat runtime', () => {
  let stack: Stack;
  let wechat: { server: Server; url: string };
  let fleet: ApiClient;
  let official: ApiClient;
  const passes: Record<'kept' | 'revoked', IssuedPass> = {} as never;
  const apps: WeappRuntime[] = [];
  const open = async (phone = newPhoneState()) => {
    const app = await launchApp(stack.url, phone);
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    wechat = await startFakeWechat();
    stack = await startStack({
      PROVINCE_SETTINGS: JSON.stringify({ approvalChain: ['district'] }),
      WECHAT_APP_ID: 'wx-test',
      WECHAT_APP_SECRET: 'secret',
      WECHAT_API_BASE: wechat.url,
    });
    fleet = await loginAs(stack.url, '13800000001');
    official = await loginAs(stack.url, '13800000002');
    const issue = async (plate: string, serial: number): Promise<IssuedPass> => {
      const registered = await registerFleet(fleet, plate, serial);
      const id = await submitApplication(fleet, completeApplication(registered, 0, 5));
      const decided = await official.post(`/reviews/${id}/decision`, { decision: 'approve' });
      return (await fleet.get(`/passes/${decided.body.passId}`)).body;
    };
    passes.kept = await issue('苏A82001', 40);
    passes.revoked = await issue('苏A82002', 50);
  }, 180_000);

  afterAll(async () => {
    for (const app of apps) app.dispose();
    await stack?.stop();
    await new Promise((resolve) => wechat?.server.close(resolve));
  });

  const expectHealthy = (app: WeappRuntime) => expect(app.problems).toEqual([]);

  it('signs in with WeChat: binds the WeChat user with the password once, then one tap', async () => {
    const phone = newPhoneState();
    phone.loginCode = 'c-weapp-fleet';
    const first = await open(phone);
    await first.tap('微信一键登录');
    expect(first.text()).toContain('登录并绑定微信');
    await first.type('手机号码', '13800000001');
    await first.type('密码', 'demo1234');
    await first.tap('登录并绑定微信');
    expect(first.page.route).toBe('packages/fleet/pages/home/index');
    expectHealthy(first);

    const again = newPhoneState();
    again.loginCode = 'c-weapp-fleet';
    const second = await open(again);
    await second.tap('微信一键登录');
    expect(second.page.route).toBe('packages/fleet/pages/home/index');
    expect(second.text()).toContain('南京江宁示范物流有限公司');
    expectHealthy(second);
  });

  it('saves the enterprise profile with a method WeChat has (PUT)', async () => {
    const app = await open();
    await loginWithPassword(app, '13800000001');
    await app.reLaunch('packages/fleet/pages/enterprise/index');
    await app.type('联系人姓名', '王五');
    await app.tap('保存修改');
    expectHealthy(app);
    expect(
      app.phone.calls.filter((c) => c.name === 'request').map((c) => (c.options as { method?: string }).method),
    ).toContain('PUT');
    expect((await fleet.get('/enterprises/mine')).body.contactName).toBe('王五');
  });

  it('shows the pass: the QR code holds the pass URL, full brightness until the screen is left, the PDF opens', async () => {
    const app = await open();
    await loginWithPassword(app, '13800000001');
    await app.reLaunch(`packages/pass/pages/detail/index?id=${passes.kept.id}`);
    expect(app.text()).toContain(passes.kept.passNumber);
    const image = app.findAll(
      app.render(),
      (node) => node.tag === 'wx-image' && String(node.attr.src).startsWith('data:image/png'),
    )[0];
    const src = String(image.attr.src);
    expect(decodeQrDataUrl(src)).toBe(passes.kept.url);
    expect(app.phone.brightness).toBe(1);
    expect(app.phone.keepScreenOn).toBe(true);

    await app.tap('保存/打印PDF');
    expect(app.phone.openedDocuments).toHaveLength(1);
    expect(app.phone.openedDocuments[0].fileType).toBe('pdf');
    expect(Buffer.from(app.phone.openedDocuments[0].bytes.subarray(0, 5)).toString()).toBe('%PDF-');

    await app.reLaunch('packages/fleet/pages/home/index');
    expect(app.phone.brightness).toBe(0.4);
    expect(app.phone.keepScreenOn).toBe(false);
    expectHealthy(app);
  });

  let checkpoint: WeappRuntime;

  it('checks a pass at the checkpoint by scanning its QR code (online)', async () => {
    checkpoint = await open();
    await loginWithPassword(checkpoint, '13800000004');
    expect(checkpoint.page.route).toBe('packages/checkpoint/pages/home/index');
    checkpoint.phone.scans.push(passes.kept.url);
    await checkpoint.tap('扫码核验');
    expect(checkpoint.page.route).toBe('packages/checkpoint/pages/result/index');
    const verdict = checkpoint.text();
    expect(verdict).toContain('苏A·82001');
    expect(verdict).toContain('在线核验');
    expect(checkpoint.phone.calls.find((c) => c.name === 'scanCode')?.options).toMatchObject({ scanType: ['qrCode'] });
    expectHealthy(checkpoint);
  });

  it('opens the verdict when WeChat launches the app from a scanned pass URL (q)', async () => {
    const app = new (await import('./support/runtime.js')).WeappRuntime(stack.url);
    apps.push(app);
    await app.launch('packages/checkpoint/pages/result/index', { q: encodeURIComponent(passes.kept.url) });
    expect(app.text()).toContain('苏A·82001');
    expectHealthy(app);
  });

  it('checks offline with the synced data; a revocation shows only after the next sync', async () => {
    await checkpoint.reLaunch('packages/checkpoint/pages/home/index');
    expect(checkpoint.text()).toMatch(/同步/);
    await official.post(`/passes/${passes.revoked.id}/revoke`, { reason: '出借他人使用' });

    checkpoint.phone.offline = true;
    checkpoint.phone.scans.push(passes.revoked.url);
    await checkpoint.tap('扫码核验');
    expect(checkpoint.text()).toContain('离线核验');
    expect(checkpoint.text()).toContain('苏A·82002');
    expect(checkpoint.text()).not.toContain('撤销');

    checkpoint.phone.offline = false;
    await checkpoint.reLaunch('packages/checkpoint/pages/home/index');
    await checkpoint.tap('立即同步');
    checkpoint.phone.offline = true;
    checkpoint.phone.scans.push(passes.revoked.url);
    await checkpoint.tap('扫码核验');
    expect(checkpoint.text()).toContain('离线核验');
    expect(checkpoint.text()).toContain('撤销');
    expectHealthy(checkpoint);
  });
});
