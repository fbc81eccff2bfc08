import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { ApiClient } from '../../server/test/support/api.js';
import { newIdNumber } from '../../server/test/support/fixtures.js';
import { launchBrowser, openPhonePage, saveScreenshot } from './support/browser.js';
import { issueCheckpointPasses } from './support/checkpoint-passes.js';
import { backHome as backHomeOn, checkText as checkTextOn, signInAtCheckpoint } from './support/checkpoint-screen.js';
import { signIn, tapButton } from './support/h5.js';
import { type Stack, startStack } from './support/stack.js';
import { fillVisible, openDesktopPage, toastGone } from './support/taro.js';

jest.setTimeout(120_000);

/**
 * Who to call and who is on the pass: the admin records the issuing department's duty phone on their
 * screen; the checkpoint's online and offline verdicts name the department (not a region) with that
 * phone, and check a typed ID number against the pass's crew with no network.
 */
describe('crew check and the issuing department’s duty phone at the checkpoint (H5)', () => {
  let stack: Stack;
  let browser: Browser;
  let admin: Page;
  let staff: Page;
  let official: ApiClient;
  const passes: Record<'kept' | 'revoked', { id: string; passNumber: string; url: string }> = {} as never;
  // issueCheckpointPasses registers the kept pass's driver and escort with serials 40 and 41.
  const driverId = newIdNumber(40);
  const strangerId = newIdNumber(43);

  beforeAll(async () => {
    stack = await startStack({ PROVINCE_SETTINGS: JSON.stringify({ approvalChain: ['district'] }) });
    browser = await launchBrowser();
    admin = await openDesktopPage(browser);
    staff = await openPhonePage(browser);
  }, 180_000);

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await stack?.stop();
    }
  });

  const checkText = (text: string) => checkTextOn(staff, text);
  const backHome = () => backHomeOn(staff);
  const verdictText = async () => (await staff.getByTestId('verdict').textContent()) ?? '';
  const checkCrew = async (idNumber: string) => {
    await fillVisible(staff, 'crew-id-input', idNumber);
    await staff.locator('[data-testid="crew-check"]:visible .nut-button', { hasText: '核对' }).click();
    const result = staff.locator('[data-testid="crew-check-result"]:visible');
    await result.waitFor();
    return { match: await result.getAttribute('data-match'), text: (await result.textContent()) ?? '' };
  };

  it('the admin sets the duty phone of the district’s department on the departments screen', async () => {
    await signIn(admin, stack.url, '13800000000', 'demo1234');
    await admin.getByTestId('admin-menu-departments').click();
    await admin.getByTestId('admin-departments').waitFor();
    const row = admin.locator('[data-testid="department-320115"]:visible');
    await expect(row.textContent()).resolves.toContain('江宁区工业和信息化局');
    await row.getByText('编辑').click();

    // A bad number is refused under the field, in Chinese, before anything is sent.
    await fillVisible(admin, 'department-phone-input', '5200');
    await tapButton(admin, '保存');
    await admin.getByText('值班电话应为带区号的固定电话（如025-83456789）或11位手机号码').waitFor();

    await fillVisible(admin, 'department-phone-input', '025-52001234');
    await tapButton(admin, '保存');
    await row.getByTestId('department-phone').getByText('025-52001234').waitFor();
    await toastGone(admin);
    await saveScreenshot(admin, 'admin-departments');
  });

  it('shows the department and its phone online, and checks the crew', async () => {
    const issued = await issueCheckpointPasses(stack.url, { kept: '苏A85001', revoked: '苏A85002' });
    official = issued.official;
    Object.assign(passes, issued.passes);
    await signInAtCheckpoint(staff, stack.url);

    await checkText(passes.kept.url);
    await expect(staff.getByTestId('verdict-source').textContent()).resolves.toContain('在线核验');
    const text = await verdictText();
    expect(text).toContain('江宁区工业和信息化局');
    expect(text).toContain('值班电话025-52001234');
    expect(text).not.toContain('江苏省南京市江宁区（未提供单位名称）');
    await expect(checkCrew(driverId)).resolves.toEqual({ match: 'yes', text: '✔ 一致：驾驶员 周*' });
    await backHome();

    // A number the system does not know: whom to call comes from the device's trust list.
    await fillVisible(staff, 'pass-number', '320115999999');
    await tapButton(staff, '按编号核验');
    await staff.getByTestId('verdict').waitFor();
    expect(await staff.getByTestId('verdict').getAttribute('data-state')).toBe('not_found');
    await expect(staff.getByTestId('verdict-advice').textContent()).resolves.toContain(
      '请致电签发单位江宁区工业和信息化局（值班电话 025-52001234）核实',
    );
    await backHome();
  });

  it('offline: names the department with its phone, and says 一致 / 不一致 for the ID numbers typed', async () => {
    await official.post(`/passes/${passes.revoked.id}/revoke`, { reason: '出借他人使用' });
    const before = await staff.getByTestId('bundle-status').textContent();
    await tapButton(staff, '立即同步');
    await staff.waitForFunction((previous) => {
      const status = document.querySelector('[data-testid="bundle-status"]')?.textContent ?? '';
      return status !== previous && status.includes('刚刚同步');
    }, before);
    await staff.context().setOffline(true);

    await checkText(passes.kept.url);
    expect(await staff.getByTestId('verdict').getAttribute('data-state')).toBe('valid');
    await expect(staff.getByTestId('verdict-source').textContent()).resolves.toContain('离线核验');
    const text = await verdictText();
    expect(text).toContain('核发单位江宁区工业和信息化局');
    expect(text).toContain('值班电话025-52001234');
    const people = await staff.locator('[data-testid="crew-person"]:visible').allTextContents();
    expect(people).toEqual(['驾驶员 周*', '押运员 郑*']);

    await expect(checkCrew(driverId)).resolves.toEqual({ match: 'yes', text: '✔ 一致：驾驶员 周*' });
    await saveScreenshot(staff, 'checkpoint-offline-crew-match');
    await expect(checkCrew(strangerId)).resolves.toEqual({
      match: 'no',
      text: '✘ 不一致：此身份证号码不是通行证上的司乘人员',
    });
    await saveScreenshot(staff, 'checkpoint-offline-crew-mismatch');
    // A mistyped number (wrong check digit) is said to be mistyped, not "not on the pass".
    const typo = `${driverId.slice(0, 17)}${driverId.endsWith('1') ? '2' : '1'}`;
    await expect(checkCrew(typo)).resolves.toEqual({
      match: 'invalid',
      text: '身份证号码校验位错误，请核对后重新输入',
    });
    await backHome();

    await checkText(passes.revoked.url);
    expect(await staff.getByTestId('verdict').getAttribute('data-state')).toBe('revoked');
    await expect(staff.getByTestId('verdict-advice').textContent()).resolves.toContain(
      '联系签发单位江宁区工业和信息化局（值班电话 025-52001234）核实',
    );
    await staff.context().setOffline(false);
  });
});
