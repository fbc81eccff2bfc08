import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mysql from 'mysql2/promise';
import { type ApiClient, type ApiResponse, loginAs } from './support/api.js';
import { completeApplication, type Fleet, registerFleet, submitApplication } from './support/fixtures.js';
import { type PrivateMariaDb, startPrivateMariaDb } from './support/private-mariadb.js';
import { type ServerProcess, startServerProcess } from './support/server-process.js';

// Two server processes share one MariaDB of this file's own (never the machine's, which the other test
// files are using), so the database can be killed and started again under load.
describe('several server processes on one MariaDB, and the database going away under load', () => {
  let mariadb: PrivateMariaDb;
  let dbUrl: string;
  let dataDir: string;
  let servers: ServerProcess[];
  let fleetManagers: ApiClient[];
  let officials: ApiClient[];
  let fleet: Fleet;
  /** A pass issued in setup: its URL is verified during the load, its number scanned. */
  let passNumber: string;
  let passUrl: string;

  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const conn = await mysql.createConnection(dbUrl);
    try {
      return (await conn.query(sql, params))[0] as T[];
    } finally {
      await conn.end();
    }
  };

  beforeAll(async () => {
    mariadb = await startPrivateMariaDb();
    await mariadb.createDatabase('pass_faults');
    dbUrl = mariadb.url('pass_faults');
    dataDir = mkdtempSync(join(tmpdir(), 'pass-faults-'));
    const env = {
      DB_URL: dbUrl,
      // Shared, as in production: signing keys, JWT secret, attachments.
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      PUBLIC_VERIFY_RATE_LIMIT: '1000000',
      // One level and a new pass superseding the vehicle's previous one: every approval is a multi-row
      // transaction (application, counters, new pass, old pass, status change, audit).
      PROVINCE_SETTINGS: JSON.stringify({
        approvalChain: ['district'],
        autoSupersede: true,
        quota: { enabled: false, period: 'week', maxActivePassesPerEnterprise: null },
      }),
    };
    // One after the other: the first migrates and seeds, the second finds the database ready.
    servers = [await startServerProcess(env)];
    servers.push(await startServerProcess(env));
    fleetManagers = await Promise.all(servers.map((s) => loginAs(s.url, '13800000001')));
    officials = await Promise.all(servers.map((s) => loginAs(s.url, '13800000002')));
    fleet = await registerFleet(fleetManagers[0]!, '苏A9F001', 900);
    const id = await submitApplication(fleetManagers[0]!, completeApplication(fleet, 0, 5));
    const approved = await officials[0]!.post(`/reviews/${id}/decision`, { decision: 'approve' });
    expect(approved.status).toBe(200);
    const pass = await fleetManagers[0]!.get(`/passes/${approved.body.passId}`);
    passNumber = pass.body.passNumber;
    passUrl = pass.body.url;
    expect(passUrl).toMatch(/\/V\/\d+$/);
  }, 120_000);

  afterAll(async () => {
    await Promise.all((servers ?? []).map((s) => s.stop()));
    await mariadb?.destroy();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates one application for concurrent requests with the same Idempotency-Key, and submits it once', async () => {
    for (let round = 0; round < 5; round++) {
      const key = `double-tap-${round}-${randomUUID().slice(0, 8)}`;
      const body = completeApplication(fleet, 0, 5);
      const created = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          fleetManagers[i % 2]!.post('/applications', body, { 'idempotency-key': key }),
        ),
      );
      expect(created.map((r) => r.status)).toEqual(Array(6).fill(201));
      const ids = new Set(created.map((r) => r.body.id));
      expect(ids.size).toBe(1);
      const [id] = [...ids];
      const rows = await query<{ id: string }>('SELECT id FROM applications WHERE client_request_id = ?', [key]);
      expect(rows).toEqual([{ id }]);

      // The same application submitted from both processes at once: one submission, the rest refused.
      const submitted = await Promise.all(
        Array.from({ length: 4 }, (_, i) => fleetManagers[i % 2]!.post(`/applications/${id}/submit`)),
      );
      expect(submitted.filter((r) => r.status === 200)).toHaveLength(1);
      for (const refused of submitted.filter((r) => r.status !== 200)) {
        expect(refused.status).toBe(409);
      }
      const events = await query<{ action: string }>(
        'SELECT action FROM application_events WHERE application_id = ? ORDER BY created_at, id',
        [id],
      );
      expect(events.map((e) => e.action).sort()).toEqual(['create', 'submit']);
    }
  }, 60_000);

  it('stores each scan record once when the same batch reaches both processes at once', async () => {
    const checkpoints = await Promise.all(servers.map((s) => loginAs(s.url, '13800000004')));
    const checkpointId: string = (await checkpoints[0]!.get('/auth/me')).body.checkpointId;
    const start = Date.now() - 3_600_000;
    const records = Array.from({ length: 40 }, (_, i) => ({
      id: randomUUID(),
      passNumber,
      checkpointId,
      scannedAt: new Date(start + i * 60_000).toISOString(),
      result: 'valid',
      direction: i % 2 ? 'outbound' : 'inbound',
    }));
    // Overlapping halves too, so that the batches are neither identical nor disjoint.
    const batches = [records, records, records.slice(0, 25), records.slice(15), records, records];
    const uploads = await Promise.all(
      batches.map((batch, i) => checkpoints[i % 2]!.post('/scans', { records: batch })),
    );
    expect(uploads.map((r) => r.status)).toEqual(Array(batches.length).fill(200));
    const stored = await query<{ id: string; n: number }>(
      `SELECT id, COUNT(*) AS n FROM scan_records WHERE id IN (${records.map(() => '?').join(',')}) GROUP BY id`,
      records.map((r) => r.id),
    );
    expect(stored).toHaveLength(records.length);
    expect(stored.every((r) => Number(r.n) === 1)).toBe(true);
    // Sent again later, the whole batch is known.
    const again = await checkpoints[1]!.post('/scans', { records });
    expect(again.body).toEqual({ stored: 0, duplicates: records.length });
  }, 60_000);

  it('answers 503 DATABASE_UNAVAILABLE while MariaDB is down, recovers by itself, and keeps every acknowledged write', async () => {
    // Applications approved during the load, one after the other, each superseding the previous pass.
    const toApprove: string[] = [];
    for (let i = 0; i < 16; i++) toApprove.push(await submitApplication(fleetManagers[0]!, completeApplication(fleet)));

    interface Outcome {
      kind: 'create' | 'approve' | 'verify';
      server: number;
      at: number;
      ms: number;
      status: number | 'timeout' | 'network';
      code?: string;
      id?: string;
    }
    const outcomes: Outcome[] = [];
    const call = async (
      kind: Outcome['kind'],
      server: number,
      send: () => Promise<ApiResponse>,
    ): Promise<Outcome & { body?: any }> => {
      const at = Date.now();
      let outcome: Outcome & { body?: any };
      try {
        const res = await send();
        outcome = { kind, server, at, ms: Date.now() - at, status: res.status, code: res.body?.code, body: res.body };
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError';
        outcome = { kind, server, at, ms: Date.now() - at, status: timedOut ? 'timeout' : 'network' };
      }
      outcomes.push(outcome);
      return outcome;
    };
    // No request may hang: each one gives up after 15 s (the pool's connect timeout is 5 s).
    const within = { signal: () => AbortSignal.timeout(15_000) };
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    let running = true;

    const creator = async (worker: number) => {
      for (let n = 0; running; n++) {
        const server = (worker + n) % 2;
        const key = `fault-${worker}-${n}-${randomUUID().slice(0, 8)}`;
        const res = await call('create', server, () =>
          withTimeout(
            fleetManagers[server]!.post(
              '/applications',
              { materialDescription: '医用口罩' },
              { 'idempotency-key': key },
            ),
            within,
          ),
        );
        // `call` hands back the very record it logged; other workers may have logged more since.
        if (res.status === 201) res.id = res.body.id;
        await pause(20);
      }
    };
    const verifier = async () => {
      for (let n = 0; running; n++) {
        await call('verify', n % 2, () =>
          withTimeout(fleetManagers[n % 2]!.post('/verification/verify', { url: passUrl }), within),
        );
        await pause(20);
      }
    };
    const approved = new Map<string, string>();
    const approver = async () => {
      for (let i = 0; i < toApprove.length && running; ) {
        const id = toApprove[i]!;
        const res = await call('approve', i % 2, () =>
          withTimeout(officials[i % 2]!.post(`/reviews/${id}/decision`, { decision: 'approve' }), within),
        );
        if (res.status === 200) approved.set(id, res.body.passId);
        // 503: try the same one again. 409: a retry of an approval that committed before its answer was lost.
        if (res.status !== 503) i++;
        await pause(res.status === 503 ? 100 : 350);
      }
    };

    const load = [creator(0), creator(1), verifier(), approver()];
    const outages: { signal: 'SIGKILL' | 'SIGTERM'; down: number; up: number }[] = [];
    try {
      for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
        await pause(1_500);
        const down = Date.now();
        await mariadb.stop(signal);
        await pause(2_500);
        await mariadb.start();
        outages.push({ signal, down, up: Date.now() });
      }
      // Until both processes have written again, then a little more.
      const deadline = Date.now() + 20_000;
      const last = outages.at(-1)!.up;
      while (
        Date.now() < deadline &&
        ![0, 1].every((s) =>
          outcomes.some((o) => o.kind === 'create' && o.server === s && o.status === 201 && o.at > last),
        )
      ) {
        await pause(100);
      }
      await pause(1_000);
    } finally {
      running = false;
      await Promise.all(load);
    }

    // Clean failures only: 503 with its code while the database is away, never a 500, a hang or a drop.
    const unexpected = outcomes.filter(
      (o) =>
        !(o.status === 503 && o.code === 'DATABASE_UNAVAILABLE') &&
        !(o.kind === 'create' && o.status === 201) &&
        !(o.kind === 'verify' && o.status === 200) &&
        !(o.kind === 'approve' && (o.status === 200 || o.status === 409)),
    );
    expect(unexpected).toEqual([]);
    for (const outage of outages) {
      expect(outcomes.some((o) => o.status === 503 && o.at >= outage.down && o.at < outage.up)).toBe(true);
    }
    // Recovered by itself: both processes wrote and verified again after the last restart.
    const after = outages.at(-1)!.up;
    for (const server of [0, 1]) {
      expect(outcomes.some((o) => o.kind === 'create' && o.server === server && o.status === 201 && o.at > after)).toBe(
        true,
      );
      expect(outcomes.some((o) => o.kind === 'verify' && o.server === server && o.status === 200 && o.at > after)).toBe(
        true,
      );
      expect((await fetch(`${servers[server]!.url}/api/health`)).status).toBe(200);
    }
    expect(approved.size).toBeGreaterThan(0);

    // Every acknowledged write is in the database.
    const acknowledged = outcomes.filter((o) => o.kind === 'create' && o.status === 201).map((o) => o.id!);
    const found = await query<{ id: string }>(
      `SELECT id FROM applications WHERE id IN (${acknowledged.map(() => '?').join(',')})`,
      acknowledged,
    );
    expect(found).toHaveLength(acknowledged.length);
    const passes = await query<{ id: string; application_id: string; pass_number: string; status_index: number }>(
      'SELECT id, application_id, pass_number, status_index FROM passes ORDER BY pass_number',
    );
    for (const [applicationId, passId] of approved) {
      expect(passes.find((p) => p.application_id === applicationId)?.id).toBe(passId);
    }
    // Nothing half-done: pass numbers without gaps (a rolled-back serial is handed out again), status
    // indexes unique and within the counter (they come in blocks per process, so a crash may leave
    // unused ones: harmless bits), one pass per approved application, one active pass for the vehicle.
    expect(passes.map((p) => p.pass_number)).toEqual(passes.map((_, i) => `320115${String(i + 1).padStart(6, '0')}`));
    const indexes = passes.map((p) => Number(p.status_index));
    expect(new Set(indexes).size).toBe(indexes.length);
    const [counter] = await query<{ next_value: number }>(
      "SELECT next_value FROM counters WHERE name = 'status-index'",
    );
    expect(Math.max(...indexes)).toBeLessThan(Number(counter!.next_value) - 1);
    const [approvedApps] = await query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM applications WHERE status = 'approved'",
    );
    expect(Number(approvedApps!.n)).toBe(passes.length);
    const [active] = await query<{ n: number }>("SELECT COUNT(*) AS n FROM passes WHERE status = 'active'");
    expect(Number(active!.n)).toBe(1);
    const [changes] = await query<{ n: number }>('SELECT COUNT(*) AS n FROM pass_status_changes');
    expect(Number(changes!.n)).toBe(passes.length - 1);
  }, 120_000);
});

/** The test client has no timeout of its own; a request that hangs must fail the test, not stall it. */
function withTimeout<T>(request: Promise<T>, { signal }: { signal: () => AbortSignal }): Promise<T> {
  const abort = signal();
  return new Promise<T>((resolve, reject) => {
    abort.addEventListener('abort', () => reject(abort.reason), { once: true });
    request.then(resolve, reject);
  });
}
