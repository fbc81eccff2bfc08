// Debian's Chromium as the browser tests and the bench (scripts/bench/sections/h5.mjs) open it. Plain
// JavaScript so that the bench, which runs without a TypeScript step, shares it with the tests.
import { chromium } from 'playwright-core';

/**
 * Debian's Chromium, headless; this machine cannot download a browser of Playwright's own. `extraArgs`
 * add switches, e.g. a fake camera playing a file.
 * @param {string[]} [extraArgs]
 * @returns {Promise<import('playwright-core').Browser>}
 */
export function launchBrowser(extraArgs = []) {
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

/**
 * A page the size of a common phone (iPhone 12-15: 390×844 CSS pixels).
 * @param {import('playwright-core').Browser} browser
 * @returns {Promise<import('playwright-core').Page>}
 */
export async function openPhonePage(browser) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  return context.newPage();
}
