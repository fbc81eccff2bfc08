import type { Browser, Page } from 'playwright-core';

/** More ways to drive the Taro H5 build, for the review, checkpoint and pass screens. */

/** A desktop browser window (officials also work at a desk). */
export async function openDesktopPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  return context.newPage();
}

/**
 * Presses the confirm button of the open `Taro.showModal` and returns the modal's text. Taro reuses one
 * modal element, so "closed" means hidden or showing another text (the next modal came at once).
 */
export async function confirmModal(page: Page): Promise<string> {
  const content = page.locator('.taro-modal__content:visible');
  await content.waitFor();
  const text = (await content.textContent()) ?? '';
  await content.locator('.taro-model__confirm').click();
  await page.waitForFunction((shown) => {
    const modal = document.querySelector<HTMLElement>('.taro__modal');
    return !modal || modal.style.display === 'none' || modal.textContent !== shown;
  }, text);
  return text;
}

/**
 * Back to the previous page with the navigation bar's back arrow, as a user does. (The browser's own
 * Back leaves the previous page hidden in Taro's H5 router.)
 */
export async function navigateBack(page: Page): Promise<void> {
  const pages = await page.locator('.taro_page').count();
  await page.locator('.taro-navigation-bar-back:visible').click();
  await page.waitForFunction((before) => document.querySelectorAll('.taro_page').length < before, pages);
}

/** Types into the visible <input> inside `data-testid` (hidden pages of the stack may hold the same field). */
export async function fillVisible(page: Page, testId: string, value: string): Promise<void> {
  await page.locator(`[data-testid="${testId}"] input:visible`).first().fill(value);
}

/** Types into the <textarea> inside the element `data-testid`. */
export async function fillTextarea(page: Page, testId: string, value: string): Promise<void> {
  await page.locator(`[data-testid="${testId}"] textarea:visible`).first().fill(value);
}

/** The route of the Taro page drawn on top now (its element's id is the page's path), or '' before any. */
const shownRoute = (page: Page) =>
  page.evaluate(() => {
    const shown = [...document.querySelectorAll<HTMLElement>('.taro_page')].filter(
      (el) => getComputedStyle(el).display !== 'none',
    );
    return (shown.at(-1)?.id ?? '').split('?')[0]!.replace(/^\/+/, '');
  });

/**
 * Opens a page of the H5 build by its path, e.g. `/packages/review/pages/queue/index?overdue=true`.
 * First the page being opened now (after a sign-in, the home) is let finish: Taro's H5 router shows the
 * last page that mounted, so a home still loading would be drawn over the page asked for.
 */
export async function openPath(page: Page, baseUrl: string, path: string): Promise<void> {
  const current = new URL(page.url() || 'about:blank').hash.slice(1).split('?')[0]!.replace(/^\/+/, '');
  if (current) await waitForShown(page, current);
  await page.goto(`${baseUrl}/#${path}`);
}

async function waitForShown(page: Page, route: string): Promise<void> {
  for (let i = 0; i < 50 && (await shownRoute(page)) !== route; i++) await page.waitForTimeout(100);
}

/** Waits until no `Taro.showToast` is on screen, so that a screenshot shows the page, not the toast. */
export async function toastGone(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>('.taro__toast')].every((el) => getComputedStyle(el).display === 'none'),
  );
}
