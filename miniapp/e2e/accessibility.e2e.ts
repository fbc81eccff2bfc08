import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type ApiClient, apiClient, loginAs } from '@pass/server-testing/api';
import {
  completeApplication,
  newCreditCode,
  newPhone,
  registerFleet,
  submitApplication,
} from '@pass/server-testing/fixtures';
import type { Browser, Page } from 'playwright-core';
import { type AxeViolation, axeViolations } from './support/axe.js';
import { launchBrowser, saveScreenshot } from './support/browser.js';
import { signIn } from './support/h5.js';
import { type Stack, startStack } from './support/stack.js';
import { openPath } from './support/taro.js';

jest.setTimeout(600_000);

/** A phone (iPhone 12–15), a tablet and a desktop window; axe runs at the first and the last. */
const sizes = {
  phone: { width: 390, height: 844 },
  tablet: { width: 768, height: 1024 },
  desktop: { width: 1440, height: 900 },
} as const;
type Size = keyof typeof sizes;

interface Screen {
  name: string;
  /** The page's path in the H5 build; a function when it needs an id made in `beforeAll`. */
  path: string | (() => string);
  /** A `data-testid` (or a `.class`) shown once the page has its data. */
  ready: string;
  /** What the user does before the screen is checked: a state it shows only on a tap. */
  before?: (page: Page) => Promise<void>;
  /** What the user does on the screen once it is checked, for a later screen to show. */
  afterwards?: (page: Page) => Promise<void>;
}

const fleet = (page: string) => `/packages/fleet/pages/${page}/index`;
const review = (page: string) => `/packages/review/pages/${page}/index`;
const admin = (page: string) => `/packages/admin/pages/${page}/index`;

const ids: Record<string, string> = {};

/** Saves an empty form, which then shows its messages in red. */
async function saveEmpty(page: Page): Promise<void> {
  await page.locator('.nut-button:visible', { hasText: '保存' }).click();
  await page.locator('.form-field__error:visible').first().waitFor();
}

