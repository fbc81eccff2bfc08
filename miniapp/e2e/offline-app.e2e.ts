import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type ApiClient } from '@pass/server-testing/api';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPhonePage, saveScreenshot } from './support/browser.js';
import { issueCheckpointPasses } from './support/checkpoint-passes.js';
import { backHome as backHomeOn, checkText as checkTextOn, signInAtCheckpoint } from './support/checkpoint-screen.js';
import { tapButton } from './support/h5.js';
import { type Stack, startStack } from './support/stack.js';

jest.setTimeout(120_000);

/**
 * The checkpoint app with no network at all: one online visit installs it (manifest, service worker
 * precaching the whole H5 build), then the browser goes offline and reloads; the app still opens,
 * verifies a valid and a revoked pass from its synced lists (the result screen was never opened
 * online), files the scans, and uploads them when the network returns.
 */
describe('the checkpoint app offline after one online visit (H5)', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let official: ApiClient;
  const passes: Record<'kept' | 'revoked', { id: string; passNumber: string; url: string }> = {} as never;

  beforeAll(async () => {
    stack = await startStack({ PROVINCE_SETTINGS: JSON.stringify({ approvalChain: ['district'] }) });
    const issued = await issueCheckpointPasses(stack.url, { kept: '苏A84001', revoked: '苏A84002' });
    official = issued.official;
    Object.assign(passes, issued.passes);
    browser = await launchBrowser();
    page = await openPhonePage(browser);
  }, 180_000);

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await stack?.stop();
    }
  });

  const checkText = (text: string) => checkTextOn(page, text);
  const backHome = () => backHomeOn(page);

  it('installs itself on the first online visit: manifest and a service worker holding the app', async () => {
    const manifest = await (await fetch(`${stack.url}/manifest.webmanifest`)).json();
    expect(manifest).toEqual(expect.objectContaining({ display: 'standalone', short_name: '通行证核验' }));
    await signInAtCheckpoint(page, stack.url);
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
    // Ready once every file of the build is precached.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    // The revocation reaches the device with a sync while still online.
    await official.post(`/passes/${passes.revoked.id}/revoke`, { reason: '出借他人使用' });
    const before = await page.getByTestId('bundle-status').textContent();
    await tapButton(page, '立即同步');
    await page.waitForFunction((previous) => {
      const status = document.querySelector('[data-testid="bundle-status"]')?.textContent ?? '';
      return status !== previous && status.includes('刚刚同步');
    }, before);
  });

  it('reloads with no network and verifies a valid and a revoked pass offline', async () => {
    // The lists on the device are three days old (the phone was off the network since).
    await page.evaluate(() => {
      const stored = JSON.parse(localStorage.getItem('checkpoint.bundle') ?? '{}');
      stored.data.syncedAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
      localStorage.setItem('checkpoint.bundle', JSON.stringify(stored));
    });
    await page.context().setOffline(true);
    await page.reload();
    await page.getByTestId('checkpoint-name').waitFor();
    // Their age is shown, with a plain warning that says what to do.
    await page
      .getByTestId('bundle-status')
      .getByText(/3天前同步/)
      .waitFor();
    await expect(page.getByTestId('bundle-stale').textContent()).resolves.toContain('请联网后点“立即同步”');
    await saveScreenshot(page, 'checkpoint-offline-home');

    await checkText(passes.kept.url);
    expect(await page.getByTestId('verdict').getAttribute('data-state')).toBe('valid');
    await expect(page.getByTestId('verdict-source').textContent()).resolves.toContain('离线核验');
    await tapButton(page, '登记驶入');
    await page.getByTestId('recorded').waitFor();
    await backHome();

    await checkText(passes.revoked.url);
    expect(await page.getByTestId('verdict').getAttribute('data-state')).toBe('revoked');
    await expect(page.getByTestId('verdict-headline').textContent()).resolves.toContain('不予放行');
    await tapButton(page, '登记拦截');
    await page.getByTestId('recorded').getByText('已登记拦截').waitFor();
    await saveScreenshot(page, 'checkpoint-offline-revoked');
    await backHome();
    await page.getByTestId('pending-scans').getByText('2条待上传').waitFor();
  });

  it('uploads the queued scans once the network is back', async () => {
    await page.context().setOffline(false);
    await tapButton(page, '立即上传');
    await page.getByTestId('pending-scans').getByText('全部已上传').waitFor();
    expect((await official.get(`/passes/${passes.kept.id}/trace`)).body).toEqual([
      expect.objectContaining({ kind: 'passage', direction: 'inbound', result: 'valid' }),
    ]);
    expect((await official.get(`/passes/${passes.revoked.id}/trace`)).body).toEqual([
      expect.objectContaining({ kind: 'interception', reason: '通行证已撤销', result: 'revoked' }),
    ]);
  });
});
