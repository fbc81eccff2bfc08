import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPhonePage, saveScreenshot } from './support/browser.js';
import { signIn, tapButton } from './support/h5.js';
import { type Stack, startStack } from './support/stack.js';

// Jest reads `testTimeout` only at the top level of its config, not per project: browser steps need longer.
jest.setTimeout(120_000);

describe('H5 app in Chromium at a phone viewport', () => {
  let server: Stack;
  let browser: Browser;

  beforeAll(async () => {
    server = await startStack();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sends a visitor without a session to the login page, which shows the status it got from the API', async () => {
    const page = await openPhonePage(browser);
    const healthResponse = page.waitForResponse((res) => res.url().endsWith('/api/health'));
    await page.goto(server.url);

    expect((await healthResponse).status()).toBe(200);
    await page.waitForURL(/pages\/login\/index/);
    await page.locator('.login__title', { hasText: '重点物资运输车辆通行证' }).waitFor({ state: 'visible' });
    const status = page.getByTestId('service-status');
    await status.getByText('服务正常').waitFor({ timeout: 10_000 });
    expect(await status.textContent()).toContain('数据库已连接');
    await saveScreenshot(page, 'login');
  });

  it.each([
    ['13800000002', 'packages/review/pages/home/index'],
    ['13800000004', 'packages/checkpoint/pages/home/index'],
  ])('sends %s to the home of its role, in its own subpackage', async (phone, home) => {
    const page = await openPhonePage(browser);
    await signIn(page, server.url, phone, 'demo1234');
    await page.waitForURL(new RegExp(home));
    // Opening the app again with the session kept goes straight to the same home.
    await page.goto(server.url);
    await page.waitForURL(new RegExp(home));
  });

  it('sends the administrator to the administration home, from which signing out leads back to the login page', async () => {
    const page = await openPhonePage(browser);
    await signIn(page, server.url, '13800000000', 'demo1234');
    await page.waitForURL(/packages\/admin\/pages\/home\/index/);
    await page.getByTestId('admin-menu-accounts').waitFor();
    expect(await page.locator('body').textContent()).not.toContain('该功能正在建设中');
    await saveScreenshot(page, 'admin-home');

    await tapButton(page, '退出登录');
    await page.waitForURL(/pages\/login\/index/);
    await page.goto(server.url);
    await page.waitForURL(/pages\/login\/index/);
  });
});
