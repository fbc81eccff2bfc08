import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ProvinceSettingsDocument, provinceSettingsPresets } from '@pass/shared';
import { type ApiClient, apiClient, loginAs } from './support/api.js';
import { completeApplication, demoPhones, registerFleet, seedAndLogin } from './support/fixtures.js';
import { type ServerProcess, startServerProcess } from './support/server-process.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('province settings as data', () => {
  let t: TestApp;
  let users: Awaited<ReturnType<typeof seedAndLogin>>;

  beforeAll(async () => {
    t = await startTestApp({ PROVINCE: 'guizhou' });
    users = await seedAndLogin(t);
  }, 120_000);
  afterAll(() => t?.close());

  it('serves version 1, seeded from the environment preset, to anyone', async () => {
    const res = await apiClient(t.url).get<ProvinceSettingsDocument>('/settings');
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(1);
    expect(res.body.settings).toEqual(provinceSettingsPresets.guizhou);
  });

  it('lets only an admin change them', async () => {
    const current = (await apiClient(t.url).get<ProvinceSettingsDocument>('/settings')).body;
    expect((await apiClient(t.url).put('/admin/settings', current)).status).toBe(401);
    const denied = await users.districtOfficial.put('/admin/settings', current);
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('FORBIDDEN');
  });

  it('refuses an invalid document with field messages and keeps the version', async () => {
    const current = (await apiClient(t.url).get<ProvinceSettingsDocument>('/settings')).body;
    const res = await users.admin.put('/admin/settings', {
      settings: { ...current.settings, maxValidityDays: 0, approvalChain: ['city', 'district'] },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const paths = res.body.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['settings.maxValidityDays', 'settings.approvalChain']));
    expect((await apiClient(t.url).get('/settings')).body.version).toBe(1);
  });

  it('saves a change as a new version with its audit entry, and refuses a stale one', async () => {
    const current = (await apiClient(t.url).get<ProvinceSettingsDocument>('/settings')).body;
    const changed = { ...current.settings, maxValidityDays: 12 };
    const saved = await users.admin.put<ProvinceSettingsDocument>('/admin/settings', {
      version: current.version,
      settings: changed,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(current.version + 1);
    expect((await apiClient(t.url).get('/settings')).body.settings.maxValidityDays).toBe(12);

    const stale = await users.admin.put('/admin/settings', { version: current.version, settings: changed });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_VERSION');

    const audit = await users.admin.get(`/admin/audit?entityType=settings`);
    expect(audit.body[0]).toMatchObject({
      action: 'settings.update',
      entityId: String(saved.body.version),
      before: { maxValidityDays: 15 },
      after: { maxValidityDays: 12 },
    });
    const history = await users.admin.get<ProvinceSettingsDocument[]>('/admin/settings/history');
    expect(history.body.map((d) => d.version)).toEqual([2, 1]);
  });
});

describe('a settings change on one server process applies on another without a restart', () => {
  let database: TestDatabase;
  let dataDir: string;
  let servers: ServerProcess[];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'pass-settings-'));
    const env = { DATA_DIR: dataDir, ...database.env, SEED_DEMO: 'true' };
    servers = [await startServerProcess(env)];
    servers.push(await startServerProcess(env));
  }, 200_000);
  afterAll(async () => {
    await Promise.all((servers ?? []).map((s) => s.stop()));
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Polls until the other process shows the change; it rechecks the version every second. */
  async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > deadline) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('shortens the maximum validity on both processes at once', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const admin = await loginAs(a.url, demoPhones.admin);
    const fleetOnB: ApiClient = await loginAs(b.url, demoPhones.fleetManager);
    const fleet = await registerFleet(fleetOnB, '苏A5S001', 700);
    const tenDays = await fleetOnB.post('/applications', completeApplication(fleet, 1, 10));
    expect(tenDays.status).toBe(201);

    // Process B has read version 1 (10 days) and caches it.
    expect((await apiClient(b.url).get('/settings')).body.settings.maxValidityDays).toBe(10);
    const current = (await apiClient(a.url).get<ProvinceSettingsDocument>('/settings')).body;
    const started = Date.now();
    const saved = await admin.put('/admin/settings', {
      version: current.version,
      settings: { ...current.settings, maxValidityDays: 5 },
    });
    expect(saved.status).toBe(200);

    const seen = await eventually(
      async () => (await apiClient(b.url).get('/settings')).body.settings.maxValidityDays,
      (days) => days === 5,
    );
    expect(seen).toBe(5);
    expect(Date.now() - started).toBeLessThan(3_000);

    const refused = await fleetOnB.post(`/applications/${tenDays.body.id}/submit`);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('5');
    const fiveDays = await fleetOnB.post('/applications', completeApplication(fleet, 1, 5));
    expect((await fleetOnB.post(`/applications/${fiveDays.body.id}/submit`)).status).toBe(200);
  }, 60_000);
});
