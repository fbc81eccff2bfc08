import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type ApiClient, loginAs } from '@pass/server-testing/api';
import { completeApplication, registerFleet, submitApplication } from '@pass/server-testing/fixtures';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPhonePage, saveScreenshot } from './support/browser.js';
import { signIn } from './support/h5.js';
import { type Stack, startStack } from './support/stack.js';
import { openPath } from './support/taro.js';

jest.setTimeout(180_000);

/**
 * Search (issue 17) as officials and a fleet manager use it: the review queue on a phone and at a desk,
 * the pass management list, and the fleet's vehicles and applications; what nothing matches says so,
 * and a search the server cannot read shows its message.
 */
describe('search in the lists (H5)', () => {
  let stack: Stack;
  let browser: Browser;
  let fleet: ApiClient;
  const plates = ['苏A86001', '苏A86002', '苏A86003'];

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
    fleet = await loginAs(stack.url, '13800000001');
    for (const [i, plate] of plates.entries()) {
      const registered = await registerFleet(fleet, plate, 300 + 2 * i);
      await submitApplication(fleet, completeApplication(registered, 0, 5));
    }
  }, 180_000);

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await stack?.stop();
    }
  });

  /** Types into a list's search box and presses the keyboard's search (Enter) or taps 搜索. */
  const search = async (page: Page, testId: string, text: string, by: 'enter' | 'button' = 'enter') => {
    const input = page.locator(`[data-testid="${testId}"] input:visible`).first();
    await input.fill(text);
    if (by === 'enter') await input.press('Enter');
    else await page.locator(`[data-testid="${testId}"] .nut-button:visible`).click();
  };

  const countOf = (page: Page, testId: string, n: number) =>
    page.waitForFunction(
      ([id, count]) =>
        [...document.querySelectorAll(`[data-testid="${id}"]`)].filter((e) => (e as HTMLElement).offsetParent)
          .length === count,
      [testId, n] as const,
    );

  const signedIn = async (page: Page, phone: string, home: RegExp) => {
    await signIn(page, stack.url, phone, 'demo1234');
    await page.waitForURL(home);
  };

  it('the queue on a phone: by plate, nothing found, and a search it cannot read', async () => {
    const page = await openPhonePage(browser);
    await signedIn(page, '13800000002', /packages\/review\/pages\/home/);
    await openPath(page, stack.url, '/packages/review/pages/queue/index');
    await countOf(page, 'queue-item', 3);

    await search(page, 'queue-search', '苏a 86002');
    await countOf(page, 'queue-item', 1);
    expect(await page.locator('[data-testid="queue-item"]:visible').first().textContent()).toContain('86002');
    await saveScreenshot(page, 'search-queue-phone');

    await search(page, 'queue-search', '苏A99999', 'button');
    await page.getByTestId('queue-empty').getByText('未找到与“苏A99999”相符的待审核申请').waitFor();

    await search(page, 'queue-search', '12345');
    await page.locator('.error-text:visible', { hasText: '通行证编号应为12位数字' }).waitFor();

    // Cleared: the whole queue again.
    await page.locator('[data-testid="queue-search"] .nut-searchbar-clear:visible').click();
    await countOf(page, 'queue-item', 3);
    await page.context().close();
  });

  it('the queue at a desk by enterprise name, and pass management by plate', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signedIn(page, '13800000002', /packages\/review\/pages\/home/);
    await openPath(page, stack.url, '/packages/review/pages/queue/index');
    await countOf(page, 'queue-item', 3);
    await search(page, 'queue-search', '南京江宁示范');
    await countOf(page, 'queue-item', 3);
    await search(page, 'queue-search', '上海某某');
    await page.getByTestId('queue-empty').getByText('未找到与“上海某某”相符的待审核申请').waitFor();
    await saveScreenshot(page, 'search-queue-desk');

    await openPath(page, stack.url, '/packages/review/pages/passes/index');
    await page.getByTestId('pass-search-empty').getByText('本辖区尚未签发通行证').waitFor();
    await search(page, 'pass-search', '苏A86001');
    await page.getByTestId('pass-search-empty').getByText('未找到与“苏A86001”相符的通行证').waitFor();
    await context.close();
  });

  it('the fleet’s vehicles and applications by plate', async () => {
    const page = await openPhonePage(browser);
    await signedIn(page, '13800000001', /packages\/fleet\/pages\/home/);
    await openPath(page, stack.url, '/packages/fleet/pages/vehicles/index');
    await countOf(page, 'vehicle-item', 3);
    await search(page, 'vehicle-item-search', '苏A86003');
    await countOf(page, 'vehicle-item', 1);
    await search(page, 'vehicle-item-search', '苏B');
    await page.getByText('未找到与“苏B”相符的车辆').waitFor();
    await saveScreenshot(page, 'search-fleet-vehicles');

    await openPath(page, stack.url, '/packages/fleet/pages/applications/index');
    await countOf(page, 'application-card', 3);
    await search(page, 'application-search', '苏A86001');
    await countOf(page, 'application-card', 1);
    await search(page, 'application-search', '苏A9');
    await page.getByText('未找到与“苏A9”相符的申请').waitFor();
    await page.context().close();
  });

  it('an admin opens pass management from the home and finds a pass by number or enterprise', async () => {
    const district = await loginAs(stack.url, '13800000002');
    const city = await loginAs(stack.url, '13800000003');
    const [waiting] = (await district.get(`/reviews/queue?q=${encodeURIComponent('苏A86003')}`)).body.items;
    await district.post(`/reviews/${waiting.id}/decision`, { decision: 'approve' });
    const issued = await city.post(`/reviews/${waiting.id}/decision`, { decision: 'approve' });
    const { passNumber } = (await city.get(`/passes/${issued.body.passId}`)).body;

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await signedIn(page, '13800000000', /packages\/admin\/pages\/home/);
    await page.getByTestId('admin-menu-passes').click();
    await page.waitForURL(/packages\/review\/pages\/passes/);
    await countOf(page, 'pass-item', 1);
    await search(page, 'pass-search', passNumber);
    await countOf(page, 'pass-item', 1);
    expect(await page.locator('[data-testid="pass-item"]:visible').textContent()).toContain('86003');
    await search(page, 'pass-search', '南京江宁示范', 'button');
    await countOf(page, 'pass-item', 1);
    await search(page, 'pass-search', '苏A86001');
    await page.getByTestId('pass-search-empty').getByText('未找到与“苏A86001”相符的通行证').waitFor();
    await saveScreenshot(page, 'search-admin-passes');
    await context.close();
  });
});
