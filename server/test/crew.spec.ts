import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@pass/shared';
import { DataSource } from 'typeorm';
import { fillPassCrewMembers } from '../src/database/migrations/1764800000100-CrewSignIn.js';
import { type ApiClient, apiClient, loginAs } from './support/api.js';
import { countRows, execute, queryRows } from './support/database-rows.js';
import {
  completeApplication,
  demoPhones,
  holdDrivingLicence,
  newIdNumber,
  registerEnterprise,
  registerFleet,
  seedAndLogin,
  submitApplication,
} from './support/fixtures.js';
import { type ServerProcess, startServerProcess } from './support/server-process.js';
import { latestCodeTo, signInAsCrew, textsTo } from './support/sms.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from './support/test-database.js';

/** registerFleet's driver and escort: the same two people drive for every test fleet. */
const driverPhone = '13912345678';
const escortPhone = '13912345679';

describe(`the driver's own pass (驾驶员/押运员登录) on ${testDatabaseKind}`, () => {
  let t: TestApp;
  let as: Awaited<ReturnType<typeof seedAndLogin>>;
  let serial = 0;
  const anonymous = () => apiClient(t.url);

  /** An issued pass of the demo fleet: the standard crew, or a driver with this phone instead. */
  async function issuePass(plate: string, crewPhone?: string): Promise<string> {
    serial += 10;
    const fleet = await registerFleet(as.fleetManager, plate, 8000 + serial);
    if (crewPhone) {
      const driver = await as.fleetManager.post('/drivers', {
        name: '吴师傅',
        idNumber: newIdNumber(8500 + serial),
        phone: crewPhone,
        role: 'driver',
      });
      fleet.driverId = driver.body.id;
      fleet.escortId = fleet.driverId;
      await holdDrivingLicence(as.fleetManager, fleet.driverId);
    }
    const body = completeApplication(fleet);
    if (crewPhone) body.crewDriverIds = [fleet.driverId];
    const id = await submitApplication(as.fleetManager, body);
    const decided = await as.districtOfficial.post(`/reviews/${id}/decision`, { decision: 'approve' });
    expect(decided.status).toBe(200);
    return decided.body.passId;
  }

  /** A driver record with this phone (so codes are really sent to it). */
  async function registerDriver(phone: string): Promise<void> {
    serial += 10;
    const res = await as.fleetManager.post('/drivers', {
      name: '钱师傅',
      idNumber: newIdNumber(8700 + serial),
      phone,
      role: 'driver',
    });
    expect(res.status).toBe(201);
  }

  /** The send limits count the last hour from 127.0.0.1: each test starts with an empty hour. */
  const forgetSentCodes = () =>
    execute(t.database, 'UPDATE crew_sign_ins SET created_at = ?', ['2000-01-01 00:00:00.000']);

  const requestCode = (phone: string) => anonymous().post('/crew/sign-in/code', { phone });

  beforeAll(async () => {
    t = await startTestApp({ PROVINCE_SETTINGS: JSON.stringify({ approvalChain: ['district'] }) });
    as = await seedAndLogin(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('signs a crew member in with the SMS code and shows them the passes they ride on, with the QR', async () => {
    await forgetSentCodes();
    const passId = await issuePass('苏A8C001');
    const sent = await requestCode(driverPhone);
    expect(sent.status).toBe(204);
    const code = latestCodeTo(t.smsFile, driverPhone);
    expect(code).toMatch(/^\d{6}$/);
    // Stored as a digest only.
    const rows = await queryRows<{ code_hash: string }>(
      t.database,
      'SELECT code_hash FROM crew_sign_ins WHERE phone = ?',
      [driverPhone],
    );
    expect(rows.map((r) => r.code_hash)).not.toContain(code);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.code_hash))).toBe(true);

    const signedIn = await anonymous().post('/crew/sign-in', { phone: driverPhone, code });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.account).toMatchObject({
      role: 'crew',
      phone: driverPhone,
      name: '周师傅',
      enterpriseId: null,
    });
    const crew = apiClient(t.url, signedIn.body.accessToken);

    const list = await crew.get('/passes');
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(passId);
    const pass = await crew.get(`/passes/${passId}`);
    expect(pass.status).toBe(200);
    expect(pass.body).toMatchObject({ id: passId, plate: '苏A8C001', status: 'active' });
    const qr = await fetch(`${t.url}/api/passes/${passId}/qr.png`, {
      headers: { authorization: `Bearer ${signedIn.body.accessToken}` },
    });
    expect(qr.status).toBe(200);
    expect(qr.headers.get('content-type')).toBe('image/png');

    // The escort of the same pass sees it too.
    const escort = await signInAsCrew(t.url, t.smsFile, escortPhone);
    expect((await escort.get(`/passes/${passId}`)).status).toBe(200);
  });

  it('refuses a code that is wrong, used, expired or not the newest, with SIGN_IN_CODE_INVALID', async () => {
    await forgetSentCodes();
    const phone = '13912340011';
    await registerDriver(phone);
    const refused = async (code: string | undefined) => {
      const res = await anonymous().post('/crew/sign-in', { phone, code });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe(ErrorCode.SignInCodeInvalid);
      expect(res.body.message).toBe('验证码错误或已失效，请重新获取');
    };

    // Used once only.
    await requestCode(phone);
    const first = latestCodeTo(t.smsFile, phone)!;
    expect((await anonymous().post('/crew/sign-in', { phone, code: first })).status).toBe(200);
    await refused(first);

    // Expired after five minutes.
    await forgetSentCodes();
    await requestCode(phone);
    const second = latestCodeTo(t.smsFile, phone)!;
    await execute(t.database, 'UPDATE crew_sign_ins SET expires_at = ? WHERE phone = ? AND used_at IS NULL', [
      '2000-01-01 00:05:00.000',
      phone,
    ]);
    await refused(second);

    // Only the newest code counts once another was sent.
    await forgetSentCodes();
    await requestCode(phone);
    const third = latestCodeTo(t.smsFile, phone)!;
    await forgetSentCodes();
    await requestCode(phone);
    const fourth = latestCodeTo(t.smsFile, phone)!;
    if (third !== fourth) await refused(third);
    expect((await anonymous().post('/crew/sign-in', { phone, code: fourth })).status).toBe(200);

    // Its newest code used, the phone has nothing left to guess; a malformed code is a 400 naming the field.
    await refused('123456');
    const malformed = await anonymous().post('/crew/sign-in', { phone, code: '12ab' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details).toEqual([{ path: 'code', message: '请输入短信中的6位数字验证码' }]);
    expect((await anonymous().post('/crew/sign-in/code', { phone: '123' })).status).toBe(400);
  });

  it('kills a code after five wrong guesses, counting guesses sent at once exactly', async () => {
    await forgetSentCodes();
    const phone = '13912340012';
    await registerDriver(phone);
    await requestCode(phone);
    const code = latestCodeTo(t.smsFile, phone)!;
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const guesses = await Promise.all(
      Array.from({ length: 8 }, () => anonymous().post('/crew/sign-in', { phone, code: wrong })),
    );
    expect(guesses.map((g) => g.status)).toEqual(Array(8).fill(401));
    const [row] = await queryRows<{ failed_attempts: number }>(
      t.database,
      'SELECT failed_attempts FROM crew_sign_ins WHERE phone = ?',
      [phone],
    );
    expect(Number(row!.failed_attempts)).toBe(5);
    const right = await anonymous().post('/crew/sign-in', { phone, code });
    expect(right.status).toBe(401);
    expect(right.body.code).toBe(ErrorCode.SignInCodeInvalid);
  });

  it('limits codes: one a minute and five an hour per phone, twenty an hour per address, also at once', async () => {
    await forgetSentCodes();
    const phone = '13912340013';
    await registerDriver(phone);
    const burst = await Promise.all(Array.from({ length: 5 }, () => requestCode(phone)));
    expect(burst.map((r) => r.status).sort()).toEqual([204, 429, 429, 429, 429]);
    expect(burst.find((r) => r.status === 429)!.body).toMatchObject({
      code: ErrorCode.RateLimited,
      message: '验证码已发送，请60秒后再重新获取',
    });
    expect(textsTo(t.smsFile, phone)).toHaveLength(1);

    // Five in the hour, each a minute after the last (the minute is moved back, not waited for).
    for (let i = 1; i < 5; i++) {
      await execute(t.database, 'UPDATE crew_sign_ins SET created_at = ? WHERE phone = ?', [
        new Date(Date.now() - 10 * 60_000).toISOString().replace('T', ' ').replace('Z', ''),
        phone,
      ]);
      expect((await requestCode(phone)).status).toBe(204);
    }
    await execute(t.database, 'UPDATE crew_sign_ins SET created_at = ? WHERE phone = ?', [
      new Date(Date.now() - 10 * 60_000).toISOString().replace('T', ' ').replace('Z', ''),
      phone,
    ]);
    const sixth = await requestCode(phone);
    expect(sixth.status).toBe(429);
    expect(sixth.body.message).toBe('获取验证码次数过多，请1小时后再试');

    // Twenty from one address over any phones, known or not; the 21st is refused.
    await forgetSentCodes();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await requestCode(`1391230${String(i).padStart(4, '0')}`)).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(204));
    expect(statuses[20]).toBe(429);
  });

  it('answers an unknown phone alike but texts nothing', async () => {
    await forgetSentCodes();
    const res = await requestCode('13912349999');
    expect(res.status).toBe(204);
    expect(textsTo(t.smsFile, '13912349999')).toEqual([]);
    expect(
      await countRows(t.database, 'SELECT COUNT(*) AS n FROM crew_sign_ins WHERE phone = ?', ['13912349999']),
    ).toBe(1);
  });

  it('shows a crew session only its own passes and nothing else of the system', async () => {
    await forgetSentCodes();
    const own = await issuePass('苏A8C002');
    const otherPhone = '13912340014';
    const other = await issuePass('苏A8C003', otherPhone);
    const crew = await signInAsCrew(t.url, t.smsFile, driverPhone);
    const stranger = await signInAsCrew(t.url, t.smsFile, otherPhone);

    const ids = async (client: ApiClient) => (await client.get('/passes')).body.items.map((p: { id: string }) => p.id);
    expect(await ids(crew)).toContain(own);
    expect(await ids(crew)).not.toContain(other);
    expect(await ids(stranger)).toEqual([other]);
    for (const path of [`/passes/${other}`, `/passes/${other}/qr.png`, `/passes/${other}/pdf`]) {
      const res = await crew.get(path);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe(ErrorCode.PassNotFound);
    }
    // Routes written for accounts, even those open to every signed-in account, refuse a crew session.
    for (const path of [
      '/drivers',
      '/vehicles',
      '/applications',
      '/notifications',
      '/auth/me',
      '/notifications/unread-count',
    ]) {
      const res = await crew.get(path);
      expect([path, res.status, res.body.code]).toEqual([path, 403, ErrorCode.Forbidden]);
    }
    for (const path of [`/passes/${own}/revoke`, `/passes/${own}/share`]) {
      expect((await crew.post(path, { reason: '不应成功' })).status).toBe(403);
    }
  });

  it('shows the crew a revoked pass as revoked after the next sync', async () => {
    await forgetSentCodes();
    const passId = await issuePass('苏A8C004');
    const crew = await signInAsCrew(t.url, t.smsFile, driverPhone);
    expect((await crew.get(`/passes/${passId}`)).body.status).toBe('active');
    const revoked = await as.districtOfficial.post(`/passes/${passId}/revoke`, { reason: '车辆转让' });
    expect(revoked.status).toBe(200);
    const synced = await crew.get(`/passes/${passId}`);
    expect(synced.body).toMatchObject({ status: 'revoked', endReason: '车辆转让' });
    const listed = (await crew.get('/passes')).body.items.find((p: { id: string }) => p.id === passId);
    expect(listed.status).toBe('revoked');
  });

  it('renews a crew session once per refresh token, only at /crew/refresh, and ends it with the driver record', async () => {
    await forgetSentCodes();
    const phone = '13912340015';
    await registerDriver(phone);
    await requestCode(phone);
    const tokens = (await anonymous().post('/crew/sign-in', { phone, code: latestCodeTo(t.smsFile, phone) })).body;
    // An account's refresh route does not take it, and leaves it unspent.
    expect((await anonymous().post('/auth/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);
    const renewed = await anonymous().post('/crew/refresh', { refreshToken: tokens.refreshToken });
    expect(renewed.status).toBe(200);
    expect(renewed.body.account).toMatchObject({ role: 'crew', phone });
    expect((await apiClient(t.url, renewed.body.accessToken).get('/passes')).status).toBe(200);
    // Spent: a second use is a stolen copy and ends every token of the session.
    expect((await anonymous().post('/crew/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);
    expect((await anonymous().post('/crew/refresh', { refreshToken: renewed.body.refreshToken })).status).toBe(401);

    // An account's refresh token is not a crew session's.
    const login = await anonymous().post('/auth/login', { phone: '13800000001', password: 'demo1234' });
    expect((await anonymous().post('/crew/refresh', { refreshToken: login.body.refreshToken })).status).toBe(401);
    expect((await anonymous().post('/auth/refresh', { refreshToken: login.body.refreshToken })).status).toBe(200);

    // The fleet removes the person: the session cannot be renewed.
    await forgetSentCodes();
    await requestCode(phone);
    const again = (await anonymous().post('/crew/sign-in', { phone, code: latestCodeTo(t.smsFile, phone) })).body;
    const drivers = (await as.fleetManager.get('/drivers')).body as { id: string; phone: string }[];
    for (const d of drivers.filter((x) => x.phone === phone)) await as.fleetManager.delete(`/drivers/${d.id}`);
    const ended = await anonymous().post('/crew/refresh', { refreshToken: again.refreshToken });
    expect(ended.status).toBe(401);
    expect(ended.body.message).toBe('该手机号已不在司乘人员名单中，请联系车队');
  });

  it('lets the fleet manager text the crew where to find a pass; nobody else, and not for a dead pass', async () => {
    await forgetSentCodes();
    const passId = await issuePass('苏A8C005');
    const before = textsTo(t.smsFile, driverPhone).length;
    const shared = await as.fleetManager.post(`/passes/${passId}/share`);
    expect(shared.status).toBe(200);
    expect(shared.body.sentTo.sort()).toEqual(['139****5678', '139****5679']);
    const text = textsTo(t.smsFile, driverPhone).at(-1)!;
    expect(textsTo(t.smsFile, driverPhone)).toHaveLength(before + 1);
    expect(text).toContain('苏A·8C005');
    expect(text).toContain('驾驶员/押运员登录');
    const audit = await as.admin.get(`/admin/audit?entityType=pass&entityId=${passId}`);
    expect(audit.body.map((e: { action: string }) => e.action)).toContain('pass.share');

    for (const other of [as.districtOfficial, as.admin, as.checkpointStaff]) {
      expect((await other.post(`/passes/${passId}/share`)).status).toBe(403);
    }
    const otherFleet = await registerEnterprise(t);
    const foreign = await otherFleet.client.post(`/passes/${passId}/share`);
    expect(foreign.status).toBe(404);
    expect(textsTo(t.smsFile, driverPhone)).toHaveLength(before + 1);

    await as.districtOfficial.post(`/passes/${passId}/revoke`, { reason: '车辆转让' });
    const dead = await as.fleetManager.post(`/passes/${passId}/share`);
    expect(dead.status).toBe(410);
    expect(dead.body.code).toBe(ErrorCode.PassNotActive);
  });

  it('finds the crew of passes issued before the migration (filled from their applications)', async () => {
    await forgetSentCodes();
    const phone = '13912340016';
    const passId = await issuePass('苏A8C006', phone);
    await execute(t.database, 'DELETE FROM pass_crew_members WHERE pass_id = ?', [passId]);
    const crew = await signInAsCrew(t.url, t.smsFile, phone);
    expect((await crew.get(`/passes/${passId}`)).status).toBe(404);
    const runner = t.app.get(DataSource).createQueryRunner();
    try {
      await fillPassCrewMembers(runner);
    } finally {
      await runner.release();
    }
    expect((await crew.get(`/passes/${passId}`)).status).toBe(200);
    expect(await countRows(t.database, 'SELECT COUNT(*) AS n FROM pass_crew_members WHERE pass_id = ?', [passId])).toBe(
      1,
    );
  });
});

describe(`crew sign-in limits with two server processes on ${testDatabaseKind}`, () => {
  let database: TestDatabase;
  let dataDir: string;
  let smsDir: string;
  let smsFile: string;
  let servers: ServerProcess[] = [];
  const phone = '13912340021';

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = database.kind === 'sqlite' ? database.env.DATA_DIR! : mkdtempSync(join(tmpdir(), 'pass-crew-'));
    smsDir = mkdtempSync(join(tmpdir(), 'pass-sms-'));
    smsFile = join(smsDir, 'sms.log');
    const env = { DATA_DIR: dataDir, ...database.env, SEED_DEMO: 'true', SMS_DEV_FILE: smsFile };
    servers = [await startServerProcess(env)];
    servers.push(await startServerProcess(env));
    const fleet = await loginAs(servers[0]!.url, demoPhones.fleetManager);
    const driver = await fleet.post('/drivers', { name: '孙师傅', idNumber: newIdNumber(9901), phone, role: 'driver' });
    expect(driver.status).toBe(201);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(smsDir, { recursive: true, force: true });
  });

  it('sends one code and counts exactly five wrong guesses when requests are split over both', async () => {
    const via = (i: number) => apiClient(servers[i % 2]!.url);
    const burst = await Promise.all(Array.from({ length: 6 }, (_, i) => via(i).post('/crew/sign-in/code', { phone })));
    expect(burst.map((r) => r.status).sort()).toEqual([204, 429, 429, 429, 429, 429]);
    expect(textsTo(smsFile, phone)).toHaveLength(1);

    const code = latestCodeTo(smsFile, phone)!;
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const guesses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => via(i).post('/crew/sign-in', { phone, code: wrong })),
    );
    expect(guesses.map((g) => g.status)).toEqual(Array(8).fill(401));
    const [row] = await queryRows<{ failed_attempts: number }>(
      database,
      'SELECT failed_attempts FROM crew_sign_ins WHERE phone = ?',
      [phone],
    );
    expect(Number(row!.failed_attempts)).toBe(5);
    expect((await via(1).post('/crew/sign-in', { phone, code })).status).toBe(401);
  });
});