/** Each role's home: its address, and a `data-testid` it shows once rendered. */
const roles: { role: string; phone: string; home: RegExp; homeReady: string; screens: Screen[] }[] = [
  {
    role: 'fleet',
    phone: '13800000001',
    home: /packages\/fleet\/pages\/home/,
    homeReady: 'enterprise-name',
    screens: [
      { name: 'fleet-home', path: fleet('home'), ready: 'enterprise-name' },
      { name: 'fleet-applications', path: fleet('applications'), ready: 'status-filter' },
      { name: 'fleet-application-form', path: fleet('application-form'), ready: 'material-category' },
      {
        name: 'fleet-application-detail',
        path: () => `${fleet('application-detail')}?id=${ids.waiting}`,
        ready: '.application-detail__head',
      },
      { name: 'fleet-vehicles', path: fleet('vehicles'), ready: 'vehicle-item' },
      { name: 'fleet-drivers', path: fleet('drivers'), ready: 'driver-item' },
      { name: 'pass-list', path: '/packages/pass/pages/list/index', ready: 'pass-item' },
      { name: 'pass-detail', path: () => `/packages/pass/pages/detail/index?id=${ids.pass}`, ready: 'pass-qr' },
      { name: 'fleet-vehicle-form', path: fleet('vehicle-form'), ready: 'plate-colour' },
      { name: 'fleet-vehicle-form-errors', path: fleet('vehicle-form'), ready: 'plate-colour', before: saveEmpty },
      {
        name: 'fleet-vehicle-type-sheet',
        path: fleet('vehicle-form'),
        ready: 'plate-colour',
        before: async (page) => {
          await page.locator('[data-testid="vehicle-type"]:visible').first().click();
          await page.locator('.nut-actionsheet:visible').waitFor();
        },
      },
      { name: 'fleet-driver-form', path: fleet('driver-form'), ready: 'driver-role' },
      { name: 'fleet-driver-form-errors', path: fleet('driver-form'), ready: 'driver-role', before: saveEmpty },
      { name: 'messages', path: '/packages/messages/pages/list/index', ready: 'message-item' },
    ],
  },
  {
    role: 'official',
    phone: '13800000002',
    home: /packages\/review\/pages\/home/,
    homeReady: 'counter-waiting',
    screens: [
      { name: 'review-home', path: review('home'), ready: 'counter-waiting' },
      { name: 'review-queue', path: review('queue'), ready: 'queue-item' },
      { name: 'review-detail', path: () => `${review('detail')}?id=${ids.waiting}`, ready: 'risks' },
      { name: 'review-stats', path: review('stats'), ready: 'stats-issued' },
      { name: 'review-passes', path: review('passes'), ready: 'pass-item' },
      { name: 'review-alerts', path: review('alerts'), ready: 'alerts-empty' },
      { name: 'review-enterprises', path: review('enterprises'), ready: 'enterprise-item' },
    ],
  },
  {
    role: 'admin',
    phone: '13800000000',
    home: /packages\/admin\/pages\/home/,
    homeReady: 'admin-home',
    screens: [
      { name: 'admin-home', path: admin('home'), ready: 'admin-home' },
      { name: 'admin-accounts', path: admin('accounts'), ready: 'admin-accounts' },
      { name: 'admin-checkpoints', path: admin('checkpoints'), ready: 'checkpoint-list' },
      { name: 'admin-quotas', path: admin('quotas'), ready: 'admin-quotas' },
      { name: 'admin-sanctions', path: admin('sanctions'), ready: 'admin-sanctions' },
      { name: 'admin-whitelist', path: admin('whitelist'), ready: 'admin-whitelist' },
      { name: 'admin-settings', path: admin('settings'), ready: 'settings-version' },
      { name: 'admin-audit', path: admin('audit'), ready: 'admin-audit' },
      { name: 'admin-passes', path: review('passes'), ready: 'pass-item' },
      { name: 'admin-account-form', path: admin('account-form'), ready: 'admin-account-form' },
      {
        name: 'admin-account-form-errors',
        path: admin('account-form'),
        ready: 'admin-account-form',
        before: saveEmpty,
      },
      { name: 'admin-checkpoint-form', path: admin('checkpoint-form'), ready: 'admin-checkpoint-form' },
      {
        name: 'admin-checkpoint-form-errors',
        path: admin('checkpoint-form'),
        ready: 'admin-checkpoint-form',
        before: saveEmpty,
      },
      { name: 'admin-departments', path: admin('departments'), ready: 'department-list' },
      { name: 'admin-holidays', path: admin('holidays'), ready: 'holiday-list' },
      { name: 'admin-federation', path: admin('federation'), ready: 'own-issuer' },
    ],
  },
  {
    role: 'checkpoint',
    phone: '13800000004',
    home: /packages\/checkpoint\/pages\/home/,
    homeReady: 'checkpoint-name',
    screens: [
      { name: 'checkpoint-home', path: '/packages/checkpoint/pages/home/index', ready: 'paste-url' },
      {
        name: 'checkpoint-verdict',
        path: () => `/packages/checkpoint/pages/result/index?number=${ids.passNumber}`,
        ready: 'verdict',
        // A recorded passage, for the history of scans to show.
        afterwards: async (page) => {
          await page.locator('.nut-button:visible', { hasText: '登记驶入' }).click();
          await page.getByTestId('recorded').waitFor();
        },
      },
      { name: 'checkpoint-history', path: '/packages/checkpoint/pages/history/index', ready: 'scan-item' },
    ],
  },
];

/** Waits until the page showing `ready` has its data and has finished sliding in. */
async function settled(page: Page, ready: string): Promise<void> {
  const selector = ready.startsWith('.') ? ready : `[data-testid="${ready}"]`;
  await page.locator(`${selector}:visible`).first().waitFor();
  await page.waitForFunction(() => {
    const shown = [...document.querySelectorAll<HTMLElement>('.taro_page')].filter(
      (el) => getComputedStyle(el).display !== 'none',
    );
    return (
      shown.every((el) => Math.abs(el.getBoundingClientRect().left) < 1) &&
      !shown.some((el) => el.textContent?.includes('正在加载…'))
    );
  });
}

