import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { loginAs } from '@pass/server-testing/api';
import { completeApplication, registerFleet, submitApplication } from '@pass/server-testing/fixtures';
import { freePort } from '@pass/server-testing/server-process';
import type { IssuerDocument, SignedDocument } from '@pass/shared';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './support/browser.js';
import { signIn, tapButton } from './support/h5.js';
import { type Stack, startStack } from './support/stack.js';
import { confirmModal, fillTextarea, fillVisible, openDesktopPage, openPath, toastGone } from './support/taro.js';

jest.setTimeout(120_000);

/**
 * 全国互认 on the admin's screen: Jiangsu's admin reads this province's fingerprint, imports Zhejiang's
 * issuer document by its address with the fingerprint Zhejiang read out (a mistyped one is refused),
 * sees it trusted with its revocation list's age, syncs Zhejiang's whitelist (白名单互认: an official
 * sees the source on the queue row and in the preview, a forged paste is refused), removes that
 * whitelist, suspends the issuer and removes it.
 */
describe('the admin imports another province’s issuer (H5)', () => {
  let jiangsu: Stack;
  let zhejiang: Stack;
  let browser: Browser;
  let admin: Page;
  let zhejiangFingerprint: string;

  beforeAll(async () => {
    const port = await freePort();
    [jiangsu, zhejiang] = await Promise.all([
      startStack({ FEDERATION_SYNC_MINUTES: '0' }),
      startStack({ PROVINCE: 'zhejiang', PUBLIC_BASE_URL: `http://127.0.0.1:${port}` }, port),
    ]);
    const signed = (await (await fetch(`${zhejiang.url}/api/federation/issuer`)).json()) as SignedDocument;
    zhejiangFingerprint = (JSON.parse(signed.body) as IssuerDocument).fingerprint;
    browser = await launchBrowser();
    admin = await openDesktopPage(browser);
  }, 180_000);

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await Promise.all([jiangsu?.stop(), zhejiang?.stop()]);
    }
  });

  it('shows this province’s fingerprint to read out', async () => {
    await signIn(admin, jiangsu.url, '13800000000', 'demo1234');
    await admin.getByTestId('admin-menu-federation').click();
    await admin.getByTestId('admin-federation').waitFor();
    const own = (await (await fetch(`${jiangsu.url}/api/federation/issuer`)).json()) as SignedDocument;
    const fingerprint = (JSON.parse(own.body) as IssuerDocument).fingerprint;
    const shown = (await admin.getByTestId('own-fingerprint').textContent()) ?? '';
    expect(shown.replace(/\s/g, '')).toBe(fingerprint);
    await admin.getByText('尚未导入外省签发方').waitFor();
  });

  it('refuses a mistyped fingerprint, then trusts Zhejiang with the right one', async () => {
    await fillVisible(admin, 'issuer-url', `${zhejiang.url}/api/federation/issuer`);
    const wrong = `${zhejiangFingerprint.slice(0, 60)}${zhejiangFingerprint.endsWith('0000') ? '1111' : '0000'}`;
    await fillVisible(admin, 'issuer-fingerprint', wrong);
    await tapButton(admin, '核对并导入');
    await admin.getByTestId('issuer-problem').getByText('指纹与签发方文件的签名密钥不一致', { exact: false }).waitFor();
    await expect(admin.getByTestId('issuer-330000').count()).resolves.toBe(0);

    await fillVisible(admin, 'issuer-fingerprint', zhejiangFingerprint.toUpperCase().replace(/(.{4})/g, '$1 '));
    await tapButton(admin, '核对并导入');
    const row = admin.locator('[data-testid="issuer-330000"]:visible');
    await row.getByText('信任中').waitFor();
    await expect(row.textContent()).resolves.toContain('浙江省');
    await expect(row.getByTestId('issuer-sync').textContent()).resolves.toContain('第0版');
    await toastGone(admin);
    await saveScreenshot(admin, 'admin-federation');
  });

  it('syncs Zhejiang’s whitelist; Jiangsu’s official sees the source on the queue row; a forged paste is refused', async () => {
    // Zhejiang lists the demo enterprise, which is registered in Jiangsu.
    const zhejiangAdmin = await loginAs(zhejiang.url, '13800000000');
    const listed = await zhejiangAdmin.post('/admin/whitelist/import', {
      batch: '长三角互认',
      csv: '91320115MA1MY5Q2XW,南京江宁示范物流有限公司\n',
    });
    expect(listed.status).toBe(200);
    const row = admin.locator('[data-testid="issuer-330000"]:visible');
    await expect(row.getByTestId('issuer-whitelist').textContent()).resolves.toBe('未互认白名单');
    await row.getByText('同步白名单').click();
    await row.getByTestId('issuer-whitelist').getByText('1家企业', { exact: false }).waitFor();
    await toastGone(admin);
    await saveScreenshot(admin, 'admin-federation-whitelist');

    await fillTextarea(admin, 'whitelist-document', '{"body":"{}","kid":"00000000","signature":"AAAA"}');
    await tapButton(admin, '核对并导入白名单');
    await admin.getByTestId('whitelist-problem').getByText('白名单文件无效', { exact: false }).waitFor();

    const fleet = await loginAs(jiangsu.url, '13800000001');
    const id = await submitApplication(fleet, completeApplication(await registerFleet(fleet, '苏A7W101', 710), 0, 5));
    const official = await openDesktopPage(browser);
    await signIn(official, jiangsu.url, '13800000002', 'demo1234');
    await official.waitForURL(/packages\/review\/pages\/home/);
    await official.getByTestId('counter-waiting').waitFor();
    await openPath(official, jiangsu.url, '/packages/review/pages/queue/index');
    const item = official.getByTestId('queue-item').filter({ hasText: '苏A·7W101' });
    await item.getByText('白名单（浙江省互认）').waitFor();
    await item.locator('.queue-row__body').click();
    await official.getByTestId('queue-preview').getByText('白名单（浙江省互认）').waitFor();
    await saveScreenshot(official, 'review-queue-recognised-whitelist');
    expect((await fleet.get(`/applications/${id}`)).status).toBe(200);
    await official.context().close();

    await row.getByText('移除白名单').click();
    await expect(confirmModal(admin)).resolves.toContain('不再优先审核');
    await row.getByTestId('issuer-whitelist').getByText('未互认白名单').waitFor();
  });

  it('suspends and removes the issuer, each after a confirmation', async () => {
    const row = admin.locator('[data-testid="issuer-330000"]:visible');
    await row.getByText('暂停').click();
    await expect(confirmModal(admin)).resolves.toContain('将无法核验');
    await row.getByText('已暂停').waitFor();
    await row.getByText('移除', { exact: true }).click();
    await confirmModal(admin);
    await admin.getByText('尚未导入外省签发方').waitFor();
  });
});
