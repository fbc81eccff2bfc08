import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { loginAs } from '@pass/server-testing/api';
import { addDays, chinaToday } from '@pass/shared';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPhonePage, saveScreenshot } from './support/browser.js';
import {
  chooseFile,
  chooseHeldDocument,
  fieldError,
  fill,
  fillAndLeave,
  pickOption,
  pickRegion,
  pngNamed,
  signIn,
  tapButton,
  tinyPdf,
} from './support/h5.js';
import { type Stack, startStack } from './support/stack.js';
import { confirmModal, openPath } from './support/taro.js';

// Jest reads `testTimeout` only at the top level of its config, not per project: browser steps need longer.
jest.setTimeout(120_000);

/**
 * The demo fleet manager's whole job in the browser build: sign in, register a vehicle and a driver,
 * apply for a pass with the documents Jiangsu requires, and follow it. The steps share one page and
 * run in order.
 */
const licenceUntil = addDays(chinaToday(), 400);
const shortly = addDays(chinaToday(), 3);

describe('fleet manager (车队管理员) in H5 at a phone viewport', () => {
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

  const openFromHome = async (entry: string) => {
    await page.locator('.nut-cell', { hasText: entry }).first().click();
  };

  it('refuses a wrong password with the Chinese message', async () => {
    await signIn(page, server.url, '13800000001', 'wrong-password');
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('手机号码或密码错误');
    await saveScreenshot(page, 'login-wrong-password');
  });

  it('signs in with phone and password and lands on the fleet home', async () => {
    await fill(page, 'login-password', 'demo1234');
    await tapButton(page, '登录');
    await page.getByTestId('enterprise-name').getByText('南京江宁示范物流有限公司').waitFor();
    expect(page.url()).toContain('/packages/fleet/pages/home/index');
    await page.locator('.nut-tag', { hasText: '已核验' }).waitFor();
    await saveScreenshot(page, 'fleet-home');
  });

  it('registers a vehicle, after showing what is wrong with a bad plate', async () => {
    await openFromHome('车辆管理');
    await page.getByText('尚未登记车辆').waitFor();
    await tapButton(page, '登记车辆');

    // The enterprise is in Jiangsu, so 苏 is offered (once its district is loaded); the rest is typed.
    await page.getByTestId('plate-province').getByText('苏').waitFor();
    await fillAndLeave(page, 'plate', 'A1234O');
    await expect(fieldError(page, 'plate').textContent()).resolves.toContain('不能含有字母I或O');
    await saveScreenshot(page, 'vehicle-form-invalid-plate');

    await fill(page, 'plate', 'a 12345');
    await expect(page.locator('[data-testid="plate"] input').inputValue()).resolves.toBe('A12345');
    await expect(fieldError(page, 'plate').count()).resolves.toBe(0);
    await page.getByTestId('plate-colour').getByText('黄色', { exact: true }).click();
    await pickOption(page, 'vehicle-type', '重型半挂牵引车');
    await fill(page, 'transport-license', '320115001234');
    // The 行驶证 is the vehicle's: uploaded once here, with its 有效期至, for every application.
    await chooseHeldDocument(page, 'vehicle_licence', pngNamed('行驶证.png'), '2026-02-30');
    await saveScreenshot(page, 'vehicle-form');
    await tapButton(page, '保存');
    await expect(fieldError(page, 'held-vehicle_licence-expires').textContent()).resolves.toBe(
      '日期应为年-月-日，如2030-05-12',
    );
    await fill(page, 'held-vehicle_licence-expires', licenceUntil);
    await tapButton(page, '保存');

    const item = page.getByTestId('vehicle-item');
    await item.first().waitFor();
    await expect(item.first().textContent()).resolves.toContain('苏A·12345');
    await saveScreenshot(page, 'vehicles');
    await page.goBack();
  });

  it('registers a driver, after showing what is wrong with a bad ID number', async () => {
    await openFromHome('司乘人员');
    await tapButton(page, '登记司乘人员');
    await fill(page, 'driver-name', '张师傅');
    await fillAndLeave(page, 'driver-id-number', '320115199902301234');
    await expect(fieldError(page, 'driver-id-number').textContent()).resolves.toBe('身份证号码中的出生日期无效');
    await saveScreenshot(page, 'driver-form-invalid-id');

    await fill(page, 'driver-id-number', '11010519491231002x');
    await expect(page.locator('[data-testid="driver-id-number"] input').inputValue()).resolves.toBe(
      '11010519491231002X',
    );
    await fill(page, 'driver-phone', '13800000005');
    // A 驾驶证 that ends before the pass would: the application form says so before it is submitted.
    await chooseHeldDocument(page, 'driving_licence', pngNamed('驾驶证.png'), shortly);
    await tapButton(page, '保存');

    const item = page.getByTestId('driver-item');
    await item.first().waitFor();
    // The list shows the ID number masked.
    await expect(item.first().textContent()).resolves.toContain('110105********002X');
    await saveScreenshot(page, 'drivers');
    await page.goBack();
  });

  it('applies for a pass with the required documents and submits it', async () => {
    await tapButton(page, '新建通行证申请');
    await page.getByTestId('vehicle-options').getByText('苏A·12345').click();
    await page.getByTestId('crew-options').getByText('张师傅').click();
    await pickOption(page, 'material-category', '生活必需品');
    await fill(page, 'material-description', '大米、食用油');
    await fill(page, 'quantity', '30');
    await page.getByTestId('quantity-unit').getByText('吨', { exact: true }).click();

    await page.getByTestId('consignor-fill-own').click();
    await expect(page.locator('[data-testid="consignor-name"] input').inputValue()).resolves.toBe(
      '南京江宁示范物流有限公司',
    );
    await fill(page, 'consignee-name', '上海浦东示范超市有限公司');
    await fill(page, 'consignee-address', '上海市浦东新区示范路2号');
    await fill(page, 'consignee-contactName', '李经理');
    await fill(page, 'consignee-contactPhone', '021-58881234');

    await pickRegion(page, 'origin', ['江苏省', '南京市', '江宁区']);
    await expect(page.getByTestId('origin').textContent()).resolves.toContain('江苏省南京市江宁区');
    await pickRegion(page, 'destination', ['上海市', '上海市', '浦东新区']);
    await expect(page.getByTestId('destination').textContent()).resolves.toContain('上海市浦东新区');
    await pickRegion(page, 'waypoint-add', ['江苏省', '苏州市', '昆山市']);
    await expect(page.getByTestId('waypoint').textContent()).resolves.toContain('江苏省苏州市昆山市');

    // Jiangsu's maximum of 10 days is the default and the stepper's upper bound.
    await expect(page.getByTestId('valid-to').textContent()).resolves.toMatch(/有效期至 \d{4}-\d{2}-\d{2}/);

    // The licences are not asked for again: the vehicle's is shown as provided, the driver's as too short.
    await expect(page.getByTestId('attachment-vehicle_licence').count()).resolves.toBe(0);
    const held = page.getByTestId('held-documents');
    await expect(held.textContent()).resolves.toContain(`车辆苏A·12345 · 行驶证已提供 · 有效期至 ${licenceUntil}`);
    const validTo = (await page.getByTestId('valid-to').textContent())!.match(/\d{4}-\d{2}-\d{2}/)![0];
    await expect(held.textContent()).resolves.toContain(
      `驾驶员张师傅的驾驶证有效期至${shortly}，早于通行证有效期截止日期${validTo}`,
    );
    await saveScreenshot(page, 'application-form-licence-too-short');
    // Renewed on the driver's record, from here; back in the form it is current.
    await held.getByTestId('held-document').filter({ hasText: '驾驶证' }).locator('.nut-button').click();
    await page.waitForURL(/driver-form/);
    await chooseHeldDocument(page, 'driving_licence', pngNamed('新驾驶证.png'), licenceUntil);
    await tapButton(page, '保存');
    await page.waitForURL(/application-form/);
    await held
      .getByTestId('held-document')
      .filter({ hasText: `驾驶员张师傅 · 驾驶证已提供 · 有效期至 ${licenceUntil}` })
      .waitFor();

    const documents = [{ kind: 'commitment_letter', name: '承诺书.pdf', mimeType: 'application/pdf', buffer: tinyPdf }];
    for (const { kind, ...file } of documents) {
      const slot = page.getByTestId(`attachment-${kind}`);
      await chooseFile(page, () => slot.locator('.nut-button').click(), file);
      await slot.getByTestId('attachment-file').getByText(file.name).waitFor();
    }
    await saveScreenshot(page, 'application-form');

    await tapButton(page, '提交申请');
    await page.waitForURL(/application-detail/);
    await page.getByTestId('status-tag').getByText('待受理').waitFor();
    const timeline = page.getByTestId('timeline');
    await expect(timeline.textContent()).resolves.toContain('提交');
    await expect(timeline.textContent()).resolves.toContain('创建申请');
    await saveScreenshot(page, 'application-detail');
  });

  it('lists the application as 待受理', async () => {
    await page.goto(`${server.url}/#/packages/fleet/pages/applications/index`);
    const card = page.getByTestId('application-card').first();
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('待受理');
    await expect(card.textContent()).resolves.toContain('苏A·12345');
    await expect(card.textContent()).resolves.toContain('江苏省南京市江宁区 → 上海市浦东新区');
    await saveScreenshot(page, 'applications');

    await card.click();
    await page.getByTestId('timeline').waitFor();
    await expect(page.locator('.nut-button:visible', { hasText: '撤回' }).count()).resolves.toBe(1);
  });

  it('shows the reason of a return and the fields to fix, and resubmits after the correction', async () => {
    const id = /[?&]id=([0-9a-f-]{36})/.exec(page.url())?.[1];
    expect(id).toBeDefined();
    // The district official's screens are another story; here the return comes through the API.
    const official = await loginAs(server.url, '13800000002');
    const returned = await official.post(`/reviews/${id}/decision`, {
      decision: 'return',
      reason: '物资说明不够具体，请写明品名和包装',
      fieldsToFix: ['materialDescription'],
    });
    expect(returned.status).toBe(200);

    await page.reload();
    await page.getByTestId('status-tag').getByText('退回修改').waitFor();
    await expect(page.getByTestId('reason').textContent()).resolves.toContain('物资说明不够具体');
    await expect(page.getByTestId('fields-to-fix').textContent()).resolves.toContain('物资名称及说明');
    await saveScreenshot(page, 'application-returned');

    await tapButton(page, '修改');
    await page.getByTestId('return-reason').waitFor();
    await expect(page.locator('[data-testid="material-description"] .form-field__flag').count()).resolves.toBe(1);
    await fill(page, 'material-description', '大米（袋装，每袋25千克）、食用油（桶装）');
    await saveScreenshot(page, 'application-form-returned');
    await tapButton(page, '重新提交');

    await page.waitForURL(/application-detail/);
    await page.getByTestId('status-tag').getByText('已重新提交').waitFor();
    await expect(page.getByTestId('timeline').textContent()).resolves.toContain('退回修改');
    // Back on the detail page it came from, not a second one on top of it.
    await expect(page.getByTestId('timeline').count()).resolves.toBe(1);
    await expect(page.locator('.detail-row', { hasText: '物资说明' }).textContent()).resolves.toContain('袋装');
  });

  it('withdraws the application after confirming', async () => {
    await tapButton(page, '撤回');
    await expect(confirmModal(page)).resolves.toContain('确定撤回吗');
    await page.getByTestId('status-tag').getByText('已撤回').waitFor();
    await expect(page.locator('.action-bar .nut-button:visible').count()).resolves.toBe(0);
    await saveScreenshot(page, 'application-withdrawn');
  });

  it('keeps the app phone-shaped in the middle of a desktop window', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}/#/packages/fleet/pages/applications/index`);
    const card = page.getByTestId('application-card').first();
    await card.waitFor();
    const box = await card.boundingBox();
    // 750 design pixels at Taro's largest root font size.
    expect(box!.width).toBeLessThanOrEqual(750);
    expect(box!.x).toBeGreaterThan(200);
    await saveScreenshot(page, 'applications-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
  });

  it.each([
    'home',
    'applications',
    'application-form',
    'application-detail?id=00000000-0000-4000-8000-000000000000',
    'vehicles',
    'vehicle-form',
    'drivers',
    'driver-form?id=00000000-0000-4000-8000-000000000000',
    'enterprise',
  ])(
    'refuses a signed-in official the fleet page %s (无权), without asking the server for fleet data',
    async (path) => {
      const official = await openPhonePage(browser);
      await signIn(official, server.url, '13800000002', 'demo1234');
      await official.waitForURL(/packages\/review\/pages\/home/);
      // The home has rendered: a navigation now is not overtaken by the sign-in's own.
      await official.getByTestId('jurisdiction').waitFor();
      const fleetCalls: string[] = [];
      official.on('request', (request) => {
        if (/\/api\/(vehicles|drivers|applications|attachments|enterprises\/mine)/.test(request.url())) {
          fleetCalls.push(request.url());
        }
      });
      const [page, query] = path.split('?');
      await openPath(official, server.url, `/packages/fleet/pages/${page}/index${query ? `?${query}` : ''}`);
      await expect(official.getByTestId('denied').textContent()).resolves.toContain('该页面仅供车队管理员使用');
      await official.waitForURL(/packages\/review\/pages\/home/);
      expect(fleetCalls).toEqual([]);
      await official.context().close();
    },
  );
});
