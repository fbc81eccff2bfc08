import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  applyStatusListUpdate,
  type OnlineVerification,
  openSignedDocument,
  type SignedDocument,
  type StatusListUpdate,
  type TrustList,
  verifyPassUrl,
} from '@pass/shared';
import { statusSnapshotMaxAgeMs } from '../src/passes/status-snapshots.js';
import { type ApiClient, apiClient, loginAs } from './support/api.js';
import { completeApplication, demoPhones, registerFleet, submitApplication } from './support/fixtures.js';
import { type ServerProcess, startServerProcess } from './support/server-process.js';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from './support/test-database.js';

/**
 * Online verification answers from each process's copy of the status list (no database query per
 * request, issue 18): a revocation made in one server process must show in another within the copy's
 * bound (docs/scaling.md §6.7), and the full list each process signs must follow the revocation.
 */
describe(`online verification across two server processes on ${testDatabaseKind}`, () => {
  let database: TestDatabase;
  let dataDir: string;
  let servers: ServerProcess[];
  let plateSerial = 0;
  /** Per process: the fleet manager, the district official and an anonymous client. */
  let on: { fleet: ApiClient; official: ApiClient; anonymous: ApiClient }[];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = database.kind === 'sqlite' ? database.env.DATA_DIR! : mkdtempSync(join(tmpdir(), 'pass-verify-'));
    const env = {
      DATA_DIR: dataDir,
      ...database.env,
      SEED_DEMO: 'true',
      PROVINCE_SETTINGS: JSON.stringify({
        approvalChain: ['district'],
        quota: { enabled: false, period: 'week', maxActivePassesPerEnterprise: null },
      }),
    };
    servers = [await startServerProcess(env)];
    servers.push(await startServerProcess(env));
    on = await Promise.all(
      servers.map(async (s) => ({
        fleet: await loginAs(s.url, demoPhones.fleetManager),
        official: await loginAs(s.url, demoPhones.districtOfficial),
        anonymous: apiClient(s.url),
      })),
    );
  }, 240_000);

  afterAll(async () => {
    await Promise.all((servers ?? []).map((s) => s.stop()));
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A pass issued through process 0. */
  const issuePass = async (): Promise<{ id: string; url: string }> => {
    plateSerial++;
    const fleet = await registerFleet(
      on[0]!.fleet,
      `苏A6${String(plateSerial).padStart(4, '0')}`,
      700 + plateSerial * 2,
    );
    const id = await submitApplication(on[0]!.fleet, completeApplication(fleet));
    const approved = await on[0]!.official.post(`/reviews/${id}/decision`, { decision: 'approve' });
    expect(approved.body.status).toBe('approved');
    return (await on[0]!.fleet.get(`/passes/${approved.body.passId}`)).body;
  };
  const verifyOn = async (process: number, url: string) =>
    (await on[process]!.anonymous.post<OnlineVerification>('/verification/verify', { url })).body;

  it('shows a revocation made in one process in the other within the copy’s bound', async () => {
    const pass = await issuePass();
    // Process 1 has read its copy by now (a pass issued after it is read again at once).
    expect((await verifyOn(1, pass.url)).verification.state).toBe('valid');
    expect((await verifyOn(1, pass.url)).facts?.endReason).toBeNull();

    const revoked = await on[0]!.official.post(`/passes/${pass.id}/revoke`, { reason: '车辆转让' });
    expect(revoked.status).toBe(200);
    const revokedAt = Date.now();
    // The process that revoked shows it at once.
    expect((await verifyOn(0, pass.url)).verification.state).toBe('revoked');

    let seen: OnlineVerification | undefined;
    while (Date.now() - revokedAt < 10_000) {
      seen = await verifyOn(1, pass.url);
      if (seen.verification.state === 'revoked') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const delay = Date.now() - revokedAt;
    expect(seen?.verification.state).toBe('revoked');
    expect(seen?.facts?.endReason).toBe('车辆转让');
    // The bound, plus a refresh's round trip and the request itself on a loaded 2-core machine.
    expect(delay).toBeLessThan(statusSnapshotMaxAgeMs + 2_000);
  });

  it('signs the full status list once per version, and a new one after a revocation', async () => {
    const pass = await issuePass();
    const trustList = (await on[0]!.anonymous.get<TrustList>('/trust-list')).body;
    const fullList = async () => {
      const doc = (await on[1]!.anonymous.get<SignedDocument>('/verification/status-list')).body;
      const update = openSignedDocument<StatusListUpdate>(doc, trustList);
      expect(update?.kind).toBe('full');
      return { doc, update: update! };
    };
    // Read through the process that did not issue it: the list covers the pass all the same.
    const first = await fullList();
    const before = verifyPassUrl(pass.url, { trustList, statusList: applyStatusListUpdate(undefined, first.update) });
    expect([before.state, before.warnings.map((w) => w.code)]).toEqual(['valid', []]);
    // Same version and size: the same signed document, not signed again.
    expect((await fullList()).doc).toEqual(first.doc);

    // Revoked through the other process: the list reads the version again on each request, so at once.
    await on[0]!.official.post(`/passes/${pass.id}/revoke`, { reason: '企业申请撤销' });
    const after = await fullList();
    expect(after.update.version).toBeGreaterThan(first.update.version);
    expect(Date.parse(after.update.generatedAt)).toBeGreaterThan(Date.parse(first.update.generatedAt));
    const statusList = applyStatusListUpdate(undefined, after.update);
    expect(verifyPassUrl(pass.url, { trustList, statusList }).state).toBe('revoked');
  });
});
