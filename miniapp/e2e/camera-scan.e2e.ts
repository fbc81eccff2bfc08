import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type ApiClient } from '@pass/server-testing/api';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPhonePage, saveScreenshot } from './support/browser.js';
import { issueCheckpointPasses } from './support/checkpoint-passes.js';
import { signInAtCheckpoint } from './support/checkpoint-screen.js';
import { tapButton } from './support/h5.js';
import { type Stack, startStack } from './support/stack.js';
import { writeQrVideo } from './support/y4m.js';

jest.setTimeout(120_000);

type Issued = { id: string; passNumber: string; url: string };

/**
 * Camera scanning in the H5 checkpoint app: Chromium's fake camera plays a video of a pass's real QR
 * PNG (as the server renders it for the pass screen and the PDF), and the app reads it from the live
 * view, continuously, with no tap but 扫码核验. Then a hardware scanner typing the URL and Enter.
 */
describe('checkpoint camera and hardware scanner (H5)', () => {
  let stack: Stack;
  let official: ApiClient;
  let dir: string;
  const passes: Record<'kept' | 'revoked', Issued> = {} as never;
  const browsers: Browser[] = [];

  /** The pass's QR code exactly as the server renders it. */
  const qrPng = async (pass: Issued, token: string) => {
    const response = await fetch(`${stack.url}/api/passes/${pass.id}/qr.png`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.headers.get('content-type')).toContain('image/png');
    return Buffer.from(await response.arrayBuffer());
  };

  /** A browser whose camera shows the pass's QR code, with checkpoint staff signed in on the home page. */
  const gateFilming = async (pass: Issued): Promise<Page> => {
    const login = await fetch(`${stack.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: '13800000001', password: 'demo1234' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const video = join(dir, `${pass.passNumber}.y4m`);
    writeQrVideo(await qrPng(pass, accessToken), video);
    const browser = await launchBrowser([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    browsers.push(browser);
    const page = await openPhonePage(browser);
    await signInAtCheckpoint(page, stack.url);
    return page;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'camera-scan-'));
    stack = await startStack({ PROVINCE_SETTINGS: JSON.stringify({ approvalChain: ['district'] }) });
    const issued = await issueCheckpointPasses(stack.url, { kept: '苏A83101', revoked: '苏A83102' });
    official = issued.official;
    Object.assign(passes, issued.passes);
  }, 180_000);

  afterAll(async () => {
    try {
      for (const browser of browsers) await browser.close();
    } finally {
      await stack?.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a valid pass from the rear camera and shows 通行证有效', async () => {
    const page = await gateFilming(passes.kept);
    await tapButton(page, '扫码核验');
    await page.getByTestId('camera-scanner').waitFor();
    await page.waitForURL(/checkpoint\/pages\/result/);
    await page.getByTestId('verdict').waitFor();
    await expect(page.getByTestId('verdict-headline').textContent()).resolves.toContain('通行证有效');
    await expect(page.getByTestId('verdict-plate').textContent()).resolves.toBe('苏A·83101');
    // Reading the code released the camera.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('video')].every((v) => !v.srcObject || !(v.srcObject as MediaStream).active),
    );
    await saveScreenshot(page, 'checkpoint-camera-valid');
  });

  it('refuses a revoked pass read by the camera once the revocation is synced, offline, within the scan budget', async () => {
    const page = await gateFilming(passes.revoked);
    // Scanned once online while still valid. (This also loads the result screen's code: H5 fetches each
    // page's code on first use, and nothing is precached for offline use yet.)
    await tapButton(page, '扫码核验');
    await page.getByTestId('verdict').waitFor();
    expect(await page.getByTestId('verdict').getAttribute('data-state')).toBe('valid');
    await page.locator('.result .nut-button:visible').last().click();
    await page.waitForURL(/checkpoint\/pages\/home/);

    await official.post(`/passes/${passes.revoked.id}/revoke`, { reason: '出借他人使用' });
    const before = await page.getByTestId('bundle-status').textContent();
    await tapButton(page, '立即同步');
    await page.waitForFunction((previous) => {
      const status = document.querySelector('[data-testid="bundle-status"]')?.textContent ?? '';
      return status !== previous && status.includes('刚刚同步');
    }, before);
    await page.context().setOffline(true);
    // A phone-class CPU: a quarter of this machine's speed.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await tapButton(page, '扫码核验');
    await page.locator('[data-testid="camera-scanner"] video').waitFor();
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 2);
    const inView = Date.now();
    await page.getByTestId('verdict').waitFor();
    const toVerdictMs = Date.now() - inView;
    expect(await page.getByTestId('verdict').getAttribute('data-state')).toBe('revoked');
    await expect(page.getByTestId('verdict-headline').textContent()).resolves.toContain('不予放行');
    await expect(page.getByTestId('verdict-source').textContent()).resolves.toContain('离线核验');
    console.log(`camera scan, CPU ×4 slower, offline: QR in view → verdict ${toVerdictMs} ms`);
    expect(toVerdictMs).toBeLessThan(1500);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.context().setOffline(false);
  });

  it('takes a hardware scanner that types the URL and Enter', async () => {
    const page = browsers[0]!.contexts()[0]!.pages()[0]!;
    await page.locator('.result .nut-button:visible').last().click();
    await page.waitForURL(/checkpoint\/pages\/home/);
    await page.locator('[data-testid="wedge-input"] input:visible').click();
    await page.keyboard.type(passes.kept.url);
    await page.keyboard.press('Enter');
    await page.waitForURL(/checkpoint\/pages\/result/);
    await page.getByTestId('verdict').waitFor();
    expect(await page.getByTestId('verdict').getAttribute('data-state')).toBe('valid');
  });
});
