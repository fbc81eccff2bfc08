import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type ApiClient, loginAs } from '@pass/server-testing/api';
import { completeApplication, registerFleet, submitApplication } from '@pass/server-testing/fixtures';
import { latestCodeTo, textsTo } from '@pass/server-testing/sms';
import { passStatusNames } from '@pass/shared';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPhonePage, saveScreenshot } from './support/browser.js';
import { fill, signIn, tapButton } from './support/h5.js';
import { type Stack, startStack } from './support/stack.js';
import { openPath } from './support/taro.js';

jest.setTimeout(120_000);

const qrImage = '[data-testid="pass-qr"] img, img[data-testid="pass-qr"]';
/** registerFleet's driver. */
const driverPhone = '13912345678';

/**
 * 驾驶员/押运员登录: the driver signs in from the login page with the code texted to the phone on their
 * driver record and opens the pass they ride on; the fleet manager texts the crew from the pass screen;
 * after a revocation the next sync shows it revoked, and with no network the last download still shows.
 */
describe('the driver’s own pass in H5 at a phone viewport', () => {
  let stack: Stack;
  let smsDir: string;
  let smsFile: string;
  let browser: Browser;
  let driver: Page;
  let official: ApiClient;
  let passId: string;

  beforeAll(async () => {
    smsDir = mkdtempSync(join(tmpdir(), 'pass-sms-'));
    smsFile = join(smsDir, 'sms.log');
    stack = await startStack({
      SMS_DEV_FILE: smsFile,
      PROVINCE_SETTINGS: JSON.stringify({ approvalChain: ['district'] }),
    });
    const fleet = await loginAs(stack.url, '13800000001');
    official = await loginAs(stack.url, '13800000002');
    const id = await submitApplication(fleet, completeApplication(await registerFleet(fleet, '苏A8D001', 81), 0, 5));
    passId = (await official.post(`/reviews/${id}/decision`, { decision: 'approve' })).body.passId;
    browser = await launchBrowser();
    driver = await openPhonePage(browser);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    rmSync(smsDir, { recursive: true, force: true });
  });

  it('signs the driver in with the texted code from the login page and opens their pass', async () => {
    await driver.goto(`${stack.url}/#/pages/login/index`);
    await driver.getByTestId('crew-sign-in-link').click();
    await driver.getByText('驾驶员、押运员用车队登记的手机号接收验证码登录').waitFor();
    await fill(driver, 'crew-phone', driverPhone);
    await tapButton(driver, '获取验证码');
    await driver.getByTestId('crew-notice').waitFor();
    await driver.getByText(/秒后重新获取/).waitFor();
    const code = latestCodeTo(smsFile, driverPhone);
    expect(code).toMatch(/^\d{6}$/);

    // A wrong code is refused in Chinese; the right one opens the passes this person rides on.
    await fill(driver, 'crew-code', code === '000000' ? '111111' : '000000');
    await tapButton(driver, '登录');
    await expect(driver.getByTestId('crew-error').textContent()).resolves.toBe('验证码错误或已失效，请重新获取');
    await fill(driver, 'crew-code', code!);
    await tapButton(driver, '登录');
    await driver.getByTestId('crew-holder').getByText('周师傅（13912345678）随车的通行证').waitFor();
    await driver.getByTestId('pass-item').filter({ hasText: '苏A·8D001' }).waitFor();
    await saveScreenshot(driver, 'crew-pass-list');

    await driver.getByTestId('pass-item').filter({ hasText: '苏A·8D001' }).click();
    await driver.locator(qrImage).first().waitFor();
    await expect(driver.getByTestId('pass-plate').textContent()).resolves.toBe('苏A·8D001');
    await expect(driver.getByTestId('pass-standing').textContent()).resolves.toBe('有效');
    // The fleet manager's share button is not the driver's.
    await expect(driver.getByTestId('pass-share').count()).resolves.toBe(0);
    await saveScreenshot(driver, 'crew-pass-screen');
  });

  it('lets the fleet manager text the crew from the pass screen', async () => {
    const manager = await openPhonePage(browser);
    await signIn(manager, stack.url, '13800000001', 'demo1234');
    await manager.getByText('我的通行证').first().waitFor();
    await openPath(manager, stack.url, `/packages/pass/pages/detail/index?id=${passId}`);
    await manager.locator(qrImage).first().waitFor();
    const before = textsTo(smsFile, driverPhone).length;
    await manager.getByTestId('pass-share').click();
    await manager.getByText('已向 139****5678、139****5679 发送短信').waitFor();
    expect(textsTo(smsFile, driverPhone)).toHaveLength(before + 1);
    expect(textsTo(smsFile, driverPhone).at(-1)).toContain('苏A·8D001');
    await saveScreenshot(manager, 'crew-pass-shared');
    await manager.close();
  });

  it('shows the revocation after the next sync, and the revoked pass still offline', async () => {
    const revoked = await official.post(`/passes/${passId}/revoke`, { reason: '车辆已转让' });
    expect(revoked.status).toBe(200);

    await openPath(driver, stack.url, '/packages/pass/pages/list/index');
    const item = driver.getByTestId('pass-item').filter({ hasText: '苏A·8D001' });
    await item.getByText(passStatusNames.revoked).waitFor();
    await item.click();
    await driver.getByTestId('pass-void').waitFor();
    await expect(driver.getByTestId('pass-standing').textContent()).resolves.toBe(passStatusNames.revoked);
    await driver.getByText('车辆已转让').waitFor();
    await saveScreenshot(driver, 'crew-pass-revoked');

    // No network: the list and the pass show from the last download, revocation included.
    await openPath(driver, stack.url, '/packages/pass/pages/list/index');
    await item.waitFor();
    await driver.context().setOffline(true);
    try {
      await item.click();
      await driver.getByTestId('pass-offline').waitFor();
      await expect(driver.getByTestId('pass-standing').textContent()).resolves.toBe(passStatusNames.revoked);
      await driver.locator(qrImage).first().waitFor();
      await saveScreenshot(driver, 'crew-pass-offline');
    } finally {
      await driver.context().setOffline(false);
    }
  });
});
