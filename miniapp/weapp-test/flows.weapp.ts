import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type ApiClient, loginAs } from '@pass/server-testing/api';
import {
  completeApplication,
  newIdNumber,
  registerFleet,
  samplePdf,
  samplePng,
  submitApplication,
} from '@pass/server-testing/fixtures';
import { freePort } from '@pass/server-testing/server-process';
import { addDays, chinaToday, type IssuerDocument, type SignedDocument } from '@pass/shared';
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
  validFrom: string;
  validTo: string;
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
      WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify({
        'pass.issued': 'T_issued',
        'application.returned': 'T_returned',
        'application.rejected': 'T_rejected',
      }),
      NOTIFY_POLL_MS: '200',
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

  it('finds a pass by plate in the fleet’s list, and says when nothing matches', async () => {
    const app = await open();
    await loginWithPassword(app, '13800000001');
    await app.reLaunch('packages/pass/pages/list/index');
    expect(app.text()).toContain('苏A·82002');
    await app.type('车牌号码或通行证编号', '苏a82001');
    await app.tap('搜索');
    expect(app.text()).toContain('苏A·82001');
    expect(app.text()).not.toContain('苏A·82002');
    await app.type('车牌号码或通行证编号', passes.revoked.passNumber);
    await app.tap('搜索');
    expect(app.text()).toContain('苏A·82002');
    expect(app.text()).not.toContain('苏A·82001');
    await app.type('车牌号码或通行证编号', '苏B99999');
    await app.tap('搜索');
    expect(app.text()).toContain('未找到与“苏B99999”相符的通行证');
    const urls = app.phone.calls.filter((c) => c.name === 'request').map((c) => (c.options as { url: string }).url);
    expect(urls).toContainEqual(expect.stringContaining(`q=${encodeURIComponent('苏B99999')}`));
    expectHealthy(app);
  });

  it('switches care mode (长辈模式) on the home: kept on the phone, the pages enlarged, the QR code named', async () => {
    const app = await open();
    await loginWithPassword(app, '13800000001');
    await app.reLaunch('packages/fleet/pages/home/index');
    const rootOf = (block: string) =>
      String(app.findAll(app.render(), (node) => String(node.attr.class ?? '').includes(block))[0]?.attr.class);
    expect(rootOf('fleet-home')).not.toContain('care-mode');
    await app.tap('长辈模式');
    expect(rootOf('fleet-home')).toContain('care-mode');
    expect(JSON.parse(app.phone.storage.get('careMode') ?? 'null')).toBe(true);
    // WeChat's screen readers learn it is a switch, and that it is on, from aria-role and aria-checked.
    let control: ReturnType<typeof app.findByText> | undefined = app.findByText('长辈模式');
    while (control && !(control.attr.ariaRole ?? control.attr['aria-role'])) control = control.parent;
    expect(control?.attr.ariaRole ?? control?.attr['aria-role']).toBe('switch');
    expect(String(control?.attr.ariaChecked ?? control?.attr['aria-checked'])).toBe('true');

    await app.reLaunch(`packages/pass/pages/detail/index?id=${passes.kept.id}`);
    expect(rootOf('pass-screen')).toContain('care-mode');
    const qr = app.findAll(app.render(), (node) => node.tag === 'wx-image')[0];
    expect(String(qr?.attr.ariaLabel ?? qr?.attr['aria-label'])).toContain(passes.kept.passNumber);
    expectHealthy(app);
  });

  it("puts every page in care mode when WeChat's font is large, for every role, until switched off in the app", async () => {
    // The page's root: the first element with a class (`components/screen` gives it `care-mode`).
    const rootClass = (app: WeappRuntime) =>
      String(app.findAll(app.render(), (node) => String(node.attr.class ?? '').trim() !== '')[0]?.attr.class);
    const pagesOf: Record<string, string[]> = {
      '13800000001': [
        'packages/fleet/pages/home/index',
        'packages/fleet/pages/applications/index',
        'packages/fleet/pages/application-form/index',
        'packages/fleet/pages/vehicles/index',
        'packages/fleet/pages/vehicle-form/index',
        'packages/fleet/pages/enterprise/index',
        'packages/pass/pages/list/index',
        `packages/pass/pages/detail/index?id=${passes.kept.id}`,
        'packages/messages/pages/list/index',
      ],
      '13800000002': [
        'packages/review/pages/home/index',
        'packages/review/pages/queue/index',
        'packages/review/pages/stats/index',
      ],
      '13800000000': [
        'packages/admin/pages/home/index',
        'packages/admin/pages/accounts/index',
        'packages/admin/pages/holidays/index',
      ],
      '13800000004': ['packages/checkpoint/pages/home/index', 'packages/checkpoint/pages/history/index'],
    };
    const missing: string[] = [];
    for (const [login, routes] of Object.entries(pagesOf)) {
      const phone = newPhoneState();
      phone.fontSizeSetting = 22; // 微信 → 设置 → 字体大小, one step above standard
      const app = await open(phone);
      if (!rootClass(app).includes('care-mode')) missing.push(`${login} pages/login/index`);
      await loginWithPassword(app, login);
      for (const route of routes) {
        await app.reLaunch(route);
        if (!rootClass(app).includes('care-mode')) missing.push(`${login} ${route}: ${rootClass(app)}`);
      }
      expectHealthy(app);
    }
    expect(missing).toEqual([]);

    // Standard font: no care mode. Large font, switched off on the home: every page follows the switch.
    const standard = await open();
    await loginWithPassword(standard, '13800000001');
    await standard.reLaunch('packages/fleet/pages/applications/index');
    expect(rootClass(standard)).not.toContain('care-mode');
    const large = newPhoneState();
    large.fontSizeSetting = 24;
    const app = await open(large);
    await loginWithPassword(app, '13800000001');
    await app.reLaunch('packages/fleet/pages/home/index');
    await app.tap('长辈模式');
    expect(rootClass(app)).not.toContain('care-mode');
    expect(JSON.parse(app.phone.storage.get('careMode') ?? 'null')).toBe(false);
    for (const route of pagesOf['13800000001'].slice(1, 4)) {
      await app.reLaunch(route);
      expect(rootClass(app)).not.toContain('care-mode');
    }
    expectHealthy(app);
  });

  it('registers a vehicle with its 行驶证 and a driver with the 驾驶证, applies with a letter from a chat; the official approves', async () => {
    const app = await open();
    await loginWithPassword(app, '13800000001');
    await app.tap('车辆管理');
    await app.tap('登记车辆');
    await app.type('A12345', 'A83001');
    // WeChat's screen readers learn the chips are radio buttons from aria-role (role is H5 only).
    const chip = app.findByText('黄色');
    const radio = (node: typeof chip | undefined): boolean =>
      !!node && (node.attr.ariaRole === 'radio' || node.attr['aria-role'] === 'radio' || radio(node.parent));
    expect(radio(chip)).toBe(true);
    await app.tap('黄色');
    await app.tap('请选择车辆类型');
    await app.tap('重型半挂牵引车');
    await app.type('道路运输证号', '320115008301');
    // The 行驶证 photographed from the album, with its 有效期至, uploaded on the vehicle once it is saved.
    const until = addDays(chinaToday(), 400);
    app.phone.actionSheetTaps.push(1);
    app.phone.pickedFiles.push({ name: 'vehicle.png', bytes: samplePng });
    await app.tap('上传行驶证');
    expect(app.text()).toContain('待保存');
    await app.type('如 2030-05-12', until);
    await app.tap('保存');
    expect(app.page.route).toBe('packages/fleet/pages/vehicles/index');
    const upload = app.phone.calls.filter((c) => c.name === 'uploadFile').at(-1)?.options as { url: string };
    expect(upload.url).toMatch(new RegExp(`kind=vehicle_licence&vehicleId=[0-9a-f-]{36}&expiresOn=${until}`));
    expect(app.text()).toContain('苏A·83001（黄色）');

    await app.reLaunch('packages/fleet/pages/drivers/index');
    await app.tap('登记司乘人员');
    await app.type('姓名', '张师傅');
    await app.type('身份证号码', '11010519491231002X');
    await app.type('手机号码', '13800000005');
    app.phone.actionSheetTaps.push(0);
    app.phone.pickedFiles.push({ name: 'driving.png', bytes: samplePng });
    await app.tap('上传驾驶证');
    await app.type('如 2030-05-12', until);
    await app.tap('保存');
    expect(app.text()).toContain('张师傅（驾驶员）');

    await app.reLaunch('packages/fleet/pages/home/index');
    await app.tap('新建通行证申请');
    await app.tap('苏A·83001');
    await app.tap('张师傅（驾驶员）');
    await app.tap('请选择物资类别');
    await app.tap('生活必需品');
    await app.type('如：大米、食用油', '大米');
    await app.type('请输入数量', '30');
    await app.tap('吨');
    await app.tap('填入本企业信息', 0);
    await app.type('请输入单位名称', '上海浦东示范超市有限公司', 1);
    await app.type('请输入地址', '上海市浦东新区示范路2号', 1);
    await app.type('请输入联系人', '李经理', 1);
    await app.type('请输入联系电话', '021-58881234', 1);
    await app.tap('请选择省/市/区县', 0);
    await app.tap('江苏省');
    await app.tap('南京市');
    await app.tap('江宁区');
    await app.tap('请选择省/市/区县', 0);
    await app.tap('上海市');
    await app.tap('上海市', -1);
    await app.tap('浦东新区');
    // The licences are the vehicle's and the driver's: shown, not asked for again.
    expect(app.text()).toContain(`车辆苏A·83001 · 行驶证 已提供 · 有效期至 ${until}`);
    expect(app.text()).toContain(`驾驶员张师傅 · 驾驶证 已提供 · 有效期至 ${until}`);
    // The signed letter as a PDF from a chat (chooseMessageFile).
    app.phone.actionSheetTaps.push(2);
    app.phone.pickedFiles.push({ name: '承诺书.pdf', bytes: samplePdf });
    await app.tap('上传', 0);
    // Named as the user saw it, not after WeChat's temporary copy.
    expect(app.text()).toContain('PDF · 承诺书.pdf');
    expect(app.phone.calls.find((c) => c.name === 'chooseMessageFile')?.options).toMatchObject({
      type: 'file',
      extension: ['pdf', 'jpg', 'jpeg', 'png'],
    });
    await app.tap('提交申请');
    // The tap that leads to the notifications asks WeChat for them.
    expect(app.phone.calls.find((c) => c.name === 'requestSubscribeMessage')?.options).toMatchObject({
      tmplIds: ['T_issued', 'T_returned', 'T_rejected'],
    });
    expect(app.page.route).toBe('packages/fleet/pages/application-detail/index');
    expect(app.text()).toContain('待受理');
    expectHealthy(app);

    const official = await open();
    await loginWithPassword(official, '13800000002');
    await official.tap('开始审核');
    await official.tap('苏A·83001');
    expect(official.page.route).toBe('packages/review/pages/detail/index');
    await official.tap('审核通过');
    await official.tap('确认通过');
    expect(official.phone.toasts).toContain('已通过，通行证已签发');
    // The official's own view of a pass (it stayed on 正在加载… when zod compiled its parsers).
    await official.reLaunch(`packages/review/pages/pass/index?id=${passes.kept.id}`);
    expect(official.text()).toContain(passes.kept.passNumber);
    expectHealthy(official);

    await app.reLaunch('packages/pass/pages/list/index');
    expect(app.text()).toContain('苏A·83001');
    expectHealthy(app);

    // The issuance is in the message centre, counted unread on the home until opened.
    for (let i = 0; i < 50 && (await fleet.get('/notifications/unread-count')).body.unread === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await app.reLaunch('packages/fleet/pages/home/index');
    expect(app.text()).toMatch(/\d+ 条未读消息/);
    await app.tap('消息中心');
    expect(app.page.route).toBe('packages/messages/pages/list/index');
    expect(app.text()).toContain('通行证已签发');
    expect(app.text()).toContain('未读');
    await app.tap('全部标为已读');
    expect((await fleet.get('/notifications/unread-count')).body).toEqual({ unread: 0 });
    expect(app.text()).not.toContain('未读');
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

  it('checks the crew offline and names the issuing department with its duty phone', async () => {
    await checkpoint.reLaunch('packages/checkpoint/pages/home/index');
    checkpoint.phone.offline = true;
    checkpoint.phone.scans.push(passes.kept.url);
    await checkpoint.tap('扫码核验');
    const verdict = checkpoint.text();
    expect(verdict).toContain('离线核验');
    // The department and phone the demo seed records for 江宁区, from the synced trust list.
    expect(verdict).toContain('江宁区工业和信息化局');
    expect(verdict).toContain('025-52000002');
    expect(verdict).toContain('驾驶员 周*');
    // The validity days as the server recorded them, read from the token by the shared decoder in WeChat.
    expect(verdict).toContain(`${passes.kept.validFrom} 至 ${passes.kept.validTo}`);

    // registerFleet gave the kept pass's driver the ID number of serial 40.
    await checkpoint.type('输入或扫描身份证号码', newIdNumber(40));
    await checkpoint.tap('核对');
    expect(checkpoint.text()).toContain('✔ 一致：驾驶员 周*');
    await checkpoint.type('输入或扫描身份证号码', newIdNumber(43));
    await checkpoint.tap('核对');
    expect(checkpoint.text()).toContain('✘ 不一致');
    expect(checkpoint.text()).not.toContain('✔ 一致');
    checkpoint.phone.offline = false;
    expectHealthy(checkpoint);
  });

  it('the admin syncs another province’s whitelist (白名单互认); the official’s queue names the source', async () => {
    const port = await freePort();
    const zhejiang = await startStack({ PROVINCE: 'zhejiang', PUBLIC_BASE_URL: `http://127.0.0.1:${port}` }, port);
    try {
      const signed = (await (await fetch(`${zhejiang.url}/api/federation/issuer`)).json()) as SignedDocument;
      const admin = await loginAs(stack.url, '13800000000');
      const trusted = await admin.post('/admin/federation/issuers', {
        document: signed,
        fingerprint: (JSON.parse(signed.body) as IssuerDocument).fingerprint,
      });
      expect(trusted.status).toBe(201);
      const zhejiangAdmin = await loginAs(zhejiang.url, '13800000000');
      await zhejiangAdmin.post('/admin/whitelist/import', {
        batch: '长三角互认',
        csv: '91320115MA1MY5Q2XW,南京江宁示范物流有限公司\n',
      });

      const app = await open();
      await loginWithPassword(app, '13800000000');
      await app.reLaunch('packages/admin/pages/federation/index');
      expect(app.text()).toContain('未互认白名单');
      await app.tap('同步白名单');
      expect(app.text()).toContain('1家企业');
      expectHealthy(app);

      await submitApplication(fleet, completeApplication(await registerFleet(fleet, '苏A82003', 60), 0, 5));
      const reviewer = await open();
      await loginWithPassword(reviewer, '13800000002');
      await reviewer.reLaunch('packages/review/pages/queue/index');
      expect(reviewer.text()).toContain('白名单（浙江省互认）');
      expectHealthy(reviewer);
    } finally {
      await zhejiang.stop();
    }
  });
});
