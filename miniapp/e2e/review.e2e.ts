import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type ApiClient, apiClient, firstSignIn, loginAs } from '@pass/server-testing/api';
import { completeApplication, newCreditCode, registerFleet, submitApplication } from '@pass/server-testing/fixtures';
import { chinaToday, quotaPeriodKey } from '@pass/shared';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPhonePage, saveScreenshot } from './support/browser.js';
import { signIn, tapButton } from './support/h5.js';
import { type Stack, startStack } from './support/stack.js';
import { confirmModal, fillTextarea, navigateBack, openDesktopPage, openPath, toastGone } from './support/taro.js';

jest.setTimeout(120_000);

const review = (page: string) => `/packages/review/pages/${page}/index`;

/**
 * The district and city officials' screens (审核人员) in the H5 build: counters, queue with filters,
 * the detail with attachments, return / reject / approve, batch approval, passes with revocation and
 * trace, clone alerts, statistics and enterprise verification; at a phone and at a desktop window.
 */
describe('officials (审核人员) in H5', () => {
  let stack: Stack;
  let browser: Browser;
  let fleet: ApiClient;
  let admin: ApiClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startStack({
      PROVINCE_SETTINGS: JSON.stringify({
        quota: { enabled: true, period: 'month', maxActivePassesPerEnterprise: null },
      }),
    });
    browser = await launchBrowser();
    fleet = await loginAs(stack.url, '13800000001');
    admin = await loginAs(stack.url, '13800000000');
    const period = quotaPeriodKey(chinaToday(), 'month');
    for (const [jurisdictionCode, amount] of [
      ['320115', 20],
      ['320100', 50],
    ] as const) {
      const res = await admin.post('/admin/quotas', { jurisdictionCode, period, amount });
      if (res.status >= 300) throw new Error(`quota: ${JSON.stringify(res.body)}`);
    }
    const apply = async (plate: string, serial: number, materialCategory: string) => {
      const registered = await registerFleet(fleet, plate, serial);
      return submitApplication(fleet, { ...completeApplication(registered, 0, 5), materialCategory });
    };
    ids.medical = await apply('苏A81001', 10, 'medical');
    ids.food = await apply('苏A81002', 20, 'daily_necessities');
    ids.energy = await apply('苏A81003', 30, 'energy');
    // A newly registered enterprise waiting for verification.
    const registration = await apiClient(stack.url).post('/enterprises/register', {
      enterprise: {
        creditCode: newCreditCode('320115'),
        name: '南京待核验运输有限公司',
        address: '江苏省南京市江宁区待核验路1号',
        contactName: '赵经理',
        contactPhone: '13912340000',
        districtCode: '320115',
      },
      manager: { name: '赵经理', phone: '13912340000', password: 'Passw0rd1' },
    });
    if (registration.status !== 201) throw new Error(`register: ${JSON.stringify(registration.body)}`);
  }, 180_000);

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await stack?.stop();
    }
  });

  const signedIn = async (phone: string, open: (b: Browser) => Promise<Page> = openPhonePage) => {
    const page = await open(browser);
    await signIn(page, stack.url, phone, 'demo1234');
    await page.waitForURL(/packages\/review\/pages\/home/);
    // The home has rendered: a navigation now is not overtaken by the sign-in's own.
    await page.getByTestId('jurisdiction').getByText('南京市').waitFor();
    return page;
  };

  it.each([
    ['13800000001', 'fleet', 'enterprise-name'],
    ['13800000004', 'checkpoint', 'checkpoint-name'],
  ])('refuses %s the review pages (无权) and sends them to their own home', async (phone, area, homeTestId) => {
    const page = await openPhonePage(browser);
    await signIn(page, stack.url, phone, 'demo1234');
    await page.waitForURL(new RegExp(`packages/${area}/pages/home`));
    await page.getByTestId(homeTestId).waitFor();
    await openPath(page, stack.url, review('queue'));
    await expect(page.getByTestId('denied').textContent()).resolves.toContain('无权访问');
    await saveScreenshot(page, `review-denied-${area}`);
    await page.waitForURL(new RegExp(`packages/${area}/pages/home`));
    await page.context().close();
  });

  it('shows the district official the counters and quota on the home', async () => {
    const page = await signedIn('13800000002');
    await expect(page.getByTestId('jurisdiction').textContent()).resolves.toContain('江宁区');
    await page.getByTestId('counter-waiting').getByText('3').waitFor();
    await page.getByTestId('counter-quota').getByText('20').waitFor();
    await saveScreenshot(page, 'review-home');
    await page.context().close();
  });

  it('filters the queue by category and overdue, then returns an application with a reason', async () => {
    const page = await signedIn('13800000002');
    await openPath(page, stack.url, review('queue'));
    const items = page.getByTestId('queue-item');
    await expect(
      items
        .first()
        .waitFor()
        .then(() => items.count()),
    ).resolves.toBe(3);
    await saveScreenshot(page, 'review-queue');

    await page.getByTestId('filter-category').click();
    await page.locator('.nut-actionsheet-item:visible', { hasText: '生活必需品' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="queue-item"]').length === 1);
    await expect(items.first().textContent()).resolves.toContain('苏A·81002');
    await page.getByTestId('filter-overdue').click();
    await page.getByTestId('queue-empty').getByText('没有逾期的申请').waitFor();
    await page.getByTestId('filter-overdue').click();
    await items.first().waitFor();

    // The detail: everything that helps decide.
    await items.first().locator('.queue-row__body').click();
    await page.waitForURL(/review\/pages\/detail/);
    await page.getByTestId('detail-plate').getByText('苏A·81002').waitFor();
    await expect(page.getByTestId('crew-member').first().textContent()).resolves.toMatch(/\d{6}\*{8}\d{3}[\dX]/);
    await expect(page.getByTestId('risks').textContent()).resolves.toContain('未命中黑名单');
    // Two images shown inline, decoded from the authorised download; the PDF opens in a new tab.
    const images = page.locator('[data-testid="attachment-image"] img, img[data-testid="attachment-image"]');
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid="attachment-image"] img, img[data-testid="attachment-image"]')]
          .length === 2,
    );
    await expect(images.first().evaluate((img) => (img as HTMLImageElement).naturalWidth)).resolves.toBe(1);
    const newTab = page.context().waitForEvent('page');
    await page.getByTestId('attachment').filter({ hasText: '承诺书' }).locator('.nut-button').click();
    const pdfTab = await newTab;
    await pdfTab.waitForURL(/^blob:/);
    await pdfTab.close();
    await saveScreenshot(page, 'review-detail');

    // Return: the reason is required, the fields to fix are offered.
    await tapButton(page, '退回修改');
    await page.getByTestId('reason-popup').waitFor();
    await page.getByTestId('reason-confirm').click();
    await expect(page.getByTestId('reason-error').textContent()).resolves.toContain('退回理由');
    await fillTextarea(page, 'reason-popup', '物资说明请写明品名和包装规格');
    await page.getByTestId('fields-to-fix').getByText('物资名称及说明').click();
    await saveScreenshot(page, 'review-return');
    await page.getByTestId('reason-confirm').click();
    await page.waitForURL(/review\/pages\/queue/);

    const returned = (await fleet.get(`/applications/${ids.food}`)).body;
    expect(returned.status).toBe('returned');
    expect(returned.lastReason).toBe('物资说明请写明品名和包装规格');
    expect(returned.fieldsToFix).toEqual(['materialDescription']);
    await page.context().close();
  });

  it('batch-approves the rest at district level, which sends them to the city', async () => {
    const page = await signedIn('13800000002');
    await openPath(page, stack.url, review('queue'));
    const items = page.getByTestId('queue-item');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="queue-item"]').length === 2);
    await tapButton(page, '全选本页');
    await tapButton(page, '批量通过（2）');
    await expect(confirmModal(page)).resolves.toContain('2个申请');
    await expect(confirmModal(page)).resolves.toContain('已通过2个');
    await page.getByTestId('queue-empty').waitFor();
    expect(await items.count()).toBe(0);
    expect((await fleet.get(`/applications/${ids.medical}`)).body.reviewLevelIndex).toBe(1);
    await page.context().close();
  });

  it('shows the city official a blacklist hit at a desktop window; batch approval issues only the clear one', async () => {
    const listed = await admin.post('/admin/blacklist', { kind: 'vehicle', key: '苏A81003', reason: '超载运输被查处' });
    expect(listed.status).toBe(201);
    const page = await signedIn('13800000003', openDesktopPage);
    await page.getByTestId('counter-waiting').getByText('2').waitFor();
    await saveScreenshot(page, 'review-home-desktop');
    await openPath(page, stack.url, review('queue'));
    // A desktop shows the chosen row's detail beside the table; the whole detail is one click further.
    await page.getByTestId('queue-item').filter({ hasText: '苏A·81003' }).locator('.queue-row__body').click();
    await page.getByTestId('preview-plate').getByText('苏A·81003').waitFor();
    await page.getByTestId('preview-open').click();
    await page.getByTestId('attachments').waitFor();
    // (The queue page below, hidden now, shows the same risk in its preview.)
    await expect(page.locator('[data-testid="blacklist-hit"]:visible').textContent()).resolves.toContain(
      '超载运输被查处',
    );
    // Two columns side by side on a wide window (once the page has finished sliding in).
    await page.waitForFunction(() => {
      const main = document.querySelector('.wide__main')?.getBoundingClientRect();
      const side = document.querySelector('.wide__side')?.getBoundingClientRect();
      return Boolean(main && side && side.left >= main.right && Math.abs(side.top - main.top) < 1);
    });
    await saveScreenshot(page, 'review-detail-desktop');

    await navigateBack(page);
    await page.waitForURL(/review\/pages\/queue/);
    await tapButton(page, '全选本页');
    await tapButton(page, '批量通过（2）');
    await confirmModal(page);
    const outcome = await confirmModal(page);
    expect(outcome).toContain('已通过1个');
    expect(outcome).toContain('苏A·81003');
    expect(outcome).toContain('黑名单');
    const passes = (await fleet.get('/passes')).body.items;
    expect(passes.map((p: { plate: string }) => p.plate)).toEqual(['苏A81001']);
    await page.context().close();
  });

  it('revokes a pass with a reason and shows its trip trace and the clone alert', async () => {
    const pass = (await fleet.get('/passes')).body.items.find((p: { plate: string }) => p.plate === '苏A81001');
    // Two checkpoints 900 km apart scan the same pass 40 minutes apart: a copied QR code.
    const far = await admin.post('/admin/checkpoints', {
      code: 'GD-GZ-TEST-01',
      name: '广州北检查站',
      regionCode: '440111',
      latitude: 23.3,
      longitude: 113.27,
    });
    const farStaff = await admin.post('/admin/accounts', {
      role: 'checkpoint_staff',
      name: '林卡口',
      phone: '13912340001',
      password: 'Passw0rd1',
      checkpointId: far.body.id,
    });
    expect(farStaff.status).toBe(201);
    const near = await loginAs(stack.url, '13800000004');
    const nearCheckpoint = (await near.get('/auth/me')).body.checkpointId;
    const scan = (id: string, checkpointId: string, minutesAgo: number) => ({
      records: [
        {
          id,
          passNumber: pass.passNumber,
          checkpointId,
          scannedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
          result: 'valid',
          direction: 'inbound',
        },
      ],
    });
    expect((await near.post('/scans', scan('7e0b8f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b', nearCheckpoint, 60))).status).toBe(
      200,
    );
    const farClient = await firstSignIn(stack.url, '13912340001', 'Passw0rd1');
    expect((await farClient.post('/scans', scan('8f1c9a5b-2d3e-4f60-9bac-1d2e3f4a5b6c', far.body.id, 20))).status).toBe(
      200,
    );

    const page = await signedIn('13800000003');
    await openPath(page, stack.url, review('alerts'));
    const alert = page.getByTestId('alert-item').first();
    await expect(alert.textContent()).resolves.toContain('广州北检查站');
    await saveScreenshot(page, 'review-alerts');
    await alert.click();
    await page.waitForURL(/review\/pages\/pass\/index/);
    await expect(page.getByTestId('trace').textContent()).resolves.toContain('疑似克隆');
    await tapButton(page, '撤销通行证');
    await fillTextarea(page, 'reason-popup', '二维码被复制到其他车辆');
    await page.getByTestId('reason-confirm').click();
    await page.getByTestId('pass-status').getByText('已撤销').waitFor();
    await expect(page.getByTestId('end-reason').textContent()).resolves.toContain('二维码被复制到其他车辆');
    await toastGone(page);
    await saveScreenshot(page, 'review-pass-revoked');

    await openPath(page, stack.url, review('passes'));
    await expect(page.getByTestId('pass-item').first().textContent()).resolves.toContain('已撤销');

    // The alert is closed from its screen with a note (required), audited, and listed under 已处理.
    await openPath(page, stack.url, review('alerts'));
    await page.getByTestId('alert-handle').first().click();
    await page.getByTestId('reason-confirm').click();
    await expect(page.getByTestId('reason-error').textContent()).resolves.toContain('处理说明');
    await fillTextarea(page, 'reason-popup', '已核实为套牌车辆，通行证已撤销');
    await page.getByTestId('reason-confirm').click();
    await page.getByTestId('alerts-empty').waitFor();
    await page.getByTestId('alert-state').getByText('已处理').click();
    await expect(page.getByTestId('alert-resolution').first().textContent()).resolves.toContain('已处置（');
    await expect(page.getByTestId('alert-resolution').first().textContent()).resolves.toContain('已核实为套牌车辆');
    await saveScreenshot(page, 'review-alerts-handled');
    const audit = (await admin.get('/admin/audit?entityType=clone_alert')).body;
    expect(audit[0]).toMatchObject({ action: 'clone_alert.handled', actorName: '赵复核' });
    await page.context().close();

    // The admin sees the province's alerts from the administration home, on the same screen.
    const adminPage = await openPhonePage(browser);
    await signIn(adminPage, stack.url, '13800000000', 'demo1234');
    await adminPage.waitForURL(/packages\/admin\/pages\/home/);
    await adminPage.getByTestId('admin-menu-clone-alerts').click();
    await adminPage.getByTestId('alerts-empty').waitFor();
    await adminPage.getByTestId('alert-state').getByText('已处理').click();
    await expect(adminPage.getByTestId('alert-resolution').first().textContent()).resolves.toContain('套牌车辆');
    await adminPage.context().close();
  });

  it('draws the statistics as bars at a desktop window', async () => {
    const page = await signedIn('13800000003', openDesktopPage);
    await openPath(page, stack.url, review('stats'));
    await page.getByTestId('chart-per-day').waitFor();
    await expect(page.getByTestId('stats-issued').textContent()).resolves.toContain('1');
    await expect(page.getByTestId('chart-per-category').textContent()).resolves.toContain('医疗与防控物资');
    await expect(page.getByTestId('chart-quota').textContent()).resolves.toContain('/ 50');
    await page.getByTestId('stats-range').getByText('近7天').click();
    await page.waitForFunction(() => document.querySelectorAll('.columns__slot').length === 7);
    await saveScreenshot(page, 'review-stats-desktop');
    const download = page.waitForEvent('download');
    await tapButton(page, '导出签发明细（CSV）');
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^签发明细-.*\.csv$/);
    expect(readFileSync((await file.path())!, 'utf8')).toContain('苏A81001');
    await page.context().close();
  });

  it('verifies a newly registered enterprise of the district', async () => {
    const page = await signedIn('13800000002');
    await openPath(page, stack.url, review('enterprises'));
    const item = page.getByTestId('enterprise-item').filter({ hasText: '南京待核验运输有限公司' });
    await item.waitFor();
    await saveScreenshot(page, 'review-enterprises');
    await item.locator('.nut-button').click();
    await confirmModal(page);
    await item.waitFor({ state: 'detached' });
    const enterprises = (await (await loginAs(stack.url, '13800000002')).get('/enterprises')).body;
    expect(enterprises.find((e: { name: string }) => e.name === '南京待核验运输有限公司').verified).toBe(true);
    await page.context().close();
  });

  it('lets the district official who reviewed a city-issued pass revoke it, and offers a neighbour nothing', async () => {
    const registered = await registerFleet(fleet, '苏A81009', 90);
    const id = await submitApplication(fleet, { ...completeApplication(registered, 0, 3), materialCategory: 'energy' });
    for (const phone of ['13800000002', '13800000003']) {
      const official = await loginAs(stack.url, phone);
      const decided = await official.post(`/reviews/${id}/decision`, { decision: 'approve' });
      expect(decided.status).toBe(200);
    }
    const pass = (await fleet.get('/passes')).body.items.find((p: { plate: string }) => p.plate === '苏A81009');
    // Issued by the city (南京市, 3201xx): the district only reviewed it.
    expect(pass.passNumber.slice(0, 6)).toBe('320100');

    const neighbourPhone = '13912340077';
    const created = await admin.post('/admin/accounts', {
      role: 'official',
      name: '吴审核',
      phone: neighbourPhone,
      password: 'Passw0rd1',
      jurisdictionCode: '320114',
      department: '工业和信息化局',
      reviewLevel: 'district',
    });
    expect(created.status).toBe(201);
    const neighbour = await firstSignIn(stack.url, neighbourPhone, 'Passw0rd1');
    expect(
      (await neighbour.post(`/passes/${pass.id}/revoke`, { reason: '越权撤销尝试' })).status,
    ).toBeGreaterThanOrEqual(403);

    const page = await signedIn('13800000002');
    await openPath(page, stack.url, `${review('pass')}?id=${pass.id}`);
    await page.getByTestId('pass-number').waitFor();
    await tapButton(page, '撤销通行证');
    await fillTextarea(page, 'reason-popup', '企业申报材料不实');
    await page.getByTestId('reason-confirm').click();
    await page.getByTestId('pass-status').getByText('已撤销').waitFor();
    await page.context().close();
  });
});
