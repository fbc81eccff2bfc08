import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPhonePage, saveScreenshot } from './support/browser.js';
import { type RunningServer, startServer } from './support/server.js';

describe('H5 app in Chromium at a phone viewport', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('renders the home page and shows the status it got from the API', async () => {
    const page = await openPhonePage(browser);
    const healthResponse = page.waitForResponse((res) => res.url().endsWith('/api/health'));
    await page.goto(server.url);

    expect((await healthResponse).status()).toBe(200);
    await page.locator('.index__title', { hasText: '重点物资运输车辆通行证' }).waitFor({ state: 'visible' });
    const status = page.getByTestId('service-status');
    await status.getByText('服务正常').waitFor({ timeout: 10_000 });
    expect(await status.textContent()).toContain('数据库已连接');
    await saveScreenshot(page, 'home');
  });
});
