import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

/** Screenshots of each role's screens, kept as CI artifacts (see the README). */
export const screenshotDir = fileURLToPath(new URL('../../../artifacts/screenshots/', import.meta.url));

/**
 * Debian's Chromium, headless; this machine cannot download a browser of Playwright's own. `extraArgs`
 * add switches, e.g. a fake camera playing a file.
 */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

/** A page the size of a common phone (iPhone 12-15: 390×844 CSS pixels). */
export async function openPhonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  return context.newPage();
}

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
