import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  applyStatusListUpdate,
  chinaToday,
  openSignedDocument,
  quotaPeriodKey,
  type SignedDocument,
  type StatusListUpdate,
  type TrustList,
  verifyPassUrl,
} from '@pass/shared';
import { type ApiClient, type ApiResponse, apiClient, firstSignIn, loginAs } from './support/api.js';
import { countRows, queryRows } from './support/database-rows.js';
import {
  completeApplication,
  demoPhones,
  type Fleet,
  newCreditCode,
  newPhone,
  registerFleet,
  submitApplication,
} from './support/fixtures.js';
import { type ServerProcess, startServerProcess } from './support/server-process.js';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from './support/test-database.js';

/**
 * Every issuance invariant attacked as an attacker would: many requests at once, split over two
 * server processes sharing one database (MariaDB, or with TEST_DB=sqlite one SQLite file). Each
 * attack stays near 20 requests, so the suite runs in well under a minute on 2 cores.
 */
const cap = 3;
const registrationsPerHour = 22;

describe(`invariants under concurrent requests, two server processes on ${testDatabaseKind}`, () => {
  let database: TestDatabase;
  let dataDir: string;
  let servers: ServerProcess[];
  /** Alternates between the two processes. */
  let officials: ApiClient[];
  let admin: ApiClient;
  let registrations = 0;
  let plateSerial = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = database.kind === 'sqlite' ? database.env.DATA_DIR! : mkdtempSync(join(tmpdir(), 'pass-invariants-'));
    const env = {
      DATA_DIR: dataDir,
      ...database.env,
      SEED_DEMO: 'true',
      REGISTRATIONS_PER_HOUR: String(registrationsPerHour),
      PROVINCE_SETTINGS: JSON.stringify({
        approvalChain: ['district'],
        autoSupersede: false,
        quota: { enabled: true, period: 'week', maxActivePassesPerEnterprise: cap },
      }),
    };
    // One after the other: the first migrates and seeds, the second finds the database ready.
    servers = [await startServerProcess(env)];
    servers.push(await startServerProcess(env));
    admin = await loginAs(servers[1]!.url, demoPhones.admin);
    await setQuota(1000);
    officials = await Promise.all(servers.map((s) => loginAs(s.url, demoPhones.districtOfficial)));
  }, 180_000);

  afterAll(async () => {
    await Promise.all((servers ?? []).map((s) => s.stop()));
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const period = () => quotaPeriodKey(chinaToday(), 'week');
  const setQuota = async (amount: number) => {
    const res = await admin.post('/admin/quotas', { jurisdictionCode: '320115', period: period(), amount });
    expect(res.status).toBeLessThan(300);
  };
  const nextPlate = () => `苏E${String(70000 + ++plateSerial)}`;

  /**
   * A new verified enterprise in 320115; returns its fleet manager's client on process `i % 2` (the
   * other process accepts the same token: both share the data folder's secrets).
   */
  const newEnterprise = async (
    i = 0,
    districtCode = '320115',
  ): Promise<ApiClient & { on: (process: number) => ApiClient }> => {
    const phone = newPhone();
    registrations++;
    const res = await apiClient(servers[i % 2]!.url).post('/enterprises/register', {
      enterprise: {
        creditCode: newCreditCode(districtCode),
        name: `并发测试物流有限公司${phone.slice(-4)}`,
        address: '江苏省南京市测试路1号',
        contactName: '李四',
        contactPhone: phone,
        districtCode,
      },
      manager: { name: '李四', phone, password: 'Passw0rd' },
    });
    expect(res.status).toBe(201);
    const verified = await admin.post(`/enterprises/${res.body.account.enterpriseId}/verify`);
    expect(verified.status).toBe(200);
    const on = (process: number) => apiClient(servers[process % 2]!.url, res.body.accessToken);
    return Object.assign(on(i), { on });
  };

  /** Approves all at once, alternating processes; returns each answer's status or error code. */
  const approveAll = async (ids: string[]) => {
    const results = await Promise.all(
      ids.map((id, i) => officials[i % 2]!.post(`/reviews/${id}/decision`, { decision: 'approve' })),
    );
    for (const r of results) expect(r.status).not.toBe(500);
    return results.map((r) => (r.status === 200 ? 'approved' : String(r.body.code)));
  };
  const tally = (outcomes: string[]) => {
    const counts: Record<string, number> = {};
    for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
    return counts;
  };

  it('never gives an enterprise more active passes than its cap', async () => {
    const fleetManager = await newEnterprise();
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const fleet = await registerFleet(fleetManager, nextPlate(), 100 + i * 2);
      ids.push(await submitApplication(fleetManager, completeApplication(fleet, 1, 5)));
    }
    const outcomes = await approveAll(ids);
    expect(tally(outcomes)).toEqual({ approved: cap, ENTERPRISE_PASS_LIMIT_REACHED: ids.length - cap });
    const me = await fleetManager.get('/enterprises/mine');
    expect(
      await countRows(database, "SELECT COUNT(*) AS n FROM passes WHERE enterprise_id = ? AND status = 'active'", [
        me.body.id,
      ]),
    ).toBe(cap);
  }, 120_000);

  it('never gives one truck two active passes for overlapping days', async () => {
    const fleetManager = await newEnterprise(1);
    const plate = nextPlate();
    const fleet = await registerFleet(fleetManager, plate, 200);
    // Three overlapping applications (the cap allows three), approved at once.
    const ids = [
      await submitApplication(fleetManager, completeApplication(fleet, 1, 5)),
      await submitApplication(fleetManager, completeApplication(fleet, 3, 5)),
      await submitApplication(fleetManager, completeApplication(fleet, 5, 3)),
    ];
    const outcomes = await approveAll([...ids, ...ids, ...ids, ...ids]);
    expect(outcomes.filter((o) => o === 'approved')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'VEHICLE_HAS_ACTIVE_PASS').length).toBeGreaterThanOrEqual(2);
    expect(
      await countRows(database, "SELECT COUNT(*) AS n FROM passes WHERE plate = ? AND status = 'active'", [plate]),
    ).toBe(1);
  }, 120_000);

  it('never gives one plate two active passes when several enterprises registered it', async () => {
    const plate = nextPlate();
    const ids: string[] = [];
    for (let e = 0; e < 3; e++) {
      const fleetManager = await newEnterprise(e);
      const fleet: Fleet = await registerFleet(fleetManager, plate, 300 + e * 4);
      ids.push(await submitApplication(fleetManager, completeApplication(fleet, 1, 5)));
      ids.push(await submitApplication(fleetManager, completeApplication(fleet, 2, 5)));
    }
    const outcomes = await approveAll(ids);
    expect(tally(outcomes)).toEqual({ approved: 1, VEHICLE_HAS_ACTIVE_PASS: ids.length - 1 });
    expect(
      await countRows(database, "SELECT COUNT(*) AS n FROM passes WHERE plate = ? AND status = 'active'", [plate]),
    ).toBe(1);
  }, 120_000);

  it('never issues past the quota, and numbers every pass uniquely and without gaps', async () => {
    const issued = await countRows(database, 'SELECT COUNT(*) AS n FROM passes');
    const left = 4;
    await setQuota(issued + left);
    const ids: string[] = [];
    for (let e = 0; e < 4; e++) {
      const fleetManager = await newEnterprise(e);
      for (let i = 0; i < 3; i++) {
        const fleet = await registerFleet(fleetManager, nextPlate(), 400 + e * 10 + i * 2);
        ids.push(await submitApplication(fleetManager, completeApplication(fleet, 1, 5)));
      }
    }
    const outcomes = await approveAll(ids);
    expect(tally(outcomes)).toEqual({ approved: left, QUOTA_EXCEEDED: ids.length - left });

    const passes = await queryRows<{ pass_number: string; status_index: number }>(
      database,
      'SELECT pass_number, status_index FROM passes ORDER BY pass_number',
    );
    expect(passes.map((p) => p.pass_number)).toEqual(passes.map((_, i) => `320115${String(i + 1).padStart(6, '0')}`));
    // Status indexes come in blocks per process (StatusIndexBlocks): unique, not gapless.
    expect(new Set(passes.map((p) => Number(p.status_index))).size).toBe(passes.length);
    const [allocation] = await queryRows<{ amount: number; used: number }>(
      database,
      'SELECT amount, used FROM quota_allocations WHERE jurisdiction_code = ? AND period = ?',
      ['320115', period()],
    );
    expect({ amount: Number(allocation!.amount), used: Number(allocation!.used) }).toEqual({
      amount: passes.length,
      used: passes.length,
    });
    await setQuota(1000);
  }, 180_000);

  it('issues at once on both processes: serials gapless per issuer, status indexes unique and in the list', async () => {
    // A second issuer: 六合区, its own official (created by the admin) and enterprises.
    const phone = newPhone();
    const luhe = { role: 'official', name: '六合审核', phone, password: 'Review2022', jurisdictionCode: '320116' };
    expect(
      (await admin.post('/admin/accounts', { ...luhe, department: '六合区交通局', reviewLevel: 'district' })).status,
    ).toBe(201);
    const luheOfficials = [
      await firstSignIn(servers[0]!.url, phone, luhe.password),
      await loginAs(servers[1]!.url, phone, `${luhe.password}New`),
    ];
    const quota = await admin.post('/admin/quotas', { jurisdictionCode: '320116', period: period(), amount: 1000 });
    expect(quota.status).toBeLessThan(300);
    const ids: { id: string; by: ApiClient[] }[] = [];
    for (const [district, by] of [
      ['320115', officials],
      ['320116', luheOfficials],
    ] as const) {
      for (let e = 0; e < 3; e++) {
        const fleetManager = await newEnterprise(e, district);
        for (let i = 0; i < cap; i++) {
          const fleet = await registerFleet(fleetManager, nextPlate(), 700 + ids.length * 2);
          ids.push({ id: await submitApplication(fleetManager, completeApplication(fleet, 0, 5)), by });
        }
      }
    }
    const results = await Promise.all(
      ids.map(({ id, by }, i) => by[i % 2]!.post(`/reviews/${id}/decision`, { decision: 'approve' })),
    );
    expect(results.map((r) => r.status)).toEqual(ids.map(() => 200));

    const passes = await queryRows<{ id: string; pass_number: string; issuer_code: string; status_index: number }>(
      database,
      'SELECT id, pass_number, issuer_code, status_index FROM passes ORDER BY pass_number',
    );
    for (const issuer of ['320115', '320116']) {
      const numbers = passes.filter((p) => p.issuer_code === issuer).map((p) => p.pass_number);
      expect(numbers).toEqual(numbers.map((_, i) => `${issuer}${String(i + 1).padStart(6, '0')}`));
    }
    const indexes = passes.map((p) => Number(p.status_index));
    expect(new Set(indexes).size).toBe(passes.length);

    // Each process publishes a list that covers every issued pass, and each new pass verifies offline
    // with it: signed natively, read by the devices' pure-JS verifier, its index in the list.
    const issued = new Set(results.map((r) => r.body.passId as string));
    for (const server of servers) {
      const anonymous = apiClient(server.url);
      const trustList = (await anonymous.get<TrustList>('/trust-list')).body;
      const document = (await anonymous.get<SignedDocument>('/verification/status-list')).body;
      const update = openSignedDocument<StatusListUpdate>(document, trustList)!;
      expect(update.size).toBeGreaterThan(Math.max(...indexes));
      // Blocks were reserved ahead (StatusIndexBlocks): one index taken at a time would give exactly one per pass.
      expect(update.size).toBeGreaterThan(passes.length);
      const statusList = applyStatusListUpdate(undefined, update);
      for (const pass of passes.filter((p) => issued.has(p.id))) {
        const url: string = (await admin.get(`/passes/${pass.id}`)).body.url;
        const verdict = verifyPassUrl(url, { trustList, statusList });
        expect(verdict.state === 'valid' && { passNumber: verdict.claims.passNumber }).toEqual({
          passNumber: pass.pass_number,
        });
      }
    }
  }, 180_000);

  it('without a cap, approves one enterprise at once on both processes (its row locked shared): every pass issued, numbered gaplessly', async () => {
    // Every process rereads the settings within a second (SettingsService): the cap off, then on again.
    const setCap = async (value: number | null) => {
      const current = (await admin.get<{ version: number; settings: { quota: Record<string, unknown> } }>('/settings'))
        .body;
      const settings = {
        ...current.settings,
        quota: { ...current.settings.quota, maxActivePassesPerEnterprise: value },
      };
      expect((await admin.put('/admin/settings', { version: current.version, settings })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    };
    await setCap(null);
    try {
      const fleetManager = await newEnterprise();
      const ids: string[] = [];
      for (let i = 0; i < 8; i++) {
        const fleet = await registerFleet(fleetManager, nextPlate(), 800 + i * 2);
        ids.push(await submitApplication(fleetManager, completeApplication(fleet, 1, 5)));
      }
      // Eight holders of the enterprise's row at once: one of them upgrading to a write lock would deadlock.
      expect(tally(await approveAll(ids))).toEqual({ approved: ids.length });
      const numbers = (
        await queryRows<{ pass_number: string }>(
          database,
          "SELECT pass_number FROM passes WHERE issuer_code = '320115' ORDER BY pass_number",
        )
      ).map((p) => p.pass_number);
      expect(numbers).toEqual(numbers.map((_, i) => `320115${String(i + 1).padStart(6, '0')}`));
    } finally {
      await setCap(cap);
    }
  }, 120_000);

  it('keeps the review counters exact when both processes submit and decide at once', async () => {
    /** The counters as each process answers them, and the count rows' sums against the applications. */
    const expectExact = async () => {
      const mine = "current_jurisdiction = '320115' AND current_level = 'district'";
      const waiting = await countRows(database, `SELECT COUNT(*) AS n FROM applications WHERE ${mine}`);
      for (const official of officials) {
        expect((await official.get('/reviews/counters')).body).toMatchObject({ waiting });
      }
      const kept = await queryRows<{ side: string; jurisdiction: string; level: string; n: number | string }>(
        database,
        'SELECT side, jurisdiction, level, SUM(n) AS n FROM review_step_counts GROUP BY side, jurisdiction, level ORDER BY side, jurisdiction, level',
      );
      const counted = await queryRows<{ side: string; jurisdiction: string; level: string; n: number | string }>(
        database,
        `SELECT 'current' AS side, current_jurisdiction AS jurisdiction, current_level AS level, COUNT(*) AS n
           FROM applications WHERE current_level IS NOT NULL GROUP BY current_jurisdiction, current_level
         UNION ALL
         SELECT 'escalation', escalation_jurisdiction, escalation_level, COUNT(*)
           FROM applications WHERE escalation_level IS NOT NULL GROUP BY escalation_jurisdiction, escalation_level
         ORDER BY 1, 2, 3`,
      );
      const text = (rows: typeof kept) =>
        rows.filter((r) => Number(r.n) !== 0).map((r) => `${r.side}|${r.jurisdiction}|${r.level}:${Number(r.n)}`);
      expect(text(kept)).toEqual(text(counted));
      return waiting;
    };
    const before = await expectExact();
    const fleetManagers = [await newEnterprise(0), await newEnterprise(1)];
    const bodies: { client: ApiClient; body: Record<string, unknown> }[] = [];
    for (let i = 0; i < 12; i++) {
      const fleet = await registerFleet(fleetManagers[i % 2]!, nextPlate(), 700 + i * 2);
      bodies.push({ client: fleetManagers[i % 2]!.on(i), body: completeApplication(fleet, 1, 5) });
    }
    // Twelve submissions at once over both processes: each adds one to the same count row.
    const ids = await Promise.all(bodies.map(({ client, body }) => submitApplication(client, body)));
    expect(await expectExact()).toBe(before + 12);
    // Decided at once: approved (issued, cap permitting), returned, rejected; and resubmitted at once.
    const decisions = await Promise.all(
      ids.map((id, i) =>
        officials[i % 2]!.post(
          `/reviews/${id}/decision`,
          [
            { decision: 'approve' },
            { decision: 'return', reason: '请补充材料' },
            { decision: 'reject', reason: '不符合' },
          ][i % 3],
        ),
      ),
    );
    for (const d of decisions) expect(d.status).not.toBe(500);
    await expectExact();
    const returned = ids.filter((_, i) => i % 3 === 1);
    await Promise.all(
      returned.map((id, i) => fleetManagers[(3 * i + 1) % 2]!.on(i).post(`/applications/${id}/resubmit`)),
    );
    await Promise.all(
      returned.map((id, i) => fleetManagers[(3 * i + 1) % 2]!.on(i + 1).post(`/applications/${id}/withdraw`)),
    );
    await expectExact();
  }, 180_000);

  it('creates one application per idempotency key however many times it is sent at once', async () => {
    const fleetManager = await newEnterprise();
    const fleet = await registerFleet(fleetManager, nextPlate(), 500);
    const key = `inv-${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fleetManager.on(i).post('/applications', completeApplication(fleet, 1, 5), { 'idempotency-key': key }),
      ),
    );
    expect(results.map((r) => r.status).filter((s) => s !== 201 && s !== 200)).toEqual([]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await countRows(database, 'SELECT COUNT(*) AS n FROM applications WHERE client_request_id = ?', [key])).toBe(
      1,
    );
  }, 120_000);

  it('revokes a pass once however many officials press at once', async () => {
    const fleetManager = await newEnterprise(1);
    const fleet = await registerFleet(fleetManager, nextPlate(), 600);
    const [id] = [await submitApplication(fleetManager, completeApplication(fleet, 0, 5))];
    const decided = await officials[0]!.post(`/reviews/${id}/decision`, { decision: 'approve' });
    expect(decided.status).toBe(200);
    const passId: string = decided.body.passId;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        officials[i % 2]!.post(`/passes/${passId}/revoke`, { reason: '出借他人使用' }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 200)) {
      expect(r.status).toBe(409);
    }
    const [pass] = await queryRows<{ status_index: number }>(database, 'SELECT status_index FROM passes WHERE id = ?', [
      passId,
    ]);
    expect(
      await countRows(database, 'SELECT COUNT(*) AS n FROM pass_status_changes WHERE status_index = ?', [
        pass!.status_index,
      ]),
    ).toBe(1);
    expect(
      await countRows(database, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'pass.revoke' AND entity_id = ?", [
        passId,
      ]),
    ).toBe(1);
  }, 120_000);

  it('takes one step of an application when officials on both processes and its fleet manager act on it at once', async () => {
    // The version check follows the step's writes (one packet, docs/scaling.md §4.3): a decision locks
    // the row first, a withdrawal does not, and rejection and return are checked by the version alone.
    const fleetManager = await newEnterprise(0);
    const race = async (decisions: Record<string, unknown>[]) => {
      const fleet = await registerFleet(fleetManager, nextPlate(), 640 + plateSerial * 2);
      const id = await submitApplication(fleetManager, completeApplication(fleet, 0, 5));
      const answers = await Promise.all([
        ...decisions.map((decision, i) => officials[i % 2]!.post(`/reviews/${id}/decision`, decision)),
        fleetManager.on(1).post(`/applications/${id}/withdraw`),
      ]);
      const steps = [...decisions.map((d) => String(d.decision)), 'withdraw'];
      const won = answers.flatMap((answer, i) => (answer.status < 300 ? [steps[i]!] : []));
      expect(won).toHaveLength(1);
      for (const answer of answers.filter((a) => a.status >= 300)) {
        expect([400, 409]).toContain(answer.status);
        expect(typeof answer.body.code).toBe('string');
      }
      const rows = async (sql: string) => countRows(database, sql, [id]);
      const actions = (prefix: string) => [...new Set(steps)].map((step) => `'${prefix}${step}'`).join(', ');
      const events = `SELECT COUNT(*) AS n FROM application_events WHERE application_id = ? AND action IN (${actions('')})`;
      expect(await rows(events)).toBe(1);
      const audited = `SELECT COUNT(*) AS n FROM audit_log WHERE entity_id = ? AND action IN (${actions('application.')})`;
      expect(await rows(audited)).toBe(1);
      expect(await rows('SELECT COUNT(*) AS n FROM passes WHERE application_id = ?')).toBe(
        won[0] === 'approve' ? 1 : 0,
      );
      const [app] = await queryRows<{ status: string }>(database, 'SELECT status FROM applications WHERE id = ?', [id]);
      expect(app!.status).toBe(
        { approve: 'approved', reject: 'rejected', return: 'returned', withdraw: 'withdrawn' }[won[0]!],
      );
    };
    await race([{ decision: 'approve' }, { decision: 'approve' }]);
    await race([
      { decision: 'reject', reason: '不符合' },
      { decision: 'return', reason: '请补充材料' },
    ]);
  }, 120_000);

  it('reports each uploaded scan as stored exactly once', async () => {
    const gates = await Promise.all(servers.map((s) => loginAs(s.url, demoPhones.checkpointStaff)));
    const me = await gates[0]!.get('/auth/me');
    const [pass] = await queryRows<{ pass_number: string }>(database, 'SELECT pass_number FROM passes LIMIT 1');
    const batch = Array.from({ length: 5 }, (_, i) => ({
      id: randomUUID(),
      passNumber: pass!.pass_number,
      checkpointId: me.body.checkpointId,
      scannedAt: `2026-01-01T0${i}:00:00+08:00`,
      result: 'valid',
      direction: 'inbound',
    }));
    const uploads = 20;
    const results = await Promise.all(
      Array.from({ length: uploads }, (_, i) => gates[i % 2]!.post('/scans', { records: batch })),
    );
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    const stored = results.reduce((sum, r) => sum + r.body.stored, 0);
    const duplicates = results.reduce((sum, r) => sum + r.body.duplicates, 0);
    expect({ stored, duplicates }).toEqual({ stored: batch.length, duplicates: batch.length * (uploads - 1) });
    expect(
      await countRows(
        database,
        `SELECT COUNT(*) AS n FROM scan_records WHERE id IN (${batch.map(() => '?').join(',')})`,
        [...batch.map((r) => r.id)],
      ),
    ).toBe(batch.length);
  }, 120_000);

  it('flags a cloned pass even when both checkpoints upload their scans at the same moment', async () => {
    const nanjingGate = await loginAs(servers[0]!.url, demoPhones.checkpointStaff);
    const nanjing: string = (await nanjingGate.get('/auth/me')).body.checkpointId;
    const shanghai: string = (
      await admin.post('/admin/checkpoints', {
        code: 'SH-G2-INV',
        name: '沪宁高速安亭卡口',
        regionCode: '310114',
        latitude: 31.29,
        longitude: 121.16,
      })
    ).body.id;
    const phone = newPhone();
    const staff = { role: 'checkpoint_staff', name: '卡口民警', phone, password: 'Gate2022ok', checkpointId: shanghai };
    expect((await admin.post('/admin/accounts', staff)).status).toBe(201);
    const shanghaiGate = await firstSignIn(servers[1]!.url, phone, 'Gate2022ok');
    const passes = await queryRows<{ id: string; pass_number: string }>(
      database,
      'SELECT id, pass_number FROM passes ORDER BY pass_number LIMIT 6',
    );
    const scan = (passNumber: string, checkpointId: string, scannedAt: string) => ({
      id: randomUUID(),
      passNumber,
      checkpointId,
      scannedAt,
      result: 'valid',
      direction: 'inbound',
    });
    // Nanjing and Shanghai, 30 minutes apart: impossible for a truck. Each pair arrives at once.
    const results = await Promise.all(
      passes.flatMap((p) => [
        nanjingGate.post('/scans', { records: [scan(p.pass_number, nanjing, '2026-03-01T08:00:00+08:00')] }),
        shanghaiGate.post('/scans', { records: [scan(p.pass_number, shanghai, '2026-03-01T08:30:00+08:00')] }),
      ]),
    );
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    const alerted = await queryRows<{ pass_id: string }>(database, 'SELECT pass_id FROM clone_alerts');
    expect(alerted.map((a) => a.pass_id).sort()).toEqual(passes.map((p) => p.id).sort());
  }, 120_000);

  it('makes one new settings version of many changes sent at once from the same version', async () => {
    const current = (await admin.get<{ version: number; settings: Record<string, unknown> }>('/settings')).body;
    const admins = [admin, await loginAs(servers[0]!.url, demoPhones.admin)];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        admins[i % 2]!.put('/admin/settings', { version: current.version, settings: current.settings }),
      ),
    );
    expect(tally(results.map((r) => (r.status === 200 ? 'saved' : String(r.body.code))))).toEqual({
      saved: 1,
      STALE_VERSION: 9,
    });
    const history = (await admin.get<{ version: number }[]>('/admin/settings/history')).body;
    expect(history.map((d) => d.version).filter((v) => v > current.version)).toEqual([current.version + 1]);
  }, 120_000);

  it('replaces a year of the holiday calendar whole, however many admins save it at once', async () => {
    const admins = [admin, await loginAs(servers[0]!.url, demoPhones.admin)];
    const sets = Array.from({ length: 8 }, (_, i) => [
      { date: `2030-03-0${i + 1}`, kind: 'holiday', name: `测试假日${i + 1}` },
    ]);
    const results = await Promise.all(sets.map((days, i) => admins[i % 2]!.put('/admin/holidays/2030', { days })));
    expect(results.map((r) => r.status)).toEqual(sets.map(() => 200));
    const saved = (await admin.get<{ date: string }[]>('/holidays?year=2030')).body;
    expect(sets.map((days) => JSON.stringify(days))).toContain(JSON.stringify(saved));
  }, 120_000);

  it('checks exactly five guesses sent at once, and lets the owner in from another address', async () => {
    const phone = demoPhones.cityOfficial;
    const attempts = Array.from({ length: 24 }, (_, i) => `wrong-${i}-guess`);
    const results = await Promise.all(
      attempts.map((password, i) => apiClient(servers[i % 2]!.url).post('/auth/login', { phone, password })),
    );
    expect(results.filter((r) => r.status === 401)).toHaveLength(5);
    const refused = results.filter((r) => r.status !== 401);
    expect(refused).toHaveLength(attempts.length - 5);
    for (const r of refused) {
      expect(r).toEqual({ status: 429, body: { code: 'RATE_LIMITED', message: '登录失败次数过多，请15分钟后再试' } });
    }
    // The right password, sent after the burst, is refused too.
    expect((await apiClient(servers[0]!.url).post('/auth/login', { phone, password: 'demo1234' })).status).toBe(429);

    // One at a time from a clean slate: five wrong guesses are checked, then even the right password is refused…
    const listed = async () =>
      (await admin.get('/admin/accounts')).body.find((a: { phone: string }) => a.phone === phone) as {
        id: string;
        lockedUntil: string | null;
      };
    expect((await admin.post(`/admin/accounts/${(await listed()).id}/unlock`)).status).toBe(204);
    for (let i = 0; i < 5; i++) {
      const wrong = await apiClient(servers[i % 2]!.url).post('/auth/login', { phone, password: `wrong-${i}` });
      expect(wrong.status).toBe(401);
    }
    expect((await apiClient(servers[1]!.url).post('/auth/login', { phone, password: 'demo1234' })).status).toBe(429);
    // …while the owner, from another address, is not locked out by a stranger.
    expect((await loginFrom('127.0.0.2', servers[0]!.url, phone, 'demo1234')).status).toBe(200);
    // The admin sees the lockout and lifts it; the lifting is audited.
    const locked = await listed();
    expect(Date.parse(locked.lockedUntil!)).toBeGreaterThan(Date.now());
    expect((await admin.post(`/admin/accounts/${locked.id}/unlock`)).status).toBe(204);
    expect((await listed()).lockedUntil).toBeNull();
    expect((await apiClient(servers[1]!.url).post('/auth/login', { phone, password: 'demo1234' })).status).toBe(200);
    expect(
      await countRows(
        database,
        "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'account.unlock' AND entity_id = ?",
        [locked.id],
      ),
    ).toBe(2);
  }, 120_000);

  it('throttles registrations per address, also when they arrive at once', async () => {
    const left = registrationsPerHour - registrations;
    expect(left).toBeGreaterThan(0);
    const results = await Promise.all(
      Array.from({ length: left + 8 }, (_, i) => {
        const phone = newPhone();
        return apiClient(servers[i % 2]!.url).post('/enterprises/register', {
          enterprise: {
            creditCode: newCreditCode('320115'),
            name: `注册测试物流有限公司${phone.slice(-4)}`,
            address: '江苏省南京市江宁区测试路2号',
            contactName: '王五',
            contactPhone: phone,
            districtCode: '320115',
          },
          manager: { name: '王五', phone, password: 'Passw0rd' },
        });
      }),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(left);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(8);
    for (const r of refused)
      expect(r).toEqual({ status: 429, body: { code: 'RATE_LIMITED', message: '注册过于频繁，请1小时后再试' } });
  }, 120_000);
});

/** A sign-in sent from another loopback address, as a second client machine would. */
function loginFrom(localAddress: string, baseUrl: string, phone: string, password: string): Promise<ApiResponse> {
  const url = new URL(`${baseUrl}/api/auth/login`);
  const body = JSON.stringify({ phone, password });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
