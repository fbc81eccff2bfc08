import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPhonePage } from './support/browser.js';
import { signIn } from './support/h5.js';
import { type Stack, startStack } from './support/stack.js';

// Jest reads `testTimeout` only at the top level of its config, not per project: browser steps need longer.
jest.setTimeout(120_000);

/** Where the request layer keeps the session (Taro's H5 storage wraps each value as `{ data }`). */
const sessionKey = 'pass.session';

interface StoredSession {
  accessToken: string;
  refreshToken: string;
}

async function storedSession(page: Page): Promise<StoredSession | null> {
  return page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw).data as StoredSession) : null;
  }, sessionKey);
}

async function tamperSession(page: Page, change: Partial<StoredSession>): Promise<void> {
  await page.evaluate(
    ([key, patch]) => {
      const stored = JSON.parse(localStorage.getItem(key)!);
      localStorage.setItem(key, JSON.stringify({ ...stored, data: { ...stored.data, ...patch } }));
    },
    [sessionKey, change] as const,
  );
}

/**
 * The request layer against the real server: an expired access token is renewed once for all the
 * requests that noticed it, and a session that cannot be renewed ends on the login page.
 */
describe('session renewal in H5', () => {
  let server: Stack;
  let browser: Browser;
  let page: Page;
  const refreshes: number[] = [];

  beforeAll(async () => {
    server = await startStack();
    browser = await launchBrowser();
    page = await openPhonePage(browser);
    page.on('response', (response) => {
      if (response.url().endsWith('/api/auth/refresh')) refreshes.push(response.status());
    });
    await signIn(page, server.url, '13800000001', 'demo1234');
    await page.getByTestId('enterprise-name').getByText('南京江宁示范物流有限公司').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('renews an expired access token once for the four requests of the home page, and retries them', async () => {
    const before = await storedSession(page);
    await tamperSession(page, { accessToken: 'expired.access.token' });
    refreshes.length = 0;
    const unauthorised: string[] = [];
    const listener = (response: { url(): string; status(): number }) => {
      if (response.status() === 401) unauthorised.push(response.url());
    };
    page.on('response', listener);

    await page.reload();
    await page.getByTestId('enterprise-name').getByText('南京江宁示范物流有限公司').waitFor();
    page.off('response', listener);

    expect(unauthorised.length).toBeGreaterThanOrEqual(2);
    expect(refreshes).toEqual([200]);
    const after = await storedSession(page);
    expect(after?.accessToken).not.toBe('expired.access.token');
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
  });

  it('ends a session that cannot be renewed on the login page, with one attempt however many requests failed', async () => {
    await tamperSession(page, { accessToken: 'expired.access.token', refreshToken: 'revoked-refresh-token-000000' });
    refreshes.length = 0;

    await page.reload();
    await page.waitForURL(/pages\/login\/index/);
    await page.getByTestId('login-phone').waitFor();

    expect(refreshes).toEqual([401]);
    await expect(storedSession(page)).resolves.toBeNull();
  });
});
