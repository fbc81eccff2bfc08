import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type ApiClient, loginAs } from '@pass/server-testing/api';
import { addDays, chinaToday } from '@pass/shared';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPhonePage, saveScreenshot } from './support/browser.js';
import {
  chooseFile,
  chooseHeldDocument,
  fill,
  pickOption,
  pickRegion,
  pngNamed,
  signIn,
  tapButton,
  tinyPdf,
} from './support/h5.js';
import { decodeQrDataUrl } from './support/qr.js';
import { type Stack, startStack } from './support/stack.js';
import { fillTextarea, fillVisible, navigateBack, openDesktopPage, openPath, toastGone } from './support/taro.js';

jest.setTimeout(180_000);

const qrImage = '[data-testid="pass-qr"] img, img[data-testid="pass-qr"]';

/**
 * The whole story through the UI of the H5 build, every role in its own browser: a fleet manager
 * registers a vehicle and a driver and applies; the district official returns it with a reason; the
 * manager corrects and resubmits; the district and then the city official approve (Jiangsu's chain);
 * the manager shows the pass with its QR code; a checkpoint verifies it; the city official revokes
 * it; the checkpoint, after syncing, refuses it offline. The steps run in order.
 */
describe('the story of one pass, every role in H5', () => {
  let stack: Stack;
  let browser: Browser;
  let manager: Page;
  let district: Page;
  let city: Page;
  let checkpoint: Page;
  let fleetApi: ApiClient;
  let applicationId = '';
  let passUrl = '';
  let passNumber = '';

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
    fleetApi = await loginAs(stack.url, '13800000001');
  }, 120_000);

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await stack?.stop();
    }
  });

  const openFromFleetHome = (entry: string) => manager.locator('.nut-cell:visible', { hasText: entry }).first().click();

  it('1. the fleet manager registers a vehicle and a driver and applies with the documents', async () => {
    manager = await openPhonePage(browser);
    await signIn(manager, stack.url, '13800000001', 'demo1234');
    await manager.getByTestId('enterprise-name').getByText('南京江宁示范物流有限公司').waitFor();

    await openFromFleetHome('车辆管理');
    await tapButton(manager, '登记车辆');
    await fill(manager, 'plate', 'A83001');
    await manager.getByTestId('plate-colour').getByText('黄色', { exact: true }).click();
    await pickOption(manager, 'vehicle-type', '重型半挂牵引车');
    await fill(manager, 'transport-license', '320115008301');
    const licence = pngNamed('行驶证.png');
    await chooseHeldDocument(manager, 'vehicle_licence', licence, addDays(chinaToday(), 400));
    await tapButton(manager, '保存');
    await manager.getByTestId('vehicle-item').first().waitFor();
    await navigateBack(manager);

    await openFromFleetHome('司乘人员');
    await tapButton(manager, '登记司乘人员');
    await fill(manager, 'driver-name', '张师傅');
    await fill(manager, 'driver-id-number', '11010519491231002X');
    await fill(manager, 'driver-phone', '13800000005');
    const driving = pngNamed('驾驶证.png');
    await chooseHeldDocument(manager, 'driving_licence', driving, addDays(chinaToday(), 400));
    await tapButton(manager, '保存');
    await manager.getByTestId('driver-item').first().waitFor();
    await navigateBack(manager);

    await tapButton(manager, '新建通行证申请');
    await manager.getByTestId('vehicle-options').getByText('苏A·83001').click();
    await manager.getByTestId('crew-options').getByText('张师傅').click();
    await pickOption(manager, 'material-category', '生活必需品');
    await fill(manager, 'material-description', '大米');
    await fill(manager, 'quantity', '30');
    await manager.getByTestId('quantity-unit').getByText('吨', { exact: true }).click();
    await manager.getByTestId('consignor-fill-own').click();
    await fill(manager, 'consignee-name', '上海浦东示范超市有限公司');
    await fill(manager, 'consignee-address', '上海市浦东新区示范路2号');
    await fill(manager, 'consignee-contactName', '李经理');
    await fill(manager, 'consignee-contactPhone', '021-58881234');
    await pickRegion(manager, 'origin', ['江苏省', '南京市', '江宁区']);
    await pickRegion(manager, 'destination', ['上海市', '上海市', '浦东新区']);
    // The licences are the vehicle's and the driver's, already provided: only the letter is uploaded here.
    await expect(manager.getByTestId('held-documents').textContent()).resolves.toContain(
      '车辆苏A·83001 · 行驶证已提供',
    );
    const documents = [{ kind: 'commitment_letter', name: '承诺书.pdf', mimeType: 'application/pdf', buffer: tinyPdf }];
    for (const { kind, ...file } of documents) {
      const slot = manager.getByTestId(`attachment-${kind}`);
      await chooseFile(manager, () => slot.locator('.nut-button').click(), file);
      await slot.getByTestId('attachment-file').getByText(file.name).waitFor();
    }
    await tapButton(manager, '提交申请');
    await manager.waitForURL(/application-detail/);
    await manager.getByTestId('status-tag').getByText('待受理').waitFor();
    applicationId = new URL(manager.url().replace('#', '')).searchParams.get('id') ?? '';
    expect(applicationId).toMatch(/^[0-9a-f-]{36}$/);
    await saveScreenshot(manager, 'story-1-application-submitted');
  });

  it('2. the district official returns it: the description must name the goods precisely', async () => {
    district = await openPhonePage(browser);
    await signIn(district, stack.url, '13800000002', 'demo1234');
    await district.getByTestId('counter-waiting').getByText('1').waitFor();
    await saveScreenshot(district, 'story-2-district-home');
    await tapButton(district, '开始审核');
    await district.getByTestId('queue-item').first().locator('.queue-row__body').click();
    await district.getByTestId('detail-plate').getByText('苏A·83001').waitFor();
    await tapButton(district, '退回修改');
    await fillTextarea(district, 'reason-popup', '请写明大米的品牌和包装规格');
    await district.getByTestId('fields-to-fix').getByText('物资名称及说明').click();
    await district.getByTestId('reason-confirm').click();
    await district.waitForURL(/review\/pages\/queue/);
    await district.getByTestId('queue-empty').waitFor();
  });

  it('3. the manager reads the reason, corrects the description and resubmits', async () => {
    await manager.reload();
    await manager.getByTestId('reason').getByText('请写明大米的品牌和包装规格').waitFor();
    await expect(manager.getByTestId('fields-to-fix').textContent()).resolves.toContain('物资名称及说明');
    await saveScreenshot(manager, 'story-3-returned');
    await tapButton(manager, '修改');
    await manager.waitForURL(/application-form/);
    // The form fills itself from the saved application first; type only after that.
    await manager.waitForFunction(
      () => document.querySelector<HTMLInputElement>('[data-testid="material-description"] input')?.value === '大米',
    );
    await fill(manager, 'material-description', '大米（示范牌，25公斤袋装）');
    await tapButton(manager, '重新提交');
    await manager.waitForURL(/application-detail/);
    await manager.getByTestId('status-tag').getByText('已重新提交').waitFor();
  });

  it('4. the district official approves, then the city official approves at a desk: the pass is issued', async () => {
    await district.reload();
    const item = district.getByTestId('queue-item').first();
    await item.waitFor();
    await item.locator('.queue-row__body').click();
    await district.getByTestId('detail-plate').waitFor();
    await tapButton(district, '审核通过');
    await district.getByTestId('reason-confirm').click();
    await district.waitForURL(/review\/pages\/queue/);

    city = await openDesktopPage(browser);
    await signIn(city, stack.url, '13800000003', 'demo1234');
    await city.getByTestId('counter-waiting').getByText('1').waitFor();
    await tapButton(city, '开始审核');
    // The desktop queue shows the first application beside the table; its whole detail is one click away.
    await city.getByTestId('preview-open').click();
    await city.getByTestId('attachments').waitFor();
    await expect(city.locator('.review-detail').textContent()).resolves.toContain('大米（示范牌，25公斤袋装）');
    // The vehicle's and driver's licences as submitted, with their expiry, beside the letter.
    const held = city.getByTestId('held-documents');
    await held.getByTestId('attachment-image').first().waitFor();
    await expect(held.textContent()).resolves.toContain('苏A·83001 · 行驶证');
    await expect(held.textContent()).resolves.toContain('驾驶员张师傅 · 驾驶证');
    await expect(held.textContent()).resolves.toContain(`有效期至 ${addDays(chinaToday(), 400)}`);
    await saveScreenshot(city, 'story-4-city-detail-desktop');
    await tapButton(city, '审核通过');
    await fillTextarea(city, 'reason-popup', '同意');
    await city.getByTestId('reason-confirm').click();
    await city.waitForURL(/review\/pages\/queue/);

    const pass = (await fleetApi.get('/passes')).body.items[0];
    expect(pass.plate).toBe('苏A83001');
    passNumber = pass.passNumber;
    expect(passNumber).toMatch(/^320100\d{6}$/);
  });

  it('5. the manager shows the pass: QR code large (it holds the pass URL), also offline', async () => {
    // The application's detail links to its pass by the application's id.
    await openPath(manager, stack.url, `/packages/pass/pages/detail/index?applicationId=${applicationId}`);
    await manager.locator(qrImage).first().waitFor();
    await expect(manager.getByTestId('pass-plate').textContent()).resolves.toBe('苏A·83001');
    await expect(manager.getByTestId('pass-standing').textContent()).resolves.toBe('有效');
    const src = (await manager.locator(qrImage).first().getAttribute('src')) ?? '';
    expect(src).toMatch(/^data:image\/png;base64,/);
    passUrl = decodeQrDataUrl(src);
    const pass = (await fleetApi.get('/passes')).body.items[0];
    expect(passUrl).toBe(pass.url);
    const qrSize = await manager.locator(qrImage).first().boundingBox();
    expect(qrSize!.width).toBeGreaterThanOrEqual(250);
    await saveScreenshot(manager, 'story-5-pass-screen');

    await tapButton(manager, '全屏出示');
    await manager.getByTestId('pass-full').waitFor();
    await saveScreenshot(manager, 'story-5-pass-fullscreen');
    await manager.getByTestId('pass-full').click();

    // The printable PDF opens in a new tab.
    const tab = manager.context().waitForEvent('page');
    await tapButton(manager, '保存/打印PDF');
    const pdf = await tab;
    await pdf.waitForURL(/^blob:/);
    await pdf.close();

    // No network: the last download is shown, QR code included.
    await openPath(manager, stack.url, '/packages/pass/pages/list/index');
    await manager.getByTestId('pass-item').first().waitFor();
    await saveScreenshot(manager, 'story-5-pass-list');
    await manager.context().setOffline(true);
    await manager.getByTestId('pass-item').first().click();
    await manager.getByTestId('pass-offline').waitFor();
    await manager.locator(qrImage).first().waitFor();
    await saveScreenshot(manager, 'story-5-pass-offline');
    await manager.context().setOffline(false);
  });

  it('6. the checkpoint verifies it by number and by the URL read from the QR code: valid', async () => {
    checkpoint = await openPhonePage(browser);
    await signIn(checkpoint, stack.url, '13800000004', 'demo1234');
    await checkpoint.getByTestId('bundle-status').getByText('刚刚同步').waitFor();
    await fillVisible(checkpoint, 'pass-number', passNumber);
    await tapButton(checkpoint, '按编号核验');
    await checkpoint.getByTestId('verdict').waitFor();
    expect(await checkpoint.getByTestId('verdict').getAttribute('data-state')).toBe('valid');
    await tapButton(checkpoint, '登记驶入');
    await checkpoint.getByTestId('recorded').waitFor();
    await checkpoint.locator('.result .nut-button:visible').last().click();

    await fillTextarea(checkpoint, 'paste-url', passUrl);
    await tapButton(checkpoint, '核验二维码内容');
    await checkpoint.getByTestId('verdict').waitFor();
    expect(await checkpoint.getByTestId('verdict').getAttribute('data-state')).toBe('valid');
    await expect(checkpoint.getByTestId('verdict-plate').textContent()).resolves.toBe('苏A·83001');
    await saveScreenshot(checkpoint, 'story-6-checkpoint-valid');
    await checkpoint.locator('.result .nut-button:visible').last().click();
    await checkpoint.waitForURL(/checkpoint\/pages\/home/);
  });

  it('7. the city official sees the trip so far and revokes the pass', async () => {
    await openPath(city, stack.url, '/packages/review/pages/passes/index');
    await city.getByTestId('pass-item').first().click();
    await expect(city.getByTestId('trace').textContent()).resolves.toContain('长深高速南京南收费站卡口');
    await tapButton(city, '撤销通行证');
    await fillTextarea(city, 'reason-popup', '企业申报信息不实');
    await city.getByTestId('reason-confirm').click();
    await city.getByTestId('pass-status').getByText('已撤销').waitFor();
    await toastGone(city);
    await saveScreenshot(city, 'story-7-pass-revoked-desktop');
  });

  it('8. after syncing, the checkpoint refuses the same QR code offline, and the manager sees it revoked', async () => {
    await tapButton(checkpoint, '立即同步');
    await checkpoint
      .getByTestId('bundle-status')
      .getByText(/撤销名单第[1-9]\d*版/)
      .waitFor();
    await checkpoint.context().setOffline(true);
    await fillTextarea(checkpoint, 'paste-url', passUrl);
    await tapButton(checkpoint, '核验二维码内容');
    await checkpoint.getByTestId('verdict').waitFor();
    expect(await checkpoint.getByTestId('verdict').getAttribute('data-state')).toBe('revoked');
    await expect(checkpoint.getByTestId('verdict-source').textContent()).resolves.toContain('离线核验');
    await saveScreenshot(checkpoint, 'story-8-checkpoint-revoked-offline');
    await checkpoint.context().setOffline(false);

    await manager.reload();
    await manager.getByTestId('pass-standing').getByText('已撤销').waitFor();
    await expect(manager.getByTestId('pass-screen').getAttribute('data-tone')).resolves.toBe('invalid');
    await saveScreenshot(manager, 'story-8-pass-screen-revoked');
  });
});
