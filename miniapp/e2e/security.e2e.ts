import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPhonePage } from './support/browser.js';
import { signIn } from './support/h5.js';
import { type RunningServer, startServer } from './support/server.js';

jest.setTimeout(120_000);

/** Every Content-Security-Policy violation the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  return async () => [
    ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)),
    ...console,
  ];
}

describe('the H5 app under its Content-Security-Policy', () => {
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

  it('runs its own scripts, the inline sizing script included, without a single violation', async () => {
    const page = await openPhonePage(browser);
    const violations = await watchViolations(page);
    const response = await page.goto(server.url);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
    await signIn(page, server.url, '13800000002', 'demo1234');
    await page.waitForURL(/packages\/review\/pages\/home\/index/);
    await page.getByText('待审核').first().waitFor();
    // Taro's inline script sets the root font size that every rem on the page depends on.
    expect(await page.evaluate(() => document.documentElement.style.fontSize)).toMatch(/px$/);
    expect(await violations()).toEqual([]);
  });

  it('refuses a script injected into the page', async () => {
    const page = await openPhonePage(browser);
    const violations = await watchViolations(page);
    await page.goto(`${server.url}/#/pages/login/index`);
    await page.locator('.login__title').waitFor();
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.appendChild(script);
    });
    expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
    expect((await violations()).join('\n')).toContain('script-src');
  });
});
