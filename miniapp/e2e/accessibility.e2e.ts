import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { type ApiClient, apiClient, firstSignIn, loginAs } from '@pass/server-testing/api';
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

/** Presses a form's button with the form empty, which then shows its messages in red. */
const pressEmpty =
  (button: string) =>
  async (page: Page): Promise<void> => {
    await page.locator('.nut-button:visible', { hasText: button }).click();
    await page.locator('.form-field__error:visible').first().waitFor();
  };
const saveEmpty = pressEmpty('保存');

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
      // With the clone alert made in beforeAll.
      { name: 'review-alerts', path: review('alerts'), ready: 'alert-item' },
      { name: 'review-messages', path: '/packages/messages/pages/list/index', ready: 'message-item' },
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
      {
        name: 'admin-departments-errors',
        path: admin('departments'),
        ready: 'department-list',
        before: saveEmpty,
      },
      { name: 'admin-holidays', path: admin('holidays'), ready: 'holiday-list' },
      { name: 'admin-holidays-errors', path: admin('holidays'), ready: 'holiday-list', before: pressEmpty('添加') },
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

/**
 * Two checkpoints 900 km apart scan the pass 40 minutes apart: a clone alert, shown to the officials
 * in their list and their message centre.
 */
async function cloneAlertOn(url: string, passNumber: string): Promise<void> {
  const admin = await loginAs(url, '13800000000');
  const far = await admin.post('/admin/checkpoints', {
    code: 'GD-GZ-A11Y-01',
    name: '广州北检查站',
    regionCode: '440111',
    latitude: 23.3,
    longitude: 113.27,
  });
  const staff = await admin.post('/admin/accounts', {
    role: 'checkpoint_staff',
    name: '林卡口',
    phone: '13912340011',
    password: 'Passw0rd1',
    checkpointId: far.body.id,
  });
  if (staff.status !== 201) throw new Error(`checkpoint staff: ${JSON.stringify(staff.body)}`);
  const near = await loginAs(url, '13800000004');
  const scan = (id: string, checkpointId: string, minutesAgo: number) => ({
    records: [
      {
        id,
        passNumber,
        checkpointId,
        scannedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
        result: 'valid',
        direction: 'inbound',
      },
    ],
  });
  const scans = [
    await near.post(
      '/scans',
      scan('3a0b8f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b', (await near.get('/auth/me')).body.checkpointId, 60),
    ),
    await (await firstSignIn(url, '13912340011', 'Passw0rd1')).post(
      '/scans',
      scan('4b1c9a5b-2d3e-4f60-9bac-1d2e3f4a5b6c', far.body.id, 20),
    ),
  ];
  if (scans.some((r) => r.status !== 200)) throw new Error(`scans: ${JSON.stringify(scans.map((r) => r.body))}`);
}

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

interface Measured {
  /** The page's body text (CSS px). */
  text: number;
  /** Its largest heading, title, plate or field label (CSS px). */
  heading: number;
  /** The smaller side of its smallest button (CSS px); Infinity without a button. */
  smallestButton: number;
}