const report = (found: Record<string, AxeViolation[]>) =>
  Object.entries(found)
    .filter(([, violations]) => violations.length > 0)
    .map(
      ([screen, violations]) =>
        `${screen}:\n${violations.map((v) => `  ${v.rule} (${v.impact}) ${v.help}\n    ${v.targets.slice(0, 6).join('\n    ')}`).join('\n')}`,
    )
    .join('\n');

/**
 * axe-core (WCAG 2.0/2.1 A and AA) on every main screen of every role, at a phone and at a desktop
 * window: no serious or critical violation. Screenshots of each at 390, 768 and 1440 px, and of the
 * fleet manager's and the checkpoint's screens in care mode (长辈模式), go to artifacts/screenshots.
 */
describe('accessibility of the H5 app (axe-core, WCAG 2 A/AA)', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
    const manager: ApiClient = await loginAs(stack.url, '13800000001');
    const registered = await registerFleet(manager, '苏A82001', 10);
    ids.waiting = await submitApplication(manager, completeApplication(registered, 0, 5));
    const issued = await registerFleet(manager, '苏A82002', 20);
    const approved = await submitApplication(manager, completeApplication(issued, 0, 5));
    let passId: string | undefined;
    for (const phone of ['13800000002', '13800000003']) {
      const decided = await (await loginAs(stack.url, phone)).post(`/reviews/${approved}/decision`, {
        decision: 'approve',
      });
      if (decided.status !== 200) throw new Error(`approve: ${JSON.stringify(decided.body)}`);
      passId = decided.body.passId ?? passId;
    }
    if (!passId) throw new Error('no pass issued');
    ids.pass = passId;
    ids.passNumber = (await manager.get(`/passes/${passId}`)).body.passNumber;
    // An enterprise not yet verified, for the official's list of enterprises to verify.
    const phone = newPhone();
    const pending = await apiClient(stack.url).post('/enterprises/register', {
      enterprise: {
        creditCode: newCreditCode('320115'),
        name: '待核验运输有限公司',
        address: '江苏省南京市测试路88号',
        contactName: '张三',
        contactPhone: phone,
        districtCode: '320115',
      },
      manager: { name: '张三', phone, password: 'Passw0rd' },
    });
    if (pending.status !== 201) throw new Error(`register: ${JSON.stringify(pending.body)}`);
  }, 180_000);

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await stack?.stop();
    }
  });

  const open = async (size: Size, care = false) => {
    const context = await browser.newContext({
      viewport: sizes[size],
      deviceScaleFactor: size === 'desktop' ? 1 : 2,
      isMobile: size === 'phone',
      hasTouch: size !== 'desktop',
      locale: 'zh-CN',
    });
    if (care) await context.addInitScript(() => localStorage.setItem('careMode', JSON.stringify({ data: true })));
    return context.newPage();
  };

  it('shows the login and registration pages without a violation', async () => {
    const found: Record<string, AxeViolation[]> = {};
    for (const size of Object.keys(sizes) as Size[]) {
      const page = await open(size);
      await openPath(page, stack.url, '/pages/login/index');
      await settled(page, 'login-phone');
      await page.getByTestId('service-status').getByText('服务正常').waitFor();
      await saveScreenshot(page, `a11y-login-${sizes[size].width}`);
      if (size !== 'tablet') found[`login@${size}`] = await axeViolations(page);
      await openPath(page, stack.url, '/packages/fleet/pages/register/index');
      await settled(page, 'register-creditCode');
      await saveScreenshot(page, `a11y-register-${sizes[size].width}`);
      if (size !== 'tablet') found[`register@${size}`] = await axeViolations(page);
      await page.locator('.nut-button:visible', { hasText: '提交注册' }).click();
      await page.locator('.form-field__error:visible').first().waitFor();
      if (size !== 'tablet') found[`register-errors@${size}`] = await axeViolations(page);
      await page.context().close();
    }
    expect(report(found)).toBe('');
  });

  it.each(roles.map((r) => [r.role, r] as const))(
    'shows every main screen of %s without a violation',
    async (_, role) => {
      const found: Record<string, AxeViolation[]> = {};
      for (const size of Object.keys(sizes) as Size[]) {
        const page = await open(size);
        await signIn(page, stack.url, role.phone, 'demo1234');
        await page.waitForURL(role.home);
        // The home has rendered: a navigation now is not overtaken by the sign-in's own.
        await settled(page, role.homeReady);
        for (const screen of role.screens) {
          await openPath(page, stack.url, typeof screen.path === 'string' ? screen.path : screen.path());
          await settled(page, screen.ready);
          await screen.before?.(page);
          await saveScreenshot(page, `a11y-${screen.name}-${sizes[size].width}`);
          if (size !== 'tablet') found[`${screen.name}@${size}`] = await axeViolations(page);
          await screen.afterwards?.(page);
        }
        await page.context().close();
      }
      expect(report(found)).toBe('');
    },
  );

  it('draws larger text and targets in care mode (长辈模式)', async () => {
    const found: Record<string, AxeViolation[]> = {};
    for (const role of [roles[0], roles[3]]) {
      const page = await open('phone', true);
      await signIn(page, stack.url, role.phone, 'demo1234');
      await page.waitForURL(role.home);
      // The home has rendered: a navigation now is not overtaken by the sign-in's own.
      await settled(page, role.homeReady);
      for (const screen of role.screens.filter((s) =>
        [
          'fleet-home',
          'fleet-application-form',
          'pass-detail',
          'fleet-vehicle-form',
          'fleet-driver-form',
          'messages',
          'checkpoint-verdict',
          'checkpoint-history',
        ].includes(s.name),
      )) {
        await openPath(page, stack.url, typeof screen.path === 'string' ? screen.path : screen.path());
        await settled(page, screen.ready);
        await saveScreenshot(page, `a11y-care-${screen.name}-390`);
        found[`${screen.name}@care`] = await axeViolations(page);
        // Key text of 18 px at least, every button a target of 60×60 at least.
        const sizes = await page.evaluate(() => {
          const shown = [...document.querySelectorAll<HTMLElement>('.taro_page')].find(
            (el) => getComputedStyle(el).display !== 'none',
          );
          const buttons = [...(shown?.querySelectorAll<HTMLElement>('.nut-button') ?? [])]
            .map((el) => el.getBoundingClientRect())
            .filter((box) => box.width > 0);
          return {
            text: Number.parseFloat(getComputedStyle(shown ?? document.body).fontSize),
            smallest: Math.min(...buttons.map((box) => Math.min(box.height, box.width))),
          };
        });
        expect(sizes.text).toBeGreaterThanOrEqual(18);
        expect(sizes.smallest).toBeGreaterThanOrEqual(60);
        await screen.afterwards?.(page);
      }
      await page.context().close();
    }
    expect(report(found)).toBe('');
  });

  it('switches care mode on the home, which keeps the choice; targets are 44 px without it, 60 px with it', async () => {
    const page = await open('phone');
    await signIn(page, stack.url, '13800000001', 'demo1234');
    await page.waitForURL(/packages\/fleet\/pages\/home/);
    await settled(page, 'enterprise-name');
    const newApplication = page.locator('.nut-button:visible', { hasText: '新建通行证申请' });
    const height = async () => (await newApplication.boundingBox())?.height ?? 0;
    expect(await height()).toBeGreaterThanOrEqual(44);
    expect(await height()).toBeLessThan(60);
    const careSwitch = page.getByTestId('care-switch');
    await expect(careSwitch.getAttribute('aria-checked')).resolves.toBe('false');
    await careSwitch.click();
    await page.waitForFunction(() => document.documentElement.classList.contains('care-mode'));
    await expect(careSwitch.getAttribute('aria-checked')).resolves.toBe('true');
    expect(await height()).toBeGreaterThanOrEqual(60);
    await page.reload();
    await settled(page, 'enterprise-name');
    expect(await height()).toBeGreaterThanOrEqual(60);
    await page.getByTestId('care-switch').click();
    await page.waitForFunction(() => !document.documentElement.classList.contains('care-mode'));
    expect(await height()).toBeLessThan(60);
    await page.context().close();
  });
});
