import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type ApiClient, loginAs } from '@pass/server-testing/api';
import { completeApplication, registerFleet, submitApplication } from '@pass/server-testing/fixtures';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPhonePage, saveScreenshot } from './support/browser.js';
import { signIn } from './support/h5.js';
import { type Stack, startStack } from './support/stack.js';
import { openPath } from './support/taro.js';

jest.setTimeout(180_000);

const queuePath = '/packages/review/pages/queue/index';
const waiting = 20;

/**
 * The district official's review queue as a desktop workspace (1440×900): a dense table with the
 * chosen application beside it, sorted by a column, decided with the keyboard alone; and the same
 * rows as one column of cards on a phone.
 */
describe('the review queue at a desk (H5)', () => {
  let stack: Stack;
  let browser: Browser;
  let fleet: ApiClient;
  const plates: string[] = [];
  const idOf: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
    fleet = await loginAs(stack.url, '13800000001');
    for (let i = 0; i < waiting; i++) {
      const plate = `苏A8${String(3000 + i)}`;
      const registered = await registerFleet(fleet, plate, 100 + 2 * i);
      idOf[plate] = await submitApplication(fleet, completeApplication(registered, 0, 5));
      plates.push(plate);
    }
  }, 240_000);

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await stack?.stop();
    }
  });

  const openQueue = async (page: Page, rows: number) => {
    await signIn(page, stack.url, '13800000002', 'demo1234');
    await page.waitForURL(/packages\/review\/pages\/home/);
    await page.getByTestId('jurisdiction').getByText('南京市').waitFor();
    await openPath(page, stack.url, queuePath);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="queue-item"]').length === n, rows);
  };

  /** The plate in the detail beside the table, as the API spells it (苏A·83000 → 苏A83000). */
  const previewPlate = async (page: Page) =>
    ((await page.getByTestId('preview-plate').textContent()) ?? '').replace('·', '');

  const currentPlate = async (page: Page) =>
    (
      (await page.locator('[data-testid="queue-item"][data-current="true"] .queue-row__plate').textContent()) ?? ''
    ).replace('·', '');

  it('shows at least 15 applications without scrolling, sorts by a column, and decides with the keyboard alone', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await openQueue(page, waiting);

    // Rows wholly inside the window and above the batch bar.
    const visible = await page.evaluate(() => {
      const bar = document.querySelector('.queue__bar')?.getBoundingClientRect().top ?? window.innerHeight;
      return [...document.querySelectorAll('[data-testid="queue-item"]')]
        .map((row) => row.getBoundingClientRect())
        .filter((box) => box.top >= 0 && box.bottom <= Math.min(bar, window.innerHeight)).length;
    });
    expect(visible).toBeGreaterThanOrEqual(15);
    // Desktop typography: body text of the table at 14–16 CSS px.
    const size = await page
      .locator('.queue-row__enterprise')
      .first()
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(14);
    expect(size).toBeLessThanOrEqual(16);
    // The table and the chosen application's detail side by side.
    const [list, preview] = await Promise.all(
      ['.queue__list', '[data-testid="queue-preview"]'].map((s) => page.locator(s).boundingBox()),
    );
    expect(preview!.x).toBeGreaterThanOrEqual(list!.x + list!.width);
    await saveScreenshot(page, 'review-queue-desk-1440');

    // Sorted by plate, descending on the second click.
    await page.getByTestId('sort-plate').click();
    await page.getByTestId('sort-plate').click();
    const sorted = [...plates].sort().reverse();
    await expect(currentPlate(page)).resolves.toBe(sorted[0]);
    await page.getByTestId('preview-plate').getByText(sorted[0].replace(/^(..)/, '$1·')).waitFor();

    // j / k move through the rows, the detail follows.
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await expect(currentPlate(page)).resolves.toBe(sorted[1]);
    await page.getByTestId('preview-plate').getByText(sorted[1].replace(/^(..)/, '$1·')).waitFor();
    expect(await previewPlate(page)).toBe(sorted[1]);

    // a: approve (the comment is optional), Ctrl+Enter confirms.
    await page.keyboard.press('a');
    await page.getByTestId('reason-popup').waitFor();
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('reason-popup').waitFor({ state: 'detached' });
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="queue-item"]').length === n,
      waiting - 1,
    );
    expect((await fleet.get(`/applications/${idOf[sorted[1]]}`)).body.reviewLevelIndex).toBe(1);

    // The next row is chosen; r: return, with a reason typed into the box that has the focus.
    await expect(currentPlate(page)).resolves.toBe(sorted[2]);
    await page.getByTestId('preview-plate').getByText(sorted[2].replace(/^(..)/, '$1·')).waitFor();
    await page.keyboard.press('r');
    await page.getByTestId('reason-popup').waitFor();
    // The cursor is in the reason's box, without a click.
    await page.waitForFunction(() => document.activeElement?.closest('[data-testid="reason-input"]') !== null);
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('reason-error').textContent()).resolves.toContain('退回理由');
    await saveScreenshot(page, 'review-queue-desk-return');
    await page.keyboard.type('请补充装箱单');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('reason-popup').waitFor({ state: 'detached' });
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="queue-item"]').length === n,
      waiting - 2,
    );
    const returned = (await fleet.get(`/applications/${idOf[sorted[2]]}`)).body;
    expect(returned.status).toBe('returned');
    expect(returned.lastReason).toBe('请补充装箱单');

    // x: reject asks for its reason too; Esc leaves it undecided.
    await page.keyboard.press('x');
    await page.getByTestId('reason-popup').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('reason-popup').waitFor({ state: 'detached' });
    expect((await fleet.get(`/applications/${idOf[sorted[3]]}`)).body.status).not.toBe('rejected');
    await context.close();
  });

  it('lays the same rows out as one column of cards on a phone, a row opening the detail page', async () => {
    const page = await openPhonePage(browser);
    // Two were decided at the desk.
    await openQueue(page, waiting - 2);
    await expect(page.locator('.queue-table__head').isVisible()).resolves.toBe(false);
    const [first, second] = await Promise.all([0, 1].map((i) => page.getByTestId('queue-item').nth(i).boundingBox()));
    expect(second!.y).toBeGreaterThanOrEqual(first!.y + first!.height);
    expect(first!.width).toBeGreaterThan(340);
    await saveScreenshot(page, 'review-queue-phone-390');
    await page.getByTestId('queue-item').first().locator('.queue-row__body').click();
    await page.waitForURL(/review\/pages\/detail/);
    await page.getByTestId('risks').waitFor();
    await page.context().close();
  });
  it('picks rows with Space and approves them together with B, the confirmation answered with Enter', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    // Two were decided at the desk before.
    await openQueue(page, waiting - 2);
    const picked = [await currentPlate(page)];
    await page.keyboard.press(' ');
    await page.keyboard.press('j');
    picked.push(await currentPlate(page));
    await page.keyboard.press(' ');
    await expect(page.locator('[data-testid="queue-pick"][aria-checked="true"]').count()).resolves.toBe(2);
    await page.getByText('批量通过（2）').waitFor();

    // b asks first, in a dialog that has the focus on its confirming button; keys stay in it.
    await page.keyboard.press('b');
    const dialog = page.getByRole('dialog');
    await dialog.getByText('确定通过选中的2个申请吗', { exact: false }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === '通过');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.activeElement?.textContent === '取消');
    await page.keyboard.press('j');
    await expect(currentPlate(page)).resolves.toBe(picked[1]);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    // The outcome, a notice with one button: Enter closes it.
    await dialog.getByText('已通过2个').waitFor();
    await saveScreenshot(page, 'review-queue-desk-batch');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="queue-item"]').length === n,
      waiting - 4,
    );
    for (const plate of picked) expect((await fleet.get(`/applications/${idOf[plate]}`)).body.reviewLevelIndex).toBe(1);
    // The page has the keys again.
    await page.keyboard.press('x');
    await page.getByTestId('reason-popup').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('reason-popup').waitFor({ state: 'detached' });
    await context.close();
  });
});
