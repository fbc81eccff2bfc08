import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type ApiClient, apiClient, loginAs } from '@pass/server-testing/api';
import { completeApplication, registerFleet } from '@pass/server-testing/fixtures';
import { type ServerProcess, startServerProcess } from '@pass/server-testing/server-process';
import { createTestDatabase, type TestDatabase } from '@pass/server-testing/test-database';
import { chinaToday, creditCodeCheckCharacter, organizationCodeCheckCharacter, quotaPeriodKey } from '@pass/shared';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './support/browser.js';
import { signIn, tapButton } from './support/h5.js';
import { confirmModal, fillTextarea, fillVisible, navigateBack, openPath } from './support/taro.js';

jest.setTimeout(180_000);

const h5Dir = process.env.E2E_H5_DIR ?? fileURLToPath(new URL('../dist/h5/', import.meta.url));

/** A choice chip inside the field `testId`, by its text. */
async function choose(page: Page, testId: string, label: string): Promise<void> {
  await page.locator(`[data-testid="${testId}"]:visible .choice-chips__chip`, { hasText: label }).first().click();
}

/** The row of a table (`data-testid`) on the visible page. */
const row = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]:visible`).first();

async function openFromHome(page: Page, menu: string): Promise<void> {
  await page.getByTestId(`admin-menu-${menu}`).click();
  await page.getByTestId(`admin-${menu}`).waitFor();
}

function creditCode(serial: number): string {
  const body = `MA${String(serial).padStart(6, '0')}`;
  const first17 = `91320115${body}${organizationCodeCheckCharacter(body)}`;
  return first17 + creditCodeCheckCharacter(first17);
}

/**
 * Every screen of the admin package (系统管理员) in the H5 build at a desktop window (1440×900), on two
 * server processes sharing one MariaDB: the province settings changed on one apply on the other at once.
 */
describe('administration (系统管理员) in H5 at 1440×900', () => {
  let database: TestDatabase;
  let dataDir: string;
  let servers: [ServerProcess, ServerProcess];
  let browser: Browser;
  let page: Page;
  let adminApi: ApiClient;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'pass-admin-e2e-'));
    const env = { DB_URL: database.url, DATA_DIR: dataDir, H5_DIR: h5Dir, SEED_DEMO: 'true' };
    const first = await startServerProcess(env);
    servers = [first, await startServerProcess(env)];
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    adminApi = await loginAs(servers[0].url, '13800000000');
    await signIn(page, servers[0].url, '13800000000', 'demo1234');
    await page.waitForURL(/packages\/admin\/pages\/home\/index/);
  }, 240_000);

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await Promise.all((servers ?? []).map((s) => s.stop()));
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('shows the administration home instead of a placeholder', async () => {
    await page.getByTestId('admin-home').waitFor();
    const text = (await page.getByTestId('admin-home').textContent()) ?? '';
    for (const title of ['账号管理', '卡口管理', '配额管理', '白名单', '黑名单与熔断', '审计日志', '全省设置']) {
      expect(text).toContain(title);
    }
    expect(text).not.toContain('该功能正在建设中');
    await saveScreenshot(page, 'admin-home-desktop');
  });

  it('creates, edits, disables, enables, resets and unlocks a staff account', async () => {
    await openFromHome(page, 'accounts');
    await tapButton(page, '新建账号');
    await page.getByTestId('admin-account-form').waitFor();
    await choose(page, 'account-role', '审核人员');
    await fillVisible(page, 'account-name', '钱审核');
    await fillVisible(page, 'account-phone', '13912300001');
    await fillVisible(page, 'account-password', 'short');
    await fillVisible(page, 'account-jurisdiction', '320115');
    await fillVisible(page, 'account-department', '工业和信息化局');
    await choose(page, 'account-level', '区县');
    await tapButton(page, '保存');
    // The shared schema refuses the weak password before anything is sent.
    await page.locator('[data-testid="account-password-error"]:visible').waitFor();
    await fillVisible(page, 'account-password', 'Start1234');
    await tapButton(page, '保存');
    await page.getByTestId('admin-accounts').waitFor();
    const created = row(page, 'account-13912300001');
    await created.waitFor();
    expect(await created.textContent()).toContain('江宁区');
    await saveScreenshot(page, 'admin-accounts');

    // Search by a part of the phone number.
    await fillVisible(page, 'account-search', '123000');
    await tapButton(page, '查找');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid^="account-139"], [data-testid^="account-138"]').length === 1,
    );

    await created.getByText('编辑').click();
    await page.getByTestId('admin-account-form').waitFor();
    await page.locator('[data-testid="account-department"]:visible input').first().waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLInputElement>('[data-testid="account-department"] input')].some(
        (el) => el.value === '工业和信息化局',
      ),
    );
    await fillVisible(page, 'account-department', '交通运输局');
    await tapButton(page, '保存');
    await page.getByTestId('admin-accounts').waitFor();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="account-13912300001"]')?.textContent?.includes('交通运输局'),
    );

    await created.getByText('停用').click();
    expect(await confirmModal(page)).toContain('钱审核');
    await created.getByTestId('account-status').getByText('已停用').waitFor();
    const refused = await apiClient(servers[1].url).post('/auth/login', {
      phone: '13912300001',
      password: 'Start1234',
    });
    expect(refused.body.code).toBe('ACCOUNT_DISABLED');
    await created.getByText('启用').click();
    // Never signed in: the initial password the admin chose is still to be replaced.
    await created.getByTestId('account-status').getByText('待修改密码').waitFor();

    await created.getByText('重置密码').click();
    await fillVisible(page, 'reset-password-input', 'Temp54321');
    await tapButton(page, '确认重置');
    await page.getByTestId('reset-password').waitFor({ state: 'detached' });
    const old = await apiClient(servers[1].url).post('/auth/login', { phone: '13912300001', password: 'Start1234' });
    expect(old.body.code).toBe('INVALID_CREDENTIALS');
    const temp = await apiClient(servers[1].url).post('/auth/login', { phone: '13912300001', password: 'Temp54321' });
    expect(temp.body.account.mustChangePassword).toBe(true);

    for (let i = 0; i < 6; i++) {
      await apiClient(servers[1].url).post('/auth/login', { phone: '13912300001', password: 'Wrong0000' });
    }
    const locked = await apiClient(servers[1].url).post('/auth/login', { phone: '13912300001', password: 'Temp54321' });
    expect(locked.status).toBe(429);
    // The lockout shows in the list once it is read again, and is gone after 解锁.
    await navigateBack(page);
    await openFromHome(page, 'accounts');
    await created.getByTestId('account-status').getByText('已锁定', { exact: false }).waitFor();
    const unlockDone = page.waitForResponse((res) => res.url().endsWith('/unlock') && res.status() === 204);
    await created.getByText('解锁').click();
    await unlockDone;
    await created.getByTestId('account-status').getByText('待修改密码').waitFor();
    // 解锁 is offered only while an account is locked.
    expect(await created.getByText('解锁').count()).toBe(0);
    const unlocked = await apiClient(servers[1].url).post('/auth/login', {
      phone: '13912300001',
      password: 'Temp54321',
    });
    expect(unlocked.status).toBe(200);

    // The holder signs in with the temporary password and must choose a new one before any work.
    const holderContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const holder = await holderContext.newPage();
    await signIn(holder, servers[1].url, '13912300001', 'Temp54321');
    await holder.waitForURL(/pages\/password\/index/);
    await holder.getByTestId('password-required').waitFor();
    await fillVisible(holder, 'password-current', 'Temp54321');
    await fillVisible(holder, 'password-new', 'Mine24680');
    await fillVisible(holder, 'password-repeat', 'Mine24680');
    await tapButton(holder, '确认修改');
    await holder.waitForURL(/packages\/review\/pages\/home/);
    await holderContext.close();
    expect(
      (await apiClient(servers[0].url).post('/auth/login', { phone: '13912300001', password: 'Mine24680' })).body
        .account.mustChangePassword,
    ).toBe(false);
    await navigateBack(page);
  });

  it('creates, edits and retires a checkpoint', async () => {
    await openFromHome(page, 'checkpoints');
    await tapButton(page, '新增卡口');
    await page.getByTestId('admin-checkpoint-form').waitFor();
    await fillVisible(page, 'checkpoint-code', 'js-nj-s55-02');
    await fillVisible(page, 'checkpoint-name', '宁杭高速溧水检查站');
    await fillVisible(page, 'checkpoint-region', '320117');
    await fillVisible(page, 'checkpoint-latitude', '95');
    await fillVisible(page, 'checkpoint-longitude', '119.02');
    await tapButton(page, '保存');
    await page.locator('[data-testid="checkpoint-latitude-error"]:visible').getByText('纬度超出中国范围').waitFor();
    await fillVisible(page, 'checkpoint-latitude', '31.65');
    await tapButton(page, '保存');
    await page.getByTestId('admin-checkpoints').waitFor();
    const checkpoint = row(page, 'checkpoint-JS-NJ-S55-02');
    await checkpoint.waitFor();
    expect(await checkpoint.textContent()).toContain('溧水区');

    await checkpoint.getByText('编辑').click();
    await page.getByTestId('admin-checkpoint-form').waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLInputElement>('[data-testid="checkpoint-name"] input')].some(
        (el) => el.value === '宁杭高速溧水检查站',
      ),
    );
    await fillVisible(page, 'checkpoint-name', '宁杭高速溧水南检查站');
    await tapButton(page, '保存');
    await page.getByTestId('admin-checkpoints').waitFor();
    await checkpoint.getByText('宁杭高速溧水南检查站').waitFor();

    await checkpoint.getByText('停用').click();
    await confirmModal(page);
    await checkpoint.getByTestId('checkpoint-status').getByText('已停用').waitFor();
    await saveScreenshot(page, 'admin-checkpoints');
    await navigateBack(page);
  });

  it('says that quotas are off, and allocates once the settings turn them on', async () => {
    await openFromHome(page, 'quotas');
    await page.getByTestId('quota-off').waitFor();
    await navigateBack(page);

    const current = (await apiClient(servers[0].url).get('/settings')).body;
    const on = await adminApi.put('/admin/settings', {
      version: current.version,
      settings: { ...current.settings, quota: { enabled: true, period: 'month', maxActivePassesPerEnterprise: null } },
    });
    expect(on.status).toBe(200);

    await openFromHome(page, 'quotas');
    await page.getByTestId('quota-on').waitFor();
    const period = quotaPeriodKey(chinaToday(), 'month');
    expect(await page.locator('[data-testid="quota-period"] input:visible').inputValue()).toBe(period);
    await fillVisible(page, 'quota-jurisdiction', '320115');
    await fillVisible(page, 'quota-amount', '30');
    await tapButton(page, '分配');
    const allocation = row(page, `quota-320115-${period}`);
    await allocation.waitFor();
    expect(await allocation.getByTestId('quota-used').textContent()).toBe('0 / 30');
    expect(await allocation.getByTestId('quota-left').textContent()).toBe('30');
    await row(page, 'quota-history').getByText('江宁区').waitFor();
    await saveScreenshot(page, 'admin-quotas');
    await navigateBack(page);
  });

  it('imports a whitelist batch with its row report, and refuses a batch with a bad row', async () => {
    await openFromHome(page, 'whitelist');
    await fillVisible(page, 'whitelist-batch', '第三批重点企业');
    await fillTextarea(
      page,
      'whitelist-csv',
      `${creditCode(901)},南京白名单物流有限公司\n${creditCode(902)},南京白名单医药有限公司`,
    );
    await tapButton(page, '导入');
    const report = page.getByTestId('whitelist-report');
    await report.waitFor();
    expect(await report.textContent()).toContain('新增2家');

    await fillVisible(page, 'whitelist-batch', '第四批');
    await fillTextarea(page, 'whitelist-csv', `${creditCode(903)},好企业\n91320115MA00000000,坏代码企业`);
    await tapButton(page, '导入');
    const problems = page.getByTestId('whitelist-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('整批未导入');
    await row(page, 'whitelist-history').getByText('第三批重点企业').waitFor();
    await choose(page, 'whitelist-batches', '第三批重点企业（2）');
    const listed = row(page, `whitelist-${creditCode(902)}`);
    await listed.waitFor();
    await listed.getByText('移出').click();
    await confirmModal(page);
    await listed.waitFor({ state: 'detached' });
    await page.locator('[data-testid="whitelist-batches"]:visible').getByText('第三批重点企业（1）').waitFor();
    await saveScreenshot(page, 'admin-whitelist');
    await navigateBack(page);
  });

  it('adds and lifts a blacklist entry and a suspension (熔断), which is listed', async () => {
    await openFromHome(page, 'sanctions');
    await choose(page, 'blacklist-kind', '车辆');
    await fillVisible(page, 'blacklist-key', '苏A9B876');
    await fillVisible(page, 'blacklist-reason', '出借通行证');
    await tapButton(page, '列入黑名单');
    const entry = page.locator('[data-testid="blacklist-entry"]:visible', { hasText: '苏A9B876' });
    await entry.waitFor();

    await fillVisible(page, 'suspend-search', '示范');
    await choose(page, 'suspend-enterprise', '南京江宁示范物流有限公司');
    await fillVisible(page, 'suspend-reason', '疫情溯源涉及该企业');
    await tapButton(page, '暂停办理');
    const suspension = page.locator('[data-testid="suspension"]:visible', { hasText: '南京江宁示范物流有限公司' });
    await suspension.waitFor();
    expect((await adminApi.get('/admin/suspensions')).body).toHaveLength(1);
    await saveScreenshot(page, 'admin-sanctions');

    await entry.getByText('移出').click();
    await confirmModal(page);
    await entry.waitFor({ state: 'detached' });
    await suspension.getByText('解除').click();
    await confirmModal(page);
    await suspension.waitFor({ state: 'detached' });
    expect((await adminApi.get('/admin/suspensions')).body).toHaveLength(0);
    await navigateBack(page);
  });

  it('filters the audit log and exports it as CSV', async () => {
    await openFromHome(page, 'audit');
    await choose(page, 'audit-entity', '账号');
    await page.waitForFunction(() => {
      const actions = [...document.querySelectorAll('[data-testid="audit-action-name"]')].map((el) => el.textContent);
      return actions.length > 0 && actions.every((a) => a?.startsWith('account.'));
    });
    await fillVisible(page, 'audit-action', 'account.disable');
    await tapButton(page, '筛选');
    await page.waitForFunction(() => {
      const actions = [...document.querySelectorAll('[data-testid="audit-action-name"]')].map((el) => el.textContent);
      return actions.length === 1 && actions[0] === 'account.disable';
    });
    const download = page.waitForEvent('download');
    await tapButton(page, '导出本页');
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv).toContain('account.disable');
    expect(csv.split('\r\n')[0]).toContain('操作人');
    await saveScreenshot(page, 'admin-audit');
    await navigateBack(page);
  });

  it('shows the seeded holiday calendar and saves a day added to next year', async () => {
    await openFromHome(page, 'holidays');
    const worked = row(page, 'holiday-2026-10-10');
    await worked.waitFor();
    expect(await worked.textContent()).toContain('调休上班');
    expect(await worked.textContent()).toContain('周六');
    await choose(page, 'holiday-year', '2027年');
    await row(page, 'holiday-2027-02-06').waitFor();
    await fillVisible(page, 'holiday-date', '2026-04-05');
    await fillVisible(page, 'holiday-name', '清明节');
    await tapButton(page, '添加');
    await page.locator('[data-testid="holiday-date-error"]:visible').getByText('日期应在2027年内').waitFor();
    await fillVisible(page, 'holiday-date', '2027-04-05');
    await tapButton(page, '添加');
    await row(page, 'holiday-2027-04-05').waitFor();
    await tapButton(page, '保存2027年安排');
    await page.waitForFunction(
      () => document.body.textContent?.includes('已保存并生效') || document.body.textContent?.includes('未能保存'),
    );
    expect(await page.locator('.taro-modal__content:visible').count()).toBe(0);
    const saved = (await apiClient(servers[1].url).get('/holidays?year=2027')).body;
    expect(saved).toContainEqual({ date: '2027-04-05', kind: 'holiday', name: '清明节' });
    await saveScreenshot(page, 'admin-holidays');
    await navigateBack(page);
  });

  it('changes the maximum validity in the console: the form and the other server process apply it at once', async () => {
    const before = (await apiClient(servers[1].url).get('/settings')).body.version;
    await openFromHome(page, 'settings');
    await page.getByTestId('settings-version').getByText(`第${before}版`).waitFor();
    await fillVisible(page, 'settings-max-days', '0');
    await tapButton(page, '预览变更');
    await page.locator('[data-testid="settings-max-days-error"]:visible').waitFor();
    await fillVisible(page, 'settings-max-days', '6');
    await tapButton(page, '预览变更');
    const preview = page.getByTestId('settings-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('最长有效天数10天 → 6天');
    expect(await page.locator('[data-testid="settings-change"]:visible').count()).toBe(1);
    await saveScreenshot(page, 'admin-settings');
    await tapButton(page, '确认保存');
    await page
      .getByTestId('settings-version')
      .getByText(`第${before + 1}版`)
      .waitFor();
    const saved = Date.now();
    // The saved version is listed among the versions, and the preview of the draft it saved is gone.
    await row(page, 'settings-history')
      .getByText(`第${before + 1}版`)
      .waitFor();
    expect(await row(page, 'settings-history').textContent()).toContain('6天');
    expect(await page.locator('[data-testid="settings-preview"]:visible').count()).toBe(0);

    // The fleet manager works against the other server process.
    const fleetContext = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    const fleetPage = await fleetContext.newPage();
    await signIn(fleetPage, servers[1].url, '13800000001', 'demo1234');
    await fleetPage.waitForURL(/packages\/fleet\/pages\/home/);
    // The home has rendered: opening the form now is not overtaken by the sign-in's own navigation.
    await fleetPage.getByTestId('enterprise-name').waitFor();
    await openPath(fleetPage, servers[1].url, '/packages/fleet/pages/application-form/index');
    await fleetPage.getByText('本省最长6天').first().waitFor();
    expect(Date.now() - saved).toBeLessThan(60_000);
    await fleetContext.close();

    const fleet = await loginAs(servers[1].url, '13800000001');
    const registered = await registerFleet(fleet, '苏A7E601', 610);
    const draft = await fleet.post('/applications', completeApplication(registered, 1, 10));
    const refused = await fleet.post(`/applications/${draft.body.id}/submit`);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('6');
    await navigateBack(page);
  });
});