/** Text and target sizes of the page shown now, as the browser draws them. */
const measure = (page: Page): Promise<Measured> =>
  page.evaluate(() => {
    const shown = [...document.querySelectorAll<HTMLElement>('.taro_page')].find(
      (el) => getComputedStyle(el).display !== 'none',
    );
    const sizeOf = (el: Element) => Number.parseFloat(getComputedStyle(el).fontSize);
    const buttons = [...(shown?.querySelectorAll<HTMLElement>('.nut-button') ?? [])]
      .map((el) => el.getBoundingClientRect())
      .filter((box) => box.width > 0);
    const texts = [
      ...(shown?.querySelectorAll('.card__title, [class*="__title"], [class*="__plate"], .form-field__label') ?? []),
    ];
    return {
      text: sizeOf(shown ?? document.body),
      heading: Math.max(0, ...texts.map(sizeOf)),
      smallestButton: Math.min(...buttons.map((box) => Math.min(box.height, box.width))),
    };
  });

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
    await cloneAlertOn(stack.url, ids.passNumber);
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

  /** The admin's accounts, signed in at a window of `size`. */
  const openAdminAccounts = async (size: Size) => {
    const page = await open(size);
    await signIn(page, stack.url, '13800000000', 'demo1234');
    await page.waitForURL(/packages\/admin\/pages\/home/);
    await settled(page, 'admin-home');
    await openPath(page, stack.url, admin('accounts'));
    await settled(page, 'account-list');
    return page;
  };

  /** The first row of the table shown: its text size, its width and its cells' boxes. */
  const firstRow = (page: Page) =>
    page.evaluate(() => {
      const row = [...document.querySelectorAll<HTMLElement>('.admin-table__row:not(.admin-table__row--head)')].find(
        (el) => el.getBoundingClientRect().height > 0,
      );
      return {
        size: Number.parseFloat(getComputedStyle(row ?? document.body).fontSize),
        width: row?.getBoundingClientRect().width ?? 0,
        cells: [...(row?.querySelectorAll<HTMLElement>('.admin-table__cell') ?? [])].map((el) => {
          const { left, right, top, bottom } = el.getBoundingClientRect();
          return { left, right, top, bottom };
        }),
      };
    });

  it('shows the login, registration and crew sign-in pages without a violation', async () => {
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
      await openPath(page, stack.url, '/packages/pass/pages/sign-in/index');
      await settled(page, 'crew-phone');
      if (size !== 'tablet') found[`crew-sign-in@${size}`] = await axeViolations(page);
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

  it('draws larger text and targets in care mode (长辈模式) than without it', async () => {
    const found: Record<string, AxeViolation[]> = {};
    const smaller: string[] = [];
    for (const role of [roles[0], roles[3]]) {
      // The same screens side by side: a phone without care mode and one with it.
      const [plain, care] = [await open('phone'), await open('phone', true)];
      for (const page of [plain, care]) {
        await signIn(page, stack.url, role.phone, 'demo1234');
        await page.waitForURL(role.home);
        // The home has rendered: a navigation now is not overtaken by the sign-in's own.
        await settled(page, role.homeReady);
      }
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
        const measured: Measured[] = [];
        for (const page of [plain, care]) {
          await openPath(page, stack.url, typeof screen.path === 'string' ? screen.path : screen.path());
          await settled(page, screen.ready);
          measured.push(await measure(page));
        }
        await saveScreenshot(care, `a11y-care-${screen.name}-390`);
        found[`${screen.name}@care`] = await axeViolations(care);
        const [normal, large] = measured;
        // Key text of 18 px at least, every button a target of 60×60 at least; both larger than without.
        expect(large.text).toBeGreaterThanOrEqual(18);
        expect(large.smallestButton).toBeGreaterThanOrEqual(60);
        // Body text 1.4 times; the headings larger too (the plate of the pass and the verdict is big already).
        if (!(large.text >= normal.text * 1.3 && large.heading > normal.heading))
          smaller.push(`${screen.name}: text ${normal.text}→${large.text}, heading ${normal.heading}→${large.heading}`);
        if (normal.smallestButton !== Infinity && !(large.smallestButton > normal.smallestButton))
          smaller.push(`${screen.name}: buttons ${normal.smallestButton}→${large.smallestButton}`);
        // On both phones: a later screen shows what this one did on that phone (the checkpoint's history).
        for (const page of [plain, care]) await screen.afterwards?.(page);
      }
      await plain.context().close();
      await care.context().close();
    }
    expect(smaller).toEqual([]);
    expect(report(found)).toBe('');
  });

  it('lays the admin pages out as a desktop workspace, and as one column of cards on a phone', async () => {
    const desk = await openAdminAccounts('desktop');
    // The areas in a menu at the left, the page beside it; the area shown is marked.
    const [menu, main] = await Promise.all(
      ['[data-testid="admin-nav"]:visible', '.admin__main:visible'].map((s) => desk.locator(s).boundingBox()),
    );
    expect(main!.x).toBeGreaterThanOrEqual(menu!.x + menu!.width);
    expect(main!.width).toBeGreaterThan(900);
    await expect(desk.locator('[data-testid="admin-nav-accounts"]:visible').getAttribute('aria-current')).resolves.toBe(
      'page',
    );
    // Desktop typography: 14–16 px in the tables, a table's cells on one line.
    const table = await firstRow(desk);
    expect(table.size).toBeGreaterThanOrEqual(14);
    expect(table.size).toBeLessThanOrEqual(16);
    expect(table.cells.length).toBeGreaterThan(2);
    expect(table.cells.every((c, i) => i === 0 || c.left >= table.cells[i - 1].right - 1)).toBe(true);
    await saveScreenshot(desk, 'admin-desk-accounts-1440');

    // The menu works from the keyboard and opens the area in place.
    await desk.locator('[data-testid="admin-nav-checkpoints"]:visible').focus();
    await desk.keyboard.press('Enter');
    await settled(desk, 'checkpoint-list');
    // A confirmation is a dialog sized for the desktop, read at the page's size, closed with Esc.
    await desk.locator('[data-testid="checkpoint-list"]:visible').getByText('停用').first().click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByText('停用卡口').waitFor();
    const box = await dialog.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(440);
    const textSize = await dialog
      .locator('.taro-modal__text')
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(textSize).toBeGreaterThanOrEqual(15);
    await saveScreenshot(desk, 'admin-desk-dialog-1440');
    const found: Record<string, AxeViolation[]> = { 'admin-dialog@desktop': await axeViolations(desk) };
    await desk.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect(
      desk.locator('[data-testid="checkpoint-list"]:visible').getByText('停用').count(),
    ).resolves.toBeGreaterThan(0);
    await desk.context().close();

    // A phone: no side menu, each row a card of one column.
    const phone = await openAdminAccounts('phone');
    await expect(phone.locator('[data-testid="admin-nav"]:visible').count()).resolves.toBe(0);
    const card = await firstRow(phone);
    expect(card.width).toBeGreaterThan(340);
    expect(card.cells.length).toBeGreaterThan(2);
    expect(card.cells.every((c, i) => i === 0 || c.top >= card.cells[i - 1].bottom - 1)).toBe(true);
    await saveScreenshot(phone, 'admin-phone-accounts-390');
    found['admin-accounts@phone'] = await axeViolations(phone);
    await phone.context().close();
    expect(report(found)).toBe('');
  });

  it('draws every placeholder at 4.5:1 at least against its box', async () => {
    /** Each text box's placeholder: its colour's contrast with the first opaque background behind it. */
    const placeholders = (page: Page) =>
      page.evaluate(() => {
        const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
        const luminance = ([r, g, b]: number[]) => {
          const [R, G, B] = [r, g, b].map((v) => {
            const c = v / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * R + 0.7152 * G + 0.0722 * B;
        };
        const background = (el: Element | null): number[] => {
          for (let at = el; at; at = at.parentElement) {
            const [r, g, b, a = 1] = rgb(getComputedStyle(at).backgroundColor);
            if (a > 0.9) return [r, g, b];
          }
          return [255, 255, 255];
        };
        return [...document.querySelectorAll<HTMLInputElement>('input[placeholder], textarea[placeholder]')]
          .filter((el) => el.placeholder && el.getBoundingClientRect().width > 0)
          .map((el) => {
            const [l1, l2] = [luminance(rgb(getComputedStyle(el, '::placeholder').color)), luminance(background(el))];
            return { text: el.placeholder, ratio: (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05) };
          });
      });
    const page = await open('phone');
    const seen: { text: string; ratio: number }[] = [];
    await openPath(page, stack.url, '/pages/login/index');
    await settled(page, 'login-phone');
    seen.push(...(await placeholders(page)));
    await openPath(page, stack.url, '/packages/fleet/pages/register/index');
    await settled(page, 'register-creditCode');
    seen.push(...(await placeholders(page)));
    await signIn(page, stack.url, '13800000001', 'demo1234');
    await page.waitForURL(roles[0].home);
    await settled(page, roles[0].homeReady);
    for (const screen of roles[0].screens.filter((s) =>
      ['fleet-application-form', 'fleet-vehicle-form'].includes(s.name),
    )) {
      await openPath(page, stack.url, screen.path as string);
      await settled(page, screen.ready);
      seen.push(...(await placeholders(page)));
    }
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.filter((p) => p.ratio < 4.5).map((p) => `${p.text}: ${p.ratio.toFixed(2)}`)).toEqual([]);
    await page.context().close();
  });

  it('moves the focus with Tab through each control, top to bottom, and out again: no keyboard trap', async () => {
    /**
     * Presses Tab until the focus comes back to where it started (the browser's own controls are not
     * the page's: it leaves the page, then comes back), and lists what it stopped at: each control's
     * name and its place in the page's content (fixed bars and the title bar apart).
     * Each control is marked with the order it was reached in (`data-tab-stop`).
     */
    const tabTour = async (page: Page) => {
      const stops: { name: string; y: number; left: number; right: number; fixed: boolean; inPage: boolean }[] = [];
      for (let i = 0; i < 200; i++) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate((n) => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          if (el.dataset.tabStop !== undefined) return { again: Number(el.dataset.tabStop) };
          el.dataset.tabStop = String(n);
          // Its place in the content: scrolled containers added back, a page itself at its top.
          const box = el.getBoundingClientRect();
          let y = box.top + window.scrollY;
          let fixed = false;
          for (let at = el.parentElement; at; at = at.parentElement) y += at.scrollTop;
          for (let at: HTMLElement | null = el; at; at = at.parentElement)
            if (getComputedStyle(at).position === 'fixed') fixed = true;
          const scroller = el.closest<HTMLElement>('.taro_page');
          return {
            again: -1,
            name: (
              el.getAttribute('aria-label') ||
              (el as HTMLInputElement).placeholder ||
              el.textContent ||
              el.className
            )
              .trim()
              .slice(0, 24),
            y: el === scroller ? 0 : y,
            left: box.left,
            right: box.right,
            fixed,
            inPage: scroller !== null && getComputedStyle(scroller).display !== 'none',
          };
        }, stops.length);
        if (stop?.again === 0) return { stops, out: true };
        if (stop && stop.again === -1) stops.push(stop as (typeof stops)[number]);
      }
      return { stops, out: false };
    };
    const tours: Record<string, string[]> = {};
    const check = async (page: Page, name: string, atLeast: number) => {
      const { stops, out } = await tabTour(page);
      const inPage = stops.filter((s) => s.inPage && !s.fixed);
      // Up again only into a column further right (a desktop's side menu, then the page beside it).
      const backwards = inPage
        .filter((s, i) => i > 0 && s.y < inPage[i - 1].y - 2 && s.left < inPage[i - 1].right)
        .map((s) => s.name);
      tours[name] = [
        ...(out ? [] : [`trapped: Tab never came back after ${stops.map((s) => s.name).join(' | ')}`]),
        ...backwards.map((b) => `goes up to ${b}`),
      ];
      if (inPage.length < atLeast) throw new Error(`${name}: only ${JSON.stringify(stops)}`);
    };
    const phone = await open('phone');
    await signIn(phone, stack.url, '13800000001', 'demo1234');
    await phone.waitForURL(roles[0].home);
    await settled(phone, roles[0].homeReady);
    await check(phone, 'fleet-home', 5);
    for (const name of ['fleet-application-form', 'pass-detail']) {
      const screen = roles[0].screens.find((s) => s.name === name)!;
      await openPath(phone, stack.url, typeof screen.path === 'string' ? screen.path : screen.path());
      await settled(phone, screen.ready);
      await check(phone, name, name === 'pass-detail' ? 1 : 10);
    }
    await phone.context().close();
    const desk = await openAdminAccounts('desktop');
    await check(desk, 'admin-accounts', 10);
    await desk.context().close();
    expect(tours).toEqual({ 'fleet-home': [], 'fleet-application-form': [], 'pass-detail': [], 'admin-accounts': [] });
  });

  it('lets a phone zoom: the viewport meta allows it, and a pinch enlarges the page', async () => {
    const page = await open('phone');
    await openPath(page, stack.url, '/pages/login/index');
    await settled(page, 'login-phone');
    const metas = await page.evaluate(() =>
      [...document.querySelectorAll('meta[name="viewport"]')].map((m) => m.getAttribute('content') ?? ''),
    );
    expect(metas).toHaveLength(1);
    expect(metas[0]).toContain('width=device-width');
    expect(metas[0]).not.toMatch(/user-scalable\s*=\s*(no|0)/i);
    const maximum = /maximum-scale\s*=\s*([\d.]+)/i.exec(metas[0]);
    expect(maximum ? Number(maximum[1]) : 10).toBeGreaterThanOrEqual(5);
    // A pinch, which the viewport meta allows or forbids (headless Chromium synthesizes it as a trackpad
    // pinch; its touch pinch zooms nothing, allowed or not). With user-scalable=no the scale stays 1.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.synthesizePinchGesture', { x: 195, y: 420, scaleFactor: 2, gestureSourceType: 'mouse' });
    await page.waitForFunction(() => (window.visualViewport?.scale ?? 1) > 1.5);
    await page.context().close();
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
