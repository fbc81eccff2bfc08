import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Response } from 'playwright-core';
import { launchBrowser, openPhonePage } from './support/browser.js';
import { type Stack, startStack } from './support/stack.js';

jest.setTimeout(120_000);

const h5Dir = process.env.E2E_H5_DIR ?? fileURLToPath(new URL('../dist/h5/', import.meta.url));
const KiB = 1024;
/** What a phone on a weak signal downloads before it can sign in (issue 18's goal). */
const firstLoadBudget = 250 * KiB;
/** All JavaScript of the build, every page of every role (issue 18's goal). */
const allScriptsBudget = 3 * 1024 * KiB;

function scriptsOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.js'))
    .map((name) => join(dir, name));
}

describe('the H5 app reaches a phone on a weak signal', () => {
  let server: Stack;
  let browser: Browser;

  beforeAll(async () => {
    server = await startStack();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the login page after at most 250 KiB on the wire, compressed, with hashed files cached for good', async () => {
    const page = await openPhonePage(browser);
    const responses: Response[] = [];
    page.on('response', (response) => {
      if (!response.url().includes('/api/')) responses.push(response);
    });
    await page.goto(server.url);
    await page.locator('.login__title', { hasText: '重点物资运输车辆通行证' }).waitFor({ state: 'visible' });
    await page.waitForLoadState('networkidle');

    let transferred = 0;
    for (const response of responses) {
      const sizes = await response.request().sizes();
      transferred += sizes.responseBodySize + sizes.responseHeadersSize;
    }
    // The figure for docs/scaling.md.
    console.log(`H5 first load: ${responses.length} files, ${(transferred / KiB).toFixed(1)} KiB transferred`);
    expect(transferred).toBeLessThanOrEqual(firstLoadBudget);

    const assets = responses.filter((r) => /\.(js|css)$/.test(new URL(r.url()).pathname));
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const headers = await asset.allHeaders();
      // Files under 1 KiB are not worth compressing (the build leaves them plain).
      if (statSync(join(h5Dir, new URL(asset.url()).pathname)).size >= 2 * KiB) {
        expect({ url: asset.url(), encoding: headers['content-encoding'] }).toEqual({
          url: asset.url(),
          encoding: 'br',
        });
      }
      expect(headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    const document = responses.find((r) => new URL(r.url()).pathname === '/');
    expect((await document?.allHeaders())?.['cache-control']).toBe('no-cache');
  });

  it('sends gzip to a client without brotli, and the plain file to one that asks for neither', async () => {
    const script = scriptsOf(h5Dir)
      .map((file) => file.slice(h5Dir.length).replace(/^\/?/, '/'))
      .find((name) => name.startsWith('/js/app.'));
    expect(script).toBeDefined();
    const gzip = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    const plain = await fetch(`${server.url}${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(readFileSync(join(h5Dir, script as string), 'utf8'));
  });

  it('keeps all JavaScript under 3 MB, with zod and the region table in one shared chunk each', () => {
    const scripts = scriptsOf(h5Dir);
    const total = scripts.reduce((sum, file) => sum + statSync(file).size, 0);
    expect(total).toBeLessThanOrEqual(allScriptsBudget);
    const containing = (marker: string) => scripts.filter((file) => readFileSync(file, 'utf8').includes(marker));
    // zod's own error code and a county of the GB/T 2260 table: each must be bundled once, not per page.
    expect(containing('invalid_type')).toHaveLength(1);
    expect(containing('鼓楼区')).toHaveLength(1);
  });
});
