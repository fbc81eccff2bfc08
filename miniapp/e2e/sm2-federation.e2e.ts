import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { loginAs } from '@pass/server-testing/api';
import { freePort } from '@pass/server-testing/server-process';
import type { IssuerDocument, SignedDocument } from '@pass/shared';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPhonePage, saveScreenshot } from './support/browser.js';
import { type IssuedPass, issueCheckpointPasses } from './support/checkpoint-passes.js';
import { backHome, checkText, signInAtCheckpoint } from './support/checkpoint-screen.js';
import { type Stack, startStack } from './support/stack.js';

jest.setTimeout(120_000);

/**
 * A mixed federation at a checkpoint (H5): Jiangsu signs with SM2 (国密), Zhejiang with Ed25519 and
 * trusts Jiangsu. A Zhejiang checkpoint officer checks the Jiangsu SM2 pass online and, with the
 * network cut, offline with the synced bundle; a Jiangsu officer checks it offline at home.
 */
describe('an SM2 pass at the checkpoints of an SM2 and an Ed25519 province (H5)', () => {
  let jiangsu: Stack;
  let zhejiang: Stack;
  let browser: Browser;
  const passes: Record<'kept' | 'revoked', IssuedPass> = {} as never;

  beforeAll(async () => {
    const port = await freePort();
    const oneApproval = JSON.stringify({ approvalChain: ['district'] });
    [jiangsu, zhejiang] = await Promise.all([
      startStack({ SIGNING_ALGORITHM: 'SM2', FEDERATION_SYNC_MINUTES: '0', PROVINCE_SETTINGS: oneApproval }),
      startStack(
        { PROVINCE: 'zhejiang', PUBLIC_BASE_URL: `http://127.0.0.1:${port}`, FEDERATION_SYNC_MINUTES: '0' },
        port,
      ),
    ]);
    Object.assign(passes, (await issueCheckpointPasses(jiangsu.url, { kept: '苏A84001', revoked: '苏A84002' })).passes);
    const signed = (await (await fetch(`${jiangsu.url}/api/federation/issuer`)).json()) as SignedDocument;
    expect(signed.alg).toBe('SM2');
    const admin = await loginAs(zhejiang.url, '13800000000');
    const imported = await admin.post('/admin/federation/issuers', {
      document: signed,
      fingerprint: (JSON.parse(signed.body) as IssuerDocument).fingerprint,
    });
    expect(imported.status).toBe(201);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await Promise.all([browser?.close(), jiangsu?.stop(), zhejiang?.stop()]);
  });

  const state = (page: Page) => page.getByTestId('verdict').getAttribute('data-state');

  async function checkpointAt(url: string): Promise<Page> {
    const page = await openPhonePage(browser);
    await signInAtCheckpoint(page, url);
    return page;
  }

  it('Zhejiang (Ed25519) checks the Jiangsu SM2 pass online and offline, naming the issuer', async () => {
    const page = await checkpointAt(zhejiang.url);
    await page
      .getByTestId('bundle-issuer')
      .getByText(/外省：江苏省/)
      .waitFor();
    await checkText(page, passes.kept.url);
    expect(await state(page)).toBe('valid');
    await expect(page.getByTestId('verdict-source').textContent()).resolves.toContain('在线核验');
    await page.getByText('签发方（外省）').waitFor();
    await backHome(page);

    await page.context().setOffline(true);
    await checkText(page, passes.kept.url);
    expect(await state(page)).toBe('valid');
    await expect(page.getByTestId('verdict-source').textContent()).resolves.toContain('离线核验');
    await expect(page.getByTestId('verdict-plate').textContent()).resolves.toBe('苏A·84001');
    await page.getByText('签发方（外省）').waitFor();
    await saveScreenshot(page, 'checkpoint-result-sm2-foreign-offline');
    await backHome(page);

    const forged = passes.kept.url.replace(
      /(\d)(\d{20})$/,
      (_m, d: string, rest: string) => `${(Number(d) + 1) % 10}${rest}`,
    );
    await checkText(page, forged);
    expect(['signature_invalid', 'malformed']).toContain(await state(page));
    await page.context().close();
  });

  it('Jiangsu (SM2) checks its own SM2 pass online, then offline', async () => {
    const page = await checkpointAt(jiangsu.url);
    // Online first: H5 loads the result page's code on first use.
    await checkText(page, passes.kept.url);
    expect(await state(page)).toBe('valid');
    await backHome(page);
    await page.context().setOffline(true);
    await checkText(page, passes.kept.url);
    expect(await state(page)).toBe('valid');
    await expect(page.getByTestId('verdict-source').textContent()).resolves.toContain('离线核验');
    await page.context().close();
  });
});
