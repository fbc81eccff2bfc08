import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chinaToday, quotaPeriodKey } from '@pass/shared';
import mysql from 'mysql2/promise';
import { type ApiClient, loginAs } from './support/api.js';
import { completeApplication, registerFleet, submitApplication } from './support/fixtures.js';
import { type ServerProcess, startServerProcess } from './support/server-process.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const quota = 5;
const applications = 24;

describe('two server processes approving in parallel on one MariaDB', () => {
  let database: TestDatabase;
  let dataDir: string;
  let servers: ServerProcess[];
  let officials: ApiClient[];
  let ids: string[];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'pass-concurrency-'));
    const env = {
      DB_URL: database.url,
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      PROVINCE_SETTINGS: JSON.stringify({
        approvalChain: ['district'],
        quota: { enabled: true, period: 'week', maxActivePassesPerEnterprise: null },
      }),
    };
    // One after the other: the first migrates the new database, the second finds it ready.
    servers = [await startServerProcess(env)];
    servers.push(await startServerProcess(env));

    const fleetManager = await loginAs(servers[0]!.url, '13800000001');
    const admin = await loginAs(servers[1]!.url, '13800000000');
    await admin.post('/admin/quotas', {
      jurisdictionCode: '320115',
      period: quotaPeriodKey(chinaToday(), 'week'),
      amount: quota,
    });
    ids = [];
    for (let i = 0; i < applications; i++) {
      const fleet = await registerFleet(fleetManager, `苏A3${String(i).padStart(4, '0')}`, 800 + i * 2);
      ids.push(await submitApplication(fleetManager, completeApplication(fleet, 1, 5)));
    }
    officials = await Promise.all(servers.map((s) => loginAs(s.url, '13800000002')));
  }, 120_000);

  afterAll(async () => {
    await Promise.all((servers ?? []).map((s) => s.stop()));
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('issues exactly the quota, with unique and gapless pass numbers', async () => {
    const results = await Promise.all(
      ids.map((id, i) => officials[i % 2]!.post(`/reviews/${id}/decision`, { decision: 'approve' })),
    );
    const statuses = results.map((r) => (r.status === 200 ? 'approved' : r.body.code));
    expect(statuses.filter((s) => s === 'approved')).toHaveLength(quota);
    expect(statuses.filter((s) => s === 'QUOTA_EXCEEDED')).toHaveLength(applications - quota);

    const conn = await mysql.createConnection(database.url);
    try {
      const [passes] = (await conn.query('SELECT pass_number, status_index FROM passes ORDER BY pass_number')) as [
        { pass_number: string; status_index: number }[],
        unknown,
      ];
      expect(passes.map((p) => p.pass_number)).toEqual(
        Array.from({ length: quota }, (_, i) => `320115${String(i + 1).padStart(6, '0')}`),
      );
      expect(new Set(passes.map((p) => p.status_index)).size).toBe(quota);
      const [[allocation]] = (await conn.query('SELECT amount, used FROM quota_allocations')) as [
        { amount: number; used: number }[],
        unknown,
      ];
      expect(allocation).toEqual({ amount: quota, used: quota });
      const [[approved]] = (await conn.query("SELECT COUNT(*) AS n FROM applications WHERE status = 'approved'")) as [
        { n: number }[],
        unknown,
      ];
      expect(Number(approved!.n)).toBe(quota);
    } finally {
      await conn.end();
    }
  }, 60_000);
});
