import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** Screenshots of each role's screens, kept as CI artifacts (see the README). */
export const screenshotDir = fileURLToPath(new URL('../../../artifacts/screenshots/', import.meta.url));

// Shared with the bench, which runs plain JavaScript.
export { launchBrowser, openPhonePage } from './chromium.mjs';

/**
 * The whole page, not just what fits the phone's screen. Taro's H5 pages scroll inside their own
 * element rather than the document, so `fullPage` alone stops at the viewport: the viewport is made
 * as tall as the page for the shot (and keeps its width), then put back. Other pages (the server's
 * own HTML) are shot with `fullPage`.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  // A page that was just opened slides in from the right; shoot it once it is in place.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.taro_page')]
      .filter((el) => getComputedStyle(el).display !== 'none')
      .every((el) => Math.abs(el.getBoundingClientRect().left) < 1),
  );
  await page.evaluate(() => window.scrollTo(0, 0));
  const viewport = page.viewportSize();
  // Measured from the top of the window: Taro's title bar sits above the page.
  const taroPageHeight = await page.evaluate(() =>
    Math.max(
      0,
      ...[...document.querySelectorAll<HTMLElement>('.taro_page')]
        .filter((el) => getComputedStyle(el).display !== 'none')
        .map((el) => Math.ceil(el.getBoundingClientRect().top + el.scrollHeight)),
    ),
  );
  const path = `${screenshotDir}${name}.png`;
  if (taroPageHeight === 0 || viewport === null) {
    await page.screenshot({ path, fullPage: true });
    return;
  }
  const grow = taroPageHeight > viewport.height;
  if (grow) await page.setViewportSize({ width: viewport.width, height: taroPageHeight });
  try {
    await page.screenshot({ path });
  } finally {
    if (grow) await page.setViewportSize(viewport);
  }
}
