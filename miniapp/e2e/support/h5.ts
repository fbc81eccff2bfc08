import type { Page } from 'playwright-core';

/** Ways to drive the H5 build of the Taro app; Taro renders its components as custom elements. */

/** Types into the real <input> inside a form field (`data-testid` on the field). */
export async function fill(page: Page, testId: string, value: string): Promise<void> {
  await page.locator(`[data-testid="${testId}"] input`).first().fill(value);
}

/** Types, then leaves the field, which is when its message appears. */
export async function fillAndLeave(page: Page, testId: string, value: string): Promise<void> {
  const input = page.locator(`[data-testid="${testId}"] input`).first();
  await input.fill(value);
  await input.blur();
}

export function fieldError(page: Page, testId: string) {
  return page.getByTestId(`${testId}-error`);
}

/** A NutUI button by its visible text. */
export async function tapButton(page: Page, text: string): Promise<void> {
  await page.locator('.nut-button:visible', { hasText: text }).first().click();
}

/** Province → city → county in the region picker of the field `testId`. */
export async function pickRegion(page: Page, testId: string, names: [string, string, string]): Promise<void> {
  await page.getByTestId(`${testId}-open`).click();
  // NutUI lays the levels' panes side by side; level i is the i-th pane once it exists.
  const panes = page.locator('.nut-cascader:visible .nut-tabpane');
  for (const [level, name] of names.entries()) {
    await panes.nth(level).locator('.nut-cascader-item-title').getByText(name, { exact: true }).click();
  }
  await page.locator('.nut-cascader:visible').waitFor({ state: 'hidden' });
}

/** An option of an action sheet (vehicle type, material category). */
export async function pickOption(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(`${testId}-open`).click();
  await page.locator('.nut-actionsheet-item:visible', { hasText: label }).first().click();
}

/** Clicks something that opens a file chooser, and gives it a file made in the test. */
export async function chooseFile(
  page: Page,
  open: () => Promise<void>,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await open();
  await (await chooser).setFiles(file);
}

/**
 * Chooses the document a vehicle or person holds (`kind`: vehicle_licence, driving_licence, …) on its
 * registry form, with its 有效期至; it is uploaded when the form is saved.
 */
export async function chooseHeldDocument(
  page: Page,
  kind: string,
  file: { name: string; mimeType: string; buffer: Buffer },
  expiresOn: string,
): Promise<void> {
  const field = page.locator(`[data-testid="held-${kind}"]:visible`);
  await chooseFile(page, () => field.locator('.nut-button').click(), file);
  await field.getByTestId('held-pending').getByText(file.name).waitFor();
  await field.locator(`[data-testid="held-${kind}-expires"] input`).fill(expiresOn);
}

/** A 1×1 PNG and a one-page PDF: enough for the server's type sniffing. */
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

export const tinyPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** Signs in on the login page with phone and password. */
export async function signIn(page: Page, baseUrl: string, phone: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/#/pages/login/index`);
  await fill(page, 'login-phone', phone);
  await fill(page, 'login-password', password);
  await tapButton(page, '登录');
}

/** A tiny PNG under the name a user's photo would have. */
export const pngNamed = (name: string) => ({ name, mimeType: 'image/png', buffer: tinyPng });
