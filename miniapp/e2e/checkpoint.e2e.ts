import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type ApiClient } from '@pass/server-testing/api';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPhonePage, saveScreenshot } from './support/browser.js';
import { issueCheckpointPasses } from './support/checkpoint-passes.js';
import { backHome as backHomeOn, checkText as checkTextOn } from './support/checkpoint-screen.js';
import { fieldError, signIn, tapButton } from './support/h5.js';
import { type Stack, startStack } from './support/stack.js';
import { fillTextarea, fillVisible, navigateBack, openPath } from './support/taro.js';

jest.setTimeout(120_000);

const green = 'rgb(31, 122, 77)';
const grey = 'rgb(95, 99, 96)';
const home = '/packages/checkpoint/pages/home/index';

/**
 * The checkpoint officer (卡口人员) in the H5 build: the offline bundle synced and its age shown, passes
 * checked by number and by the QR code's text, online and (with the network cut) offline with the same
 * verdict, every scan saved on the device first and uploaded later. The steps share one page.
 */
describe('checkpoint staff (卡口人员) in H5 at a phone viewport', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let official: ApiClient;
  const passes: Record<'kept' | 'revoked', { id: string; passNumber: string; url: string }> = {} as never;

  beforeAll(async () => {
    stack = await startStack({ PROVINCE_SETTINGS: JSON.stringify({ approvalChain: ['district'] }) });
    const issued = await issueCheckpointPasses(stack.url, { kept: '苏A82001', revoked: '苏A82002' });
    official = issued.official;
    Object.assign(passes, issued.passes);
    browser = await launchBrowser();
    page = await openPhonePage(browser);
  }, 180_000);

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await stack?.stop();
    }
  });

  const verdictColour = () => page.getByTestId('verdict-band').evaluate((el) => getComputedStyle(el).backgroundColor);
  /** The last button of the result screen: 继续核验, 不登记，返回 or 返回. */
  const backHome = () => backHomeOn(page);
  const checkNumber = async (number: string) => {
    await fillVisible(page, 'pass-number', number);
    await tapButton(page, '按编号核验');
  };
  const checkText = (text: string) => checkTextOn(page, text);

  it('refuses a fleet manager the checkpoint pages (无权)', async () => {
    const other = await openPhonePage(browser);
    await signIn(other, stack.url, '13800000001', 'demo1234');
    await other.getByTestId('enterprise-name').waitFor();
    await openPath(other, stack.url, home);
    await other.getByTestId('denied').waitFor();
    await other.waitForURL(/fleet\/pages\/home/);
    await other.context().close();
  });

  it('signs in, names the checkpoint and syncs the offline data by itself', async () => {
    await signIn(page, stack.url, '13800000004', 'demo1234');
    await page.waitForURL(/checkpoint\/pages\/home/);
    await page.getByTestId('checkpoint-name').getByText('长深高速南京南收费站卡口').waitFor();
    await page
      .getByTestId('bundle-status')
      .getByText(/刚刚同步 · 撤销名单第\d+版 · 签发密钥1个/)
      .waitFor();
    await saveScreenshot(page, 'checkpoint-home');
    // H5 loads each page's code on first use: open the history once while online (WeChat downloads the
    // whole subpackage at once, so there every page works offline).
    await page.locator('.nut-button:visible', { hasText: '查看记录' }).click();
    await page.getByTestId('history-summary').getByText('共0条').waitFor();
    await navigateBack(page);
    await page.locator('[data-testid="pass-number"] input:visible').waitFor();
  });

  it('checks a typed pass number online: green, the plate huge, then files the scan as inbound', async () => {
    await checkNumber('12345');
    await expect(fieldError(page, 'pass-number').textContent()).resolves.toContain('12位数字');
    await checkNumber(passes.kept.passNumber);
    await page.waitForURL(/checkpoint\/pages\/result/);
    await page.getByTestId('verdict').waitFor();
    expect(await page.getByTestId('verdict').getAttribute('data-state')).toBe('valid');
    expect(await verdictColour()).toBe(green);
    await expect(page.getByTestId('verdict-plate').textContent()).resolves.toBe('苏A·82001');
    await expect(page.getByTestId('verdict-advice').textContent()).resolves.toContain('核对车牌号码');
    await expect(page.getByTestId('verdict-source').textContent()).resolves.toContain('在线核验');
    // The plate is the largest thing on the screen.
    const plateSize = await page
      .getByTestId('verdict-plate')
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(plateSize).toBeGreaterThanOrEqual(48);
    await saveScreenshot(page, 'checkpoint-result-valid');
    await tapButton(page, '登记驶入');
    await page.getByTestId('recorded').getByText('已登记驶入').waitFor();
    await backHome();
  });

  it('says plainly when a number is unknown or a QR code is forged, in grey', async () => {
    await checkNumber('320115999999');
    await page.getByTestId('verdict').waitFor();
    expect(await page.getByTestId('verdict').getAttribute('data-state')).toBe('not_found');
    expect(await verdictColour()).toBe(grey);
    await expect(page.getByTestId('verdict-message').textContent()).resolves.toContain('没有编号为320115999999');
    await saveScreenshot(page, 'checkpoint-result-not-found');
    await backHome();

    const forged = passes.kept.url.replace(
      /(\d)(\d{20})$/,
      (_m, d: string, rest: string) => `${(Number(d) + 1) % 10}${rest}`,
    );
    await checkText(forged);
    expect(['signature_invalid', 'malformed']).toContain(await page.getByTestId('verdict').getAttribute('data-state'));
    expect(await verdictColour()).toBe(grey);
    await expect(page.getByTestId('verdict-advice').textContent()).resolves.toContain('不予放行');
    // Nothing from an unverified token is shown, and there is no pass number to file the scan under.
    expect(await page.getByTestId('verdict-plate').count()).toBe(0);
    expect(await page.locator('.nut-button:visible', { hasText: '登记驶入' }).count()).toBe(0);
    await saveScreenshot(page, 'checkpoint-result-forged');
    await backHome();
  });

  it('opens straight to the verdict from a pass URL WeChat hands over as `q`', async () => {
    const other = await openPhonePage(browser);
    await openPath(
      other,
      stack.url,
      `/packages/checkpoint/pages/result/index?q=${encodeURIComponent(encodeURIComponent(passes.kept.url))}`,
    );
    await other.getByTestId('verdict').waitFor();
    expect(await other.getByTestId('verdict').getAttribute('data-state')).toBe('valid');
    await other.context().close();
  });

  it('verifies offline with the synced data: a revocation shows only after syncing', async () => {
    await official.post(`/passes/${passes.revoked.id}/revoke`, { reason: '出借他人使用' });

    // Network cut before syncing: the device's list still has the pass as valid, and says how old it is.
    await page.context().setOffline(true);
    await checkText(passes.revoked.url);
    expect(await page.getByTestId('verdict').getAttribute('data-state')).toBe('valid');
    await expect(page.getByTestId('verdict-source').textContent()).resolves.toContain('离线核验');
    await backHome();

    // Back online: sync fetches the delta; offline again, the same QR code is now refused.
    await page.context().setOffline(false);
    // The status already reads 刚刚同步 from the last sync: wait for the new list's version instead.
    const before = await page.getByTestId('bundle-status').textContent();
    await tapButton(page, '立即同步');
    await page.waitForFunction((previous) => {
      const status = document.querySelector('[data-testid="bundle-status"]')?.textContent ?? '';
      return status !== previous && status.includes('刚刚同步');
    }, before);
    await page.context().setOffline(true);
    await checkText(passes.revoked.url);
    expect(await page.getByTestId('verdict').getAttribute('data-state')).toBe('revoked');
    expect(await verdictColour()).toBe(grey);
    await expect(page.getByTestId('verdict-message').textContent()).resolves.toContain('撤销');
    await expect(page.getByTestId('verdict-source').textContent()).resolves.toContain('离线核验');
    await saveScreenshot(page, 'checkpoint-result-revoked-offline');
    // A refused pass is not let through: no 驶入/驶出, only 拦截 with a reason, prefilled from the verdict.
    expect(await page.locator('.nut-button:visible', { hasText: /登记驶[入出]/ }).count()).toBe(0);
    const reason = page.locator('[data-testid="intercept-reason"] textarea:visible');
    await expect(reason.inputValue()).resolves.toBe('通行证已撤销');
    await fillTextarea(page, 'intercept-reason', '   ');
    await tapButton(page, '登记拦截');
    await page.getByTestId('intercept-error').getByText('请填写拦截原因').waitFor();
    expect(await page.getByTestId('recorded').count()).toBe(0);
    await fillTextarea(page, 'intercept-reason', '通行证已撤销，车辆已劝返');
    await saveScreenshot(page, 'checkpoint-result-intercept');
    await tapButton(page, '登记拦截');
    await page.getByTestId('recorded').getByText('已登记拦截').waitFor();
    await backHome();
  });

  it('keeps scans on the device while offline and uploads them when the network is back', async () => {
    await page
      .getByTestId('pending-scans')
      .getByText(/[1-9]\d*条待上传/)
      .waitFor();
    await page.locator('.nut-button:visible', { hasText: '查看记录' }).click();
    await page.waitForURL(/checkpoint\/pages\/history/);
    await expect(page.getByTestId('history-summary').textContent()).resolves.toMatch(/待上传/);
    await saveScreenshot(page, 'checkpoint-history');

    await page.context().setOffline(false);
    await tapButton(page, '立即上传');
    await page.getByTestId('history-summary').getByText('全部已上传').waitFor();
    const trace = (await official.get(`/passes/${passes.revoked.id}/trace`)).body;
    expect(trace).toEqual([
      expect.objectContaining({ result: 'revoked', kind: 'interception', reason: '通行证已撤销，车辆已劝返' }),
    ]);
    const kept = (await official.get(`/passes/${passes.kept.id}/trace`)).body;
    expect(kept).toEqual([expect.objectContaining({ result: 'valid', kind: 'passage', direction: 'inbound' })]);
  });

  it("shows the interception and its reason on the official's pass screen", async () => {
    const other = await openPhonePage(browser);
    await signIn(other, stack.url, '13800000002', 'demo1234');
    await other.waitForURL(/review\/pages\/home/);
    // The home has rendered: a navigation now is not overtaken by the sign-in's own.
    await other.getByTestId('jurisdiction').waitFor();
    await openPath(other, stack.url, `/packages/review/pages/pass/index?id=${passes.revoked.id}`);
    await other.getByTestId('pass-number').waitFor();
    const stop = other.locator('[data-testid="trace"] [data-kind="interception"]');
    await expect(stop.textContent()).resolves.toContain('长深高速南京南收费站卡口 · 拦截');
    await expect(stop.textContent()).resolves.toContain('拦截原因：通行证已撤销，车辆已劝返');
    await saveScreenshot(other, 'review-trace-interception');
    await other.context().close();
  });
});
