import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { creditCodeCheckCharacter, organizationCodeCheckCharacter } from '../../shared/src/index.js';
import { launchBrowser, openPhonePage, saveScreenshot } from './support/browser.js';
import { fieldError, fill, fillAndLeave, pickRegion, tapButton } from './support/h5.js';
import { type Stack, startStack } from './support/stack.js';

// Jest reads `testTimeout` only at the top level of its config, not per project: browser steps need longer.
jest.setTimeout(120_000);

/** A valid 统一社会信用代码 for a company registered in 南京江宁 with a random organization code. */
function newCreditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let organization = '';
  for (let i = 0; i < 8; i++) organization += alphabet[Math.floor(Math.random() * 10)];
  const first17 = `91320115${organization}${organizationCodeCheckCharacter(organization)}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

describe('enterprise registration in H5', () => {
  let server: Stack;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startStack();
    browser = await launchBrowser();
    page = await openPhonePage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('registers a new enterprise and its fleet manager, who then waits for verification', async () => {
    await page.goto(`${server.url}/#/pages/login/index`);
    await page.getByText('企业注册').click();
    await page.getByText('车队管理员账号').waitFor();

    await fill(page, 'register-name', '南京示范冷链运输有限公司');
    await fillAndLeave(page, 'register-creditCode', '91320115MA1MY5Q2XA');
    await expect(fieldError(page, 'register-creditCode').textContent()).resolves.toContain('校验位错误');
    await fill(page, 'register-creditCode', newCreditCode().toLowerCase());
    await expect(fieldError(page, 'register-creditCode').count()).resolves.toBe(0);
    await pickRegion(page, 'register-districtCode', ['江苏省', '南京市', '江宁区']);
    await fill(page, 'register-address', '江苏省南京市江宁区秣陵街道冷链路8号');
    await fill(page, 'register-contactName', '周主任');
    await fill(page, 'register-contactPhone', '13900000011');
    await fill(page, 'register-managerName', '周调度');
    await fill(page, 'register-managerPhone', '13900000012');
    await fill(page, 'register-password', 'lenglian2022');
    await fill(page, 'register-passwordAgain', 'lenglian2022');
    // Placeholders come from the labels; a label that is a phrase already is not wrapped in 请输入 again.
    const placeholders = await page
      .locator('input[placeholder]')
      .evaluateAll((inputs) => inputs.map((input) => input.getAttribute('placeholder') ?? ''));
    expect(placeholders).toContain('请再次输入密码');
    expect(placeholders.filter((text) => /请输入(请|再次|重新|确认|输入|选择)|（/.test(text))).toEqual([]);
    await saveScreenshot(page, 'register');
    await tapButton(page, '提交注册');

    await page.getByTestId('enterprise-name').getByText('南京示范冷链运输有限公司').waitFor();
    await page.getByTestId('unverified-notice').waitFor();
    await page.locator('.nut-tag', { hasText: '待核验' }).waitFor();
    await saveScreenshot(page, 'fleet-home-unverified');
  });
});
