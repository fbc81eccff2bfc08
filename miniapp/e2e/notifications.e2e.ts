import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { loginAs } from '@pass/server-testing/api';
import { completeApplication, registerFleet, submitApplication } from '@pass/server-testing/fixtures';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPhonePage, saveScreenshot } from './support/browser.js';
import { signIn } from './support/h5.js';
import { type Stack, startStack } from './support/stack.js';
import { navigateBack } from './support/taro.js';

jest.setTimeout(120_000);

/**
 * A fleet manager learns of a return without looking for it: the home shows the unread count, the
 * message centre the return with its reason; opening it marks it read and leads to the application.
 */
describe('notifications (消息中心) in H5 at a phone viewport', () => {
  let server: Stack;
  let browser: Browser;
  let page: Page;
  let applicationId: string;

  beforeAll(async () => {
    server = await startStack({ NOTIFY_POLL_MS: '200' });
    browser = await launchBrowser();
    page = await openPhonePage(browser);
    const fleet = await loginAs(server.url, '13800000001');
    const official = await loginAs(server.url, '13800000002');
    applicationId = await submitApplication(
      fleet,
      completeApplication(await registerFleet(fleet, '苏A6N001', 61), 0, 3),
    );
    const returned = await official.post(`/reviews/${applicationId}/decision`, {
      decision: 'return',
      reason: '收货单位联系电话有误',
    });
    expect(returned.status).toBe(200);
    // Delivered by the outbox worker within a poll or two.
    for (let i = 0; i < 50; i++) {
      if ((await fleet.get('/notifications/unread-count')).body.unread > 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the unread count on the fleet home', async () => {
    await signIn(page, server.url, '13800000001', 'demo1234');
    await page.getByTestId('unread-badge').waitFor();
    await expect(page.getByTestId('unread-badge').textContent()).resolves.toBe('1');
    await page.getByText('1 条未读消息').waitFor();
    await saveScreenshot(page, 'notifications-home-badge');
  });

  it('lists the return with its reason, marks it read when opened, and leads to the application', async () => {
    await page.locator('.nut-cell', { hasText: '消息中心' }).first().click();
    const item = page.getByTestId('message-item').filter({ hasText: '申请被退回修改' });
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain('收货单位联系电话有误');
    await expect(item.textContent()).resolves.toContain('未读');
    await saveScreenshot(page, 'notifications-list');

    const pages = await page.locator('.taro_page').count();
    await item.click();
    await page.waitForURL(new RegExp(`application-detail/index\\?id=${applicationId}`));
    // The detail page is on the stack (not only in the address) before going back from it.
    await page.waitForFunction((before) => document.querySelectorAll('.taro_page').length > before, pages);
    await navigateBack(page);
    await expect(
      page.getByTestId('message-item').filter({ hasText: '申请被退回修改' }).textContent(),
    ).resolves.toContain('已读');
    await navigateBack(page);
    await page.getByText('审核结果、通行证变动等通知').waitFor();
    expect(await page.getByTestId('unread-badge').count()).toBe(0);
  });

  it('shows an official only their own messages', async () => {
    const official = await loginAs(server.url, '13800000002');
    const items = (await official.get('/notifications')).body.items as { event: string }[];
    expect(items.map((n) => n.event)).not.toContain('application.returned');
  });
});
