import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { loginAs } from '@pass/server-testing/api';
import { completeApplication, registerFleet, submitApplication } from '@pass/server-testing/fixtures';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPhonePage, saveScreenshot } from './support/browser.js';
import { signInAtCheckpoint } from './support/checkpoint-screen.js';
import { fieldError, fillAndLeave, signIn, tapButton } from './support/h5.js';
import { type Stack, startStack } from './support/stack.js';
import { fillTextarea } from './support/taro.js';

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

  it.each([
    ['13800000001', /packages\/fleet\/pages\/home\/index/, '我的申请'],
    ['13800000002', /packages\/review\/pages\/home\/index/, '待审核'],
    ['13800000004', /packages\/checkpoint\/pages\/home\/index/, '按编号核验'],
  ])('runs its own scripts, the inline sizing script included, without a violation (%s)', async (phone, home, text) => {
    const page = await openPhonePage(browser);
    const violations = await watchViolations(page);
    const response = await page.goto(server.url);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
    await signIn(page, server.url, phone, 'demo1234');
    await page.waitForURL(home);
    await page.getByText(text).first().waitFor();
    // Taro's inline script sets the root font size that every rem on the page depends on.
    expect(await page.evaluate(() => document.documentElement.style.fontSize)).toMatch(/px$/);
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('shows the API documentation under the same policy, without a violation', async () => {
    const page = await openPhonePage(browser);
    const violations = await watchViolations(page);
    await page.goto(`${server.url}/api/docs`);
    await page.locator('.swagger-ui .info .title').getByText('重点物资运输车辆通行证 API').waitFor();
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('says on the form, before anything is sent, that a name holds a hidden direction control', async () => {
    const page = await openPhonePage(browser);
    await page.goto(`${server.url}/#/pages/login/index`);
    await page.getByText('企业注册').click();
    await page.getByText('车队管理员账号').waitFor();
    await fillAndLeave(page, 'register-name', '南京示范\u202E司公限有输运');
    await expect(fieldError(page, 'register-name').textContent()).resolves.toContain(
      '企业名称含有不可见字符或文字方向控制字符（U+202E）',
    );
    await fillAndLeave(page, 'register-name', '南京示范冷链运输有限公司');
    await expect(fieldError(page, 'register-name').count()).resolves.toBe(0);
    await page.context().close();
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

describe('a genuine pass URL on a look-alike host, at the checkpoint', () => {
  let stack: Stack;
  let browser: Browser;
  let passUrl: string;

  beforeAll(async () => {
    stack = await startStack({ PROVINCE_SETTINGS: JSON.stringify({ approvalChain: ['district'] }) });
    const fleet = await loginAs(stack.url, '13800000001');
    const official = await loginAs(stack.url, '13800000002');
    const id = await submitApplication(fleet, completeApplication(await registerFleet(fleet, '苏A83001', 60), 0, 5));
    const decided = await official.post(`/reviews/${id}/decision`, { decision: 'approve' });
    passUrl = (await fleet.get(`/passes/${decided.body.passId}`)).body.url;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await stack?.stop();
    }
  });

  it('is valid but flagged “not the official address”, online and offline; the official URL is not', async () => {
    const page = await openPhonePage(browser);
    await signInAtCheckpoint(page, stack.url);
    const lookAlike = passUrl.replace(/^https?:\/\/[^/]+/i, 'HTTPS://PASS-GOV.EXAMPLE.COM');
    const check = async (text: string) => {
      await fillTextarea(page, 'paste-url', text);
      await tapButton(page, '核验二维码内容');
      await page.getByTestId('verdict').waitFor();
      const verdict = {
        state: await page.getByTestId('verdict').getAttribute('data-state'),
        source: await page.getByTestId('verdict-source').textContent(),
        warnings: await page.getByTestId('verdict-warning').allTextContents(),
      };
      return verdict;
    };
    const back = async () => {
      await page.locator('.result .nut-button:visible').last().click();
      await page.waitForURL(/checkpoint\/pages\/home/);
    };

    const official = await check(passUrl);
    expect(official.state).toBe('valid');
    expect(official.warnings.join()).not.toContain('官方核验地址');
    await back();

    const online = await check(lookAlike);
    expect(online).toMatchObject({ state: 'valid', source: expect.stringContaining('在线核验') });
    expect(online.warnings.join()).toContain('此二维码网址不是官方核验地址（https://pass-gov.example.com）');
    await saveScreenshot(page, 'checkpoint-result-unofficial-host');
    await back();

    await page.context().setOffline(true);
    const offline = await check(lookAlike);
    expect(offline).toMatchObject({ state: 'valid', source: expect.stringContaining('离线核验') });
    expect(offline.warnings.join()).toContain('此二维码网址不是官方核验地址（https://pass-gov.example.com）');
  });
});
