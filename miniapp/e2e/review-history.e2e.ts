import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type ApiClient, loginAs } from '@pass/server-testing/api';
import { completeApplication, registerFleet, submitApplication } from '@pass/server-testing/fixtures';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPhonePage, saveScreenshot } from './support/browser.js';
import { signIn, tapButton } from './support/h5.js';
import { type Stack, startStack } from './support/stack.js';
import { fillTextarea, openPath } from './support/taro.js';

jest.setTimeout(150_000);

const detailOf = (id: string) => `/packages/review/pages/detail/index?id=${id}`;

/** Every field an official can flag, as the return sheet offers it, and where the applicant's form shows it. */
const flaggable = [
  ['车辆', 'vehicle'],
  ['司乘人员', 'crew'],
  ['运输物资类别', 'material-category'],
  ['物资名称及说明', 'material-description'],
  ['数量', 'quantity'],
  ['数量单位', 'quantity-unit'],
  ['发货单位', 'consignor-section'],
  ['收货单位', 'consignee-section'],
  ['始发地', 'origin'],
  ['目的地', 'destination'],
  ['途经地', 'waypoint-add'],
  ['有效期开始日期', 'valid-from'],
  ['有效期截止日期', 'valid-days'],
  ['证明材料', 'attachments-section'],
] as const;

/**
 * The review loop without gaps: the city reviewer reads the district's opinion (and the note meant for
 * officials), returns flagging every field, and the fleet manager sees 需修改 on each of them but never
 * the internal note; the corrected application shows the reviewer which fields were flagged.
 */
describe('review history and fields to fix (H5)', () => {
  let stack: Stack;
  let browser: Browser;
  let fleet: ApiClient;
  let id: string;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
    fleet = await loginAs(stack.url, '13800000001');
    id = await submitApplication(fleet, completeApplication(await registerFleet(fleet, '苏A83001', 40)));
  }, 180_000);

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await stack?.stop();
    }
  });

  const official = async (phone: string): Promise<Page> => {
    const page = await openPhonePage(browser);
    await signIn(page, stack.url, phone, 'demo1234');
    await page.waitForURL(/packages\/review\/pages\/home/);
    await page.getByTestId('jurisdiction').getByText('南京市').waitFor();
    await openPath(page, stack.url, detailOf(id));
    await page.getByTestId('review-history').waitFor();
    return page;
  };

  it('district approves with a comment and an internal note; the city reviewer sees both, who and when', async () => {
    const district = await official('13800000002');
    await tapButton(district, '审核通过');
    await fillTextarea(district, 'reason-popup', '材料齐全，同意。');
    await district.locator('[data-testid="internal-note-input"] textarea').fill('企业上月有一次超载记录，请市级留意');
    await expect(district.getByTestId('internal-note-counter').textContent()).resolves.toBe('17/500');
    await district.getByTestId('reason-confirm').click();
    await district.getByTestId('reason-popup').waitFor({ state: 'detached' });
    await district.context().close();
    expect((await fleet.get(`/applications/${id}`)).body).toMatchObject({
      status: 'under_review',
      reviewLevelIndex: 1,
    });

    const city = await official('13800000003');
    const history = city.getByTestId('review-history');
    await history.getByText('材料齐全，同意。').waitFor();
    const text = (await history.textContent()) ?? '';
    expect(text).toContain('江宁区工业和信息化局 李审核');
    expect(text).toContain('江苏省南京市江宁区');
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(text).toContain('企业上月有一次超载记录，请市级留意');
    // Still to come, with the deadline of the step it waits for; no level named twice.
    expect(text).toContain('待江苏省南京市审核');
    expect(text).toContain('签发通行证');
    await history.getByTestId('timeline-due').waitFor();
    const page = (await city.textContent('body')) ?? '';
    expect(page).toContain('江苏省南京市审核（第2/2级）');
    expect(page).not.toMatch(/(区|县|市)(区县|地市)审核/);
    await saveScreenshot(city, 'review-history-city');
    await city.context().close();
  });

  it('the city returns flagging every field; the fleet manager sees 需修改 on each, never the internal note', async () => {
    const city = await official('13800000003');
    await tapButton(city, '退回修改');
    await fillTextarea(city, 'reason-popup', '收货单位地址不完整，证明材料不清晰');
    await city.locator('[data-testid="internal-note-input"] textarea').fill('内部：疑似挂靠车辆');
    for (const [label] of flaggable) {
      await city.getByTestId('fields-to-fix').getByText(label, { exact: true }).click();
    }
    await city.getByTestId('reason-confirm').click();
    await city.getByTestId('reason-popup').waitFor({ state: 'detached' });
    await city.context().close();
    expect((await fleet.get(`/applications/${id}`)).body.fieldsToFix).toHaveLength(flaggable.length);

    const page = await openPhonePage(browser);
    await signIn(page, stack.url, '13800000001', 'demo1234');
    await page.waitForURL(/packages\/fleet\/pages\/home/);
    await page.getByTestId('enterprise-name').waitFor();

    await openPath(page, stack.url, `/packages/fleet/pages/application-form/index?id=${id}`);
    await page.getByTestId('return-reason').waitFor();
    // The form has the application's values once the vehicle is picked.
    await page.getByTestId('vehicle').getByTestId('flag').waitFor();
    for (const [label, testId] of flaggable) {
      const flags = await page.getByTestId(testId).first().getByTestId('flag').count();
      expect([label, flags]).toEqual([label, 1]);
    }
    await saveScreenshot(page, 'fleet-form-flags');

    // Text over a limit is kept whole and refused with a message; the counter shows by how much.
    const long = '医'.repeat(203);
    await page.locator('[data-testid="material-description"] input').fill(long);
    await expect(page.locator('[data-testid="material-description"] input').inputValue()).resolves.toBe(long);
    await expect(page.getByTestId('material-description-counter').textContent()).resolves.toBe('203/200');
    await expect(page.getByTestId('material-description-error').textContent()).resolves.toBe(
      '最多200个字，已超出3个字',
    );

    await openPath(page, stack.url, `/packages/fleet/pages/application-detail/index?id=${id}`);
    await page.getByTestId('timeline').getByText('收货单位地址不完整，证明材料不清晰').waitFor();
    for (const row of ['row-vehicleId', 'row-consignee', 'row-attachmentIds']) {
      await page.getByTestId(row).getByTestId('flag').waitFor();
    }
    const detail = (await page.textContent('body')) ?? '';
    expect(detail).not.toContain('疑似挂靠');
    expect(detail).not.toContain('超载记录');
    expect(detail).toContain('待申请人修改后重新提交');
    await saveScreenshot(page, 'fleet-detail-flags');
    await page.context().close();
  });

  it('the resubmitted application shows the reviewer 需修改 on every field flagged at the return', async () => {
    expect((await fleet.post(`/applications/${id}/resubmit`)).status).toBe(200);
    const district = await official('13800000002');
    await district.getByTestId('corrected-fields').waitFor();
    await expect(district.getByTestId('corrected-fields').textContent()).resolves.toContain('收货单位');
    await district.getByTestId('row-consignee').getByTestId('flag').waitFor();
    await district.getByTestId('attachments').getByTestId('flag').first().waitFor();
    // The resolved return reason is history now, not a current reason.
    await expect(district.getByTestId('review-history').textContent()).resolves.toContain('重新提交');
    await saveScreenshot(district, 'review-corrected-fields');
    await district.context().close();
  });
});
