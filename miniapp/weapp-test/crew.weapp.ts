import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type ApiClient, loginAs } from '@pass/server-testing/api';
import { completeApplication, registerFleet, submitApplication } from '@pass/server-testing/fixtures';
import { latestCodeTo } from '@pass/server-testing/sms';
import { decodeQrDataUrl } from '../e2e/support/qr.js';
import { type Stack, startStack } from '../e2e/support/stack.js';
import type { WeappRuntime } from './support/runtime.js';
import { launchApp } from './support/session.js';

jest.setTimeout(120_000);

/** registerFleet's escort. */
const escortPhone = '13912345679';

/**
 * 驾驶员/押运员登录 in the WeChat-like runtime against the built server: from the login page, the code
 * texted to the phone, the passes the person rides on, the pass screen with its QR code; a revocation
 * after the next sync, and the last download with no network.
 */
describe('the crew sign-in and pass screen in the WeChat runtime', () => {
  let stack: Stack;
  let smsDir: string;
  let official: ApiClient;
  let pass: { id: string; passNumber: string; url: string };
  let app: WeappRuntime;

  beforeAll(async () => {
    smsDir = mkdtempSync(join(tmpdir(), 'pass-sms-'));
    stack = await startStack({
      SMS_DEV_FILE: join(smsDir, 'sms.log'),
      PROVINCE_SETTINGS: JSON.stringify({ approvalChain: ['district'] }),
    });
    const fleet = await loginAs(stack.url, '13800000001');
    official = await loginAs(stack.url, '13800000002');
    const id = await submitApplication(fleet, completeApplication(await registerFleet(fleet, '苏A8W001', 91), 0, 5));
    const decided = await official.post(`/reviews/${id}/decision`, { decision: 'approve' });
    pass = (await fleet.get(`/passes/${decided.body.passId}`)).body;
  }, 180_000);

  afterAll(async () => {
    app?.dispose();
    await stack?.stop();
    rmSync(smsDir, { recursive: true, force: true });
  });

  it('signs the escort in with the texted code and shows the pass with its QR code', async () => {
    app = await launchApp(stack.url);
    expect(app.page.route).toBe('pages/login/index');
    await app.tap('驾驶员/押运员登录');
    expect(app.page.route).toBe('packages/pass/pages/sign-in/index');
    await app.type('手机号码', escortPhone);
    await app.tap('获取验证码');
    expect(app.text()).toContain('验证码已发送');
    expect(app.text()).toMatch(/\d+秒后重新获取/);
    await app.type('验证码', latestCodeTo(join(smsDir, 'sms.log'), escortPhone)!);
    await app.tap(/^登录$/);
    expect(app.page.route).toBe('packages/pass/pages/list/index');
    expect(app.text()).toContain('郑押运（13912345679）随车的通行证');
    expect(app.text()).toContain('苏A·8W001');

    await app.tap('苏A·8W001');
    expect(app.page.route).toBe('packages/pass/pages/detail/index');
    expect(app.text()).toContain(pass.passNumber);
    expect(app.text()).toContain('有效');
    expect(app.text()).not.toContain('发送给司乘人员');
    const image = app.findAll(
      app.render(),
      (node) => node.tag === 'wx-image' && String(node.attr.src).startsWith('data:image/png'),
    )[0];
    expect(decodeQrDataUrl(String(image!.attr.src))).toBe(pass.url);
    expect(app.problems).toEqual([]);
  });

  it('shows the revocation after the next sync, and the last download with no network', async () => {
    await official.post(`/passes/${pass.id}/revoke`, { reason: '车辆已转让' });
    await app.reLaunch(`packages/pass/pages/detail/index?id=${pass.id}`);
    expect(app.text()).toContain('该通行证已撤销，不能凭此证通行');

    app.phone.offline = true;
    await app.reLaunch(`packages/pass/pages/detail/index?id=${pass.id}`);
    expect(app.text()).toContain('网络不可用');
    expect(app.text()).toContain('已撤销');
    app.phone.offline = false;
    expect(app.problems).toEqual([]);
  });
});
