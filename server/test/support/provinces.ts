import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from '@jest/globals';
import {
  bundleIssuers,
  type FederationBundle,
  type IssuerDocument,
  knownStatusVersions,
  mergeFederationBundle,
  openSignedDocument,
  type SignedDocument,
  type TrustList,
  verifyFederatedUrl,
} from '@pass/shared';
import { type ApiClient, apiClient, loginAs } from './api.js';
import { completeApplication, demoPhones, registerFleet, submitApplication } from './fixtures.js';
import { freePort, type ServerProcess, startServerProcess } from './server-process.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** One deployment configured as a province (全国互认 tests): its own database, keys and address. */
export interface Province {
  database: TestDatabase;
  dataDir: string;
  server: ServerProcess;
  admin: ApiClient;
  /** The bundle a checkpoint device of the province last synced, updated as the app does. */
  heldBundle?: FederationBundle;
}

async function startProvince(province: string, name: string, env: Record<string, string> = {}): Promise<Province> {
  const database = await createTestDatabase();
  const dataDir = database.kind === 'sqlite' ? database.env.DATA_DIR! : mkdtempSync(join(tmpdir(), 'pass-fed-'));
  const port = await freePort();
  const server = await startServerProcess(
    {
      DATA_DIR: dataDir,
      ...database.env,
      SEED_DEMO: 'true',
      PROVINCE: province,
      PASS_ISSUER_NAME: name,
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      FEDERATION_SYNC_MINUTES: '0',
      // One approval, as in Zhejiang, so that the pass is issued by the first decision.
      PROVINCE_SETTINGS: JSON.stringify({ approvalChain: ['district'] }),
      ...env,
    },
    port,
  );
  return { database, dataDir, server, admin: await loginAs(server.url, demoPhones.admin) };
}

/** Jiangsu (320000) and Zhejiang (330000), started together, each with its own `env` on top. */
function startJiangsuAndZhejiang(
  jiangsuEnv: Record<string, string> = {},
  zhejiangEnv: Record<string, string> = {},
): Promise<[Province, Province]> {
  return Promise.all([
    startProvince('jiangsu', '江苏省重点物资运输车辆通行证签发系统', jiangsuEnv),
    startProvince('zhejiang', '浙江省重点物资运输车辆通行证签发系统', zhejiangEnv),
  ]);
}

/** What a federation test works on, filled in by its beforeAll: both provinces and a Jiangsu pass. */
export interface JiangsuAndZhejiang {
  jiangsu: Province;
  zhejiang: Province;
  passId: string;
  passUrl: string;
  /** Jiangsu's district official, who issued the pass. */
  official: ApiClient;
}

/**
 * Registers the hooks of a federation test: start Jiangsu and Zhejiang (each with its `env` on top),
 * issue a demo pass in Jiangsu with `plate`, and stop both after the tests.
 */
export function withJiangsuAndZhejiang(
  plate: string,
  serial: number,
  env: { jiangsu?: Record<string, string>; zhejiang?: Record<string, string> } = {},
): JiangsuAndZhejiang {
  const world = {} as JiangsuAndZhejiang;
  beforeAll(async () => {
    [world.jiangsu, world.zhejiang] = await startJiangsuAndZhejiang(env.jiangsu, env.zhejiang);
    Object.assign(world, await issueDemoPass(world.jiangsu, plate, serial));
  }, 240_000);
  afterAll(async () => {
    for (const province of [world.jiangsu, world.zhejiang]) await stopProvince(province);
  });
  return world;
}

async function stopProvince(province: Province | undefined): Promise<void> {
  if (!province) return;
  await province.server.stop();
  await province.database.drop();
  rmSync(province.dataDir, { recursive: true, force: true });
}

/** A pass issued through the workflow (the demo district 320115): its id and QR URL, and the official. */
export async function issueDemoPass(province: Province, plate: string, serial: number) {
  const fleetManager = await loginAs(province.server.url, demoPhones.fleetManager);
  const official = await loginAs(province.server.url, demoPhones.districtOfficial);
  const fleet = await registerFleet(fleetManager, plate, serial);
  const id = await submitApplication(fleetManager, completeApplication(fleet, 0, 5));
  const approved = await official.post(`/reviews/${id}/decision`, { decision: 'approve' });
  expect(approved.status).toBe(200);
  const passId: string = approved.body.passId;
  const passUrl: string = (await fleetManager.get(`/passes/${passId}`)).body.url;
  expect(passUrl).toMatch(/\/V\/\d+$/);
  return { passId, passUrl, official };
}

/** The province's signed issuer document and the fingerprint its admin reads out by phone. */
export async function issuerDocumentOf(province: Province) {
  const signed = (await apiClient(province.server.url).get<SignedDocument>('/federation/issuer')).body;
  return { signed, document: JSON.parse(signed.body) as IssuerDocument };
}

/** Syncs as the checkpoint app does (own trust list, then the bundle with the versions held) and verifies offline. */
export async function offlineVerify(province: Province, url: string) {
  const anonymous = apiClient(province.server.url);
  const trustList = (await anonymous.get<TrustList>('/trust-list')).body;
  const known = knownStatusVersions(province.heldBundle);
  const signed = (await anonymous.get<SignedDocument>(`/federation/bundle${known ? `?known=${known}` : ''}`)).body;
  const update = openSignedDocument<FederationBundle>(signed, trustList);
  expect(update).toBeDefined();
  province.heldBundle = mergeFederationBundle(province.heldBundle, update!);
  return { update: update!, ...verifyFederatedUrl(url, { trustList, issuers: bundleIssuers(province.heldBundle) }) };
}

/** Online verification at the province, waiting out a few seconds of per-process cache for a change. */
export async function onlineVerifyUntil(province: Province, url: string, state: string) {
  let online = await apiClient(province.server.url).post('/verification/verify', { url });
  for (let i = 0; i < 30 && online.body.verification?.state !== state; i++) {
    await new Promise((r) => setTimeout(r, 250));
    online = await apiClient(province.server.url).post('/verification/verify', { url });
  }
  return online;
}
