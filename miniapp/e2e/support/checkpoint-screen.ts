import type { Page } from 'playwright-core';
import { signIn, tapButton } from './h5.js';
import { fillTextarea } from './taro.js';

/** Checkpoint home: pastes a scanned text (URL or digits) and waits for the verdict. */
export async function checkText(page: Page, text: string): Promise<void> {
  await fillTextarea(page, 'paste-url', text);
  await tapButton(page, '核验二维码内容');
  await page.getByTestId('verdict').waitFor();
}

/** Result screen: the last button leads back to the checkpoint home. */
export async function backHome(page: Page): Promise<void> {
  await page.locator('.result .nut-button:visible').last().click();
  await page.waitForURL(/checkpoint\/pages\/home/);
}

/** Signs the demo checkpoint officer in at `url` and waits for the first sync of the offline data. */
export async function signInAtCheckpoint(page: Page, url: string): Promise<void> {
  await signIn(page, url, '13800000004', 'demo1234');
  await page.waitForURL(/checkpoint\/pages\/home/);
  await page
    .getByTestId('bundle-status')
    .getByText(/刚刚同步/)
    .waitFor();
}
