import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loginAs } from '@pass/server-testing/api';
import { completeApplication, registerFleet, submitApplication } from '@pass/server-testing/fixtures';
import { type ServerProcess, startServerProcess } from '@pass/server-testing/server-process';
import { createTestDatabase, type TestDatabase } from '@pass/server-testing/test-database';
import { addDays, chinaToday, encodePassUrl, signPassToken } from '@pass/shared';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPhonePage, saveScreenshot } from './support/browser.js';

const green = 'rgb(31, 122, 77)';
const grey = 'rgb(95, 99, 96)';

describe('the public pass page (what WeChat 扫一扫 opens) in Chromium, for every state', () => {
  let database: TestDatabase;
  let dataDir: string;
  let server: ServerProcess;
  let browser: Browser;
  const urls: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'pass-page-'));
    server = await startServerProcess({
      DB_URL: database.url,
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
      PROVINCE_SETTINGS: JSON.stringify({ approvalChain: ['district'], autoSupersede: true }),
    });
    const fleetManager = await loginAs(server.url, '13800000001');
    const official = await loginAs(server.url, '13800000002');
    const issue = async (plate: string, serial: number, startInDays = 0, vehicleId?: string) => {
      const fleet = await registerFleet(fleetManager, plate, serial);
      const id = await submitApplication(fleetManager, {
        ...completeApplication(fleet, startInDays, 5),
        ...(vehicleId ? { vehicleId } : {}),
      });
      const decided = await official.post(`/reviews/${id}/decision`, { decision: 'approve' });
      const pass = (await fleetManager.get(`/passes/${decided.body.passId}`)).body;
      return { id: pass.id as string, url: pass.url as string, vehicleId: fleet.vehicleId };
    };
    urls.valid = (await issue('苏A60001', 100)).url;
    urls.not_yet_valid = (await issue('苏A60002', 102, 2)).url;
    const replaced = await issue('苏A60003', 104);
    urls.superseded = replaced.url;
    await issue('苏A60004', 106, 0, replaced.vehicleId);
    const revoked = await issue('苏A60005', 108);
    await official.post(`/passes/${revoked.id}/revoke`, { reason: '出借他人使用' });
    urls.revoked = revoked.url;

    // An expired pass, signed with the server's own key.
    const keyFile = readdirSync(join(dataDir, 'keys')).find((f) => f.endsWith('.json'))!;
    const key = JSON.parse(readFileSync(join(dataDir, 'keys', keyFile), 'utf8')) as { kid: string; privateKey: string };
    const secretKey = new Uint8Array(Buffer.from(key.privateKey, 'base64url'));
    const fields = {
      passNumber: '320115999001',
      plate: '苏A69999',
      plateColour: 'yellow' as const,
      validFrom: addDays(chinaToday(), -30),
      validTo: addDays(chinaToday(), -21),
      originCode: '320115',
      destinationCode: '310104',
      waypointCodes: [],
      materialCategory: 'medical',
      statusIndex: 999,
      // Signed now (the key is new), for days already past.
      issuedAt: new Date().toISOString(),
    };
    urls.expired = encodePassUrl(
      'http://127.0.0.1:3000',
      signPassToken(fields, { kid: key.kid, secretKey, algorithm: 'Ed25519' }),
    );
    urls.forged = urls.valid.replace(
      /(\d)(\d{20})$/,
      (_m, d: string, rest: string) => `${(Number(d) + 1) % 10}${rest}`,
    );
    urls.malformed = 'http://127.0.0.1:3000/V/12345';
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['valid', '✔ 通行证有效', green, '一致后放行'],
    ['not_yet_valid', '✘ 通行证无效', grey, '不予放行'],
    ['expired', '✘ 通行证无效', grey, '不予放行'],
    ['revoked', '✘ 通行证无效', grey, '不予放行'],
    ['superseded', '✘ 通行证无效', grey, '最新的通行证'],
    ['forged', '✘ 通行证无效', grey, '不予放行'],
    ['malformed', '✘ 通行证无效', grey, '不予放行'],
  ])('shows %s plainly, with what to do', async (state, headline, colour, advice) => {
    const page = await openPhonePage(browser);
    // The page must work without JavaScript, as on the most basic phone browser.
    await page.context().route('**/*.js', (route) => route.abort());
    const path = new URL(urls[state]!).pathname;
    await page.goto(`${server.url}${path}`);
    const main = page.locator('main');
    const shownState = await main.getAttribute('data-state');
    expect(state === 'forged' ? ['signature_invalid', 'malformed'] : [state]).toContain(shownState);
    expect(await page.locator('header h1').textContent()).toBe(headline);
    expect(await page.locator('header').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(colour);
    expect(await page.locator('.advice').textContent()).toContain(advice);
    const plateShown = await page.locator('.plate').count();
    // Data is shown only from a token whose signature verified.
    expect(plateShown).toBe(['forged', 'malformed'].includes(state) ? 0 : 1);
    await saveScreenshot(page, `pass-page-${state}`);
    await page.context().close();
  });
});
