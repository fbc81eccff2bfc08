import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  addDays,
  applyStatusListUpdate,
  chinaToday,
  encodePassUrl,
  openSignedDocument,
  type SignedDocument,
  type StatusList,
  type StatusListUpdate,
  signPassToken,
  type TrustList,
  verifyPassUrl,
} from '@pass/shared';
import { PassTokenService } from '../src/signing/pass-token.service.js';
import { type ApiClient, apiClient, firstSignIn } from './support/api.js';
import { completeApplication, registerFleet, seedAndLogin, submitApplication } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('checkpoint verification', () => {
  let t: TestApp;
  let as: Awaited<ReturnType<typeof seedAndLogin>>;
  let anonymous: ApiClient;
  let plateSerial = 0;

  /** A pass for a new vehicle, through the real review chain. */
  const issuePass = async (startInDays = 0, vehicleId?: string) => {
    plateSerial++;
    const fleet = await registerFleet(
      as.fleetManager,
      `苏A5${String(plateSerial).padStart(4, '0')}`,
      900 + plateSerial * 2,
    );
    const id = await submitApplication(as.fleetManager, {
      ...completeApplication(fleet, startInDays, 5),
      ...(vehicleId ? { vehicleId } : {}),
    });
    await as.districtOfficial.post(`/reviews/${id}/decision`, { decision: 'approve' });
    const approved = await as.cityOfficial.post(`/reviews/${id}/decision`, { decision: 'approve' });
    expect(approved.body.status).toBe('approved');
    const pass = (await as.fleetManager.get(`/passes/${approved.body.passId}`)).body;
    return { ...pass, vehicleId: vehicleId ?? fleet.vehicleId };
  };

  /** What a checkpoint device holds after syncing: the trust list and the status list. */
  const device: { trustList?: TrustList; statusList?: StatusList } = {};
  const sync = async () => {
    device.trustList = (await anonymous.get('/trust-list')).body;
    const since = device.statusList ? `?since=${device.statusList.version}` : '';
    const doc = (await anonymous.get<SignedDocument>(`/verification/status-list${since}`)).body;
    const update = openSignedDocument<StatusListUpdate>(doc, device.trustList!);
    expect(update).toBeDefined();
    device.statusList = applyStatusListUpdate(device.statusList, update!);
    return update!;
  };
  const offline = (url: string) => verifyPassUrl(url, { trustList: device.trustList!, statusList: device.statusList });
  const online = async (url: string) => (await anonymous.post('/verification/verify', { url })).body.verification;

  beforeAll(async () => {
    // Sichuan's rule: a new pass for a vehicle supersedes its previous one.
    t = await startTestApp({ PROVINCE_SETTINGS: JSON.stringify({ autoSupersede: true }) });
    as = await seedAndLogin(t);
    anonymous = apiClient(t.url);
  });

  afterAll(async () => {
    await t.close();
  });

  it('reaches the same verdict online and offline for every state a pass can be in', async () => {
    const valid = await issuePass();
    const notYet = await issuePass(3);
    const replaced = await issuePass();
    await issuePass(0, replaced.vehicleId);
    const revoked = await issuePass();
    await as.cityOfficial.post(`/passes/${revoked.id}/revoke`, { reason: '出借他人使用' });

    const tokens = t.app.get(PassTokenService);
    const expired = await tokens.issue({
      passNumber: '320100999001',
      plate: '苏A99999',
      plateColour: 'yellow',
      validFrom: addDays(chinaToday(), -12),
      validTo: addDays(chinaToday(), -3),
      originCode: '320115',
      destinationCode: '310104',
      waypointCodes: [],
      materialCategory: 'medical',
      statusIndex: 9999,
    });
    const foreignToken = signPassToken(
      {
        passNumber: '320100999002',
        plate: '苏A88888',
        plateColour: 'yellow',
        validFrom: chinaToday(),
        validTo: chinaToday(),
        originCode: '320115',
        destinationCode: '310104',
        waypointCodes: [],
        materialCategory: 'medical',
        statusIndex: 1,
        issuedAt: new Date().toISOString(),
      },
      { kid: 'deadbeef', secretKey: strangerSecretKey(), algorithm: 'Ed25519' },
    );
    const digitsOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);
    const forged = valid.url.replace(/\d$/, (d: string) => String((Number(d) + 1) % 10));

    await sync();
    const cases: [string, string][] = [
      [valid.url, 'valid'],
      [notYet.url, 'not_yet_valid'],
      [replaced.url, 'superseded'],
      [revoked.url, 'revoked'],
      [expired.url, 'expired'],
      [encodePassUrl('http://127.0.0.1:3000', foreignToken), 'unknown_key'],
      [forged, offline(forged).state],
      ['https://example.com/not-a-pass', 'malformed'],
    ];
    expect(['signature_invalid', 'malformed']).toContain(offline(forged).state);
    for (const [url, state] of cases) {
      expect({ url: digitsOf(url).slice(0, 12), offline: offline(url).state }).toEqual({
        url: digitsOf(url).slice(0, 12),
        offline: state,
      });
      expect({ url: digitsOf(url).slice(0, 12), online: (await online(url)).state }).toEqual({
        url: digitsOf(url).slice(0, 12),
        online: state,
      });
    }
  });

  it('turns a revoked pass invalid offline after one small delta sync', async () => {
    const pass = await issuePass();
    await sync();
    expect(offline(pass.url).state).toBe('valid');

    await as.cityOfficial.post(`/passes/${pass.id}/revoke`, { reason: '车辆发生事故停运' });
    const update = await sync();
    expect(update).toMatchObject({ kind: 'delta', changes: [[expect.any(Number), 1]] });
    expect(JSON.stringify(update).length).toBeLessThan(300);
    expect(offline(pass.url)).toMatchObject({ state: 'revoked', allowsPassage: false });
  });

  it('keeps the full list right across new passes and revocations, asked for again and again', async () => {
    const fullList = async () => {
      const trustList = (await anonymous.get('/trust-list')).body;
      const doc = (await anonymous.get<SignedDocument>('/verification/status-list')).body;
      const update = openSignedDocument<StatusListUpdate>(doc, trustList);
      expect(update?.kind).toBe('full');
      const statusList = applyStatusListUpdate(undefined, update!);
      return (url: string) => verifyPassUrl(url, { trustList, statusList }).state;
    };
    const first = await issuePass();
    expect((await fullList())(first.url)).toBe('valid');
    // Same version, more passes: the new pass is inside the list's size, and valid.
    const second = await issuePass();
    const beforeRevocation = await fullList();
    expect([beforeRevocation(first.url), beforeRevocation(second.url)]).toEqual(['valid', 'valid']);
    await as.cityOfficial.post(`/passes/${first.id}/revoke`, { reason: '车辆发生事故停运' });
    for (let i = 0; i < 2; i += 1) {
      const afterRevocation = await fullList();
      expect([afterRevocation(first.url), afterRevocation(second.url)]).toEqual(['revoked', 'valid']);
    }
  });

  it('shows a public page without JavaScript: green with the plate for a valid pass, grey with the reason otherwise', async () => {
    const pass = await issuePass();
    const path = new URL(pass.url).pathname;
    const page = await fetch(`${t.url}${path}`);
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    const html = await page.text();
    expect(html).toContain('data-state="valid"');
    expect(html).toContain('通行证有效');
    expect(html).toContain(pass.plate.slice(0, 2));
    expect(html).not.toContain('<script');
    // Personal data is masked: no full name of the crew, no full ID number.
    expect(html).toContain('周*傅');
    expect(html).not.toMatch(/\d{17}[\dX]/);

    const lower = await (await fetch(`${t.url}${path.toLowerCase()}`)).text();
    expect(lower).toContain('data-state="valid"');
    const bad = await (await fetch(`${t.url}/V/123456`)).text();
    expect(bad).toContain('data-state="malformed"');
    expect(bad).toContain('通行证无效');
  });

  it('looks a pass up by its printed number for checkpoint staff, and not for the public', async () => {
    const pass = await issuePass();
    const res = await as.checkpointStaff.get(`/verification/passes/${pass.passNumber}`);
    expect(res.body.verification).toMatchObject({ state: 'valid', claims: { passNumber: pass.passNumber } });
    expect(res.body.facts.crew[0].idNumber).toMatch(/\*{8}/);
    expect((await anonymous.get(`/verification/passes/${pass.passNumber}`)).status).toBe(401);
    expect((await as.checkpointStaff.get('/verification/passes/320100999999')).body.code).toBe('PASS_NOT_FOUND');
    expect((await as.checkpointStaff.get('/verification/passes/12345')).status).toBe(400);
  });

  describe('scan records', () => {
    let nanjing: string;
    let shanghai: string;
    let suzhou: string;

    beforeAll(async () => {
      nanjing = (await as.checkpointStaff.get('/auth/me')).body.checkpointId;
      const add = async (code: string, name: string, regionCode: string, latitude: number, longitude: number) =>
        (await as.admin.post('/admin/checkpoints', { code, name, regionCode, latitude, longitude })).body.id;
      shanghai = await add('SH-G2-01', '沪宁高速安亭卡口', '310114', 31.29, 121.16);
      suzhou = await add('JS-SZ-G2-01', '沪宁高速苏州东卡口', '320507', 31.35, 120.73);
      for (const [phone, checkpointId] of [
        ['13700000031', shanghai],
        ['13700000032', suzhou],
      ]) {
        await as.admin.post('/admin/accounts', {
          role: 'checkpoint_staff',
          name: '卡口民警',
          phone,
          password: 'Gate2022tmp',
          checkpointId,
        });
        await firstSignIn(t.url, phone, 'Gate2022tmp', 'Gate2022ok');
      }
    });

    const record = (passNumber: string, checkpointId: string, scannedAt: string) => ({
      id: randomUUID(),
      passNumber,
      checkpointId,
      scannedAt,
      result: 'valid',
      direction: 'inbound',
    });

    it('stores each record once however often the batch is uploaded, and only from its own checkpoint', async () => {
      const pass = await issuePass();
      const batch = [
        record(pass.passNumber, nanjing, '2026-01-01T02:00:00+08:00'),
        record('320100999998', nanjing, '2026-01-01T02:05:00+08:00'),
      ];
      expect((await as.checkpointStaff.post('/scans', { records: batch })).body).toEqual({ stored: 2, duplicates: 0 });
      expect((await as.checkpointStaff.post('/scans', { records: batch })).body).toEqual({ stored: 0, duplicates: 2 });
      const foreign = await as.checkpointStaff.post('/scans', {
        records: [record(pass.passNumber, shanghai, '2026-01-01T03:00:00+08:00')],
      });
      expect(foreign.status).toBe(403);
      expect((await as.fleetManager.post('/scans', { records: batch })).status).toBe(403);
    });

    it('files a refused pass as an interception with its reason, which officials see in the trace', async () => {
      const pass = await issuePass();
      const stopped = {
        ...record(pass.passNumber, nanjing, '2026-01-02T09:00:00+08:00'),
        result: 'revoked',
        kind: 'interception',
        reason: '通行证已撤销，车辆已劝返',
      };
      for (const [bad, path] of [
        [{ ...stopped, id: randomUUID(), reason: undefined }, 'records.0.reason'],
        [{ ...stopped, id: randomUUID(), reason: '   ' }, 'records.0.reason'],
        [{ ...stopped, id: randomUUID(), reason: 'x'.repeat(201) }, 'records.0.reason'],
        [{ ...stopped, id: randomUUID(), kind: 'towed' }, 'records.0.kind'],
        [{ ...record(pass.passNumber, nanjing, '2026-01-02T09:00:00+08:00'), reason: '多余' }, 'records.0.reason'],
      ] as const) {
        const res = await as.checkpointStaff.post('/scans', { records: [bad] });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
        expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
      }
      expect((await as.cityOfficial.get(`/passes/${pass.id}/trace`)).body).toEqual([]);

      const passage = record(pass.passNumber, nanjing, '2026-01-02T10:00:00+08:00');
      expect((await as.checkpointStaff.post('/scans', { records: [stopped, passage] })).body).toEqual({
        stored: 2,
        duplicates: 0,
      });
      const trace = (await as.cityOfficial.get(`/passes/${pass.id}/trace`)).body;
      expect(trace).toEqual([
        expect.objectContaining({
          scanId: stopped.id,
          kind: 'interception',
          reason: '通行证已撤销，车辆已劝返',
          result: 'revoked',
        }),
        expect.objectContaining({ scanId: passage.id, kind: 'passage', reason: null, direction: 'inbound' }),
      ]);
    });

    it('traces a pass along its checkpoints and flags an impossible trip, but not a possible one', async () => {
      const gate = async (phone: string) => {
        const res = await anonymous.post('/auth/login', { phone, password: 'Gate2022ok' });
        return apiClient(t.url, res.body.accessToken);
      };
      const honest = await issuePass();
      const cloned = await issuePass();
      // Nanjing → Suzhou (about 190 km) in 3 hours is a truck; Nanjing → Shanghai in 30 minutes is not.
      await as.checkpointStaff.post('/scans', {
        records: [
          record(honest.passNumber, nanjing, '2026-02-01T08:00:00+08:00'),
          record(cloned.passNumber, nanjing, '2026-02-01T08:00:00+08:00'),
        ],
      });
      await (await gate('13700000032')).post('/scans', {
        records: [record(honest.passNumber, suzhou, '2026-02-01T11:00:00+08:00')],
      });
      await (await gate('13700000031')).post('/scans', {
        records: [record(cloned.passNumber, shanghai, '2026-02-01T08:30:00+08:00')],
      });

      const trace = (await as.fleetManager.get(`/passes/${honest.id}/trace`)).body;
      expect(trace.map((s: any) => [s.checkpointName, s.cloneSuspected])).toEqual([
        ['长深高速南京南收费站卡口', false],
        ['沪宁高速苏州东卡口', false],
      ]);
      const alerts = (await as.cityOfficial.get('/alerts/clones')).body;
      expect(alerts).toEqual([
        expect.objectContaining({ passNumber: cloned.passNumber, minutes: 30, distanceKm: expect.any(Number) }),
      ]);
      expect(alerts[0].distanceKm).toBeGreaterThan(200);
      expect((await as.cityOfficial.get(`/passes/${cloned.id}/trace`)).body.every((s: any) => s.cloneSuspected)).toBe(
        true,
      );
      expect((await as.checkpointStaff.get('/alerts/clones')).status).toBe(403);
      // An official of another city sees none of Nanjing's alerts.
      await as.admin.post('/admin/accounts', {
        role: 'official',
        name: '苏州审核',
        phone: '13700000033',
        password: 'Review2022',
        jurisdictionCode: '320500',
        department: '工业和信息化局',
        reviewLevel: 'city',
      });
      const suzhouOfficial = await firstSignIn(t.url, '13700000033', 'Review2022', 'Review2022ok');
      expect((await suzhouOfficial.get('/alerts/clones')).body).toEqual([]);

      // Closed with a note, audited, and listed under 已处理 from then on.
      const alertId = alerts[0].id;
      const path = `/alerts/clones/${alertId}/resolve`;
      expect((await as.checkpointStaff.post(path, { resolution: 'handled', note: '已撤销' })).status).toBe(403);
      expect((await as.fleetManager.post(path, { resolution: 'handled', note: '已撤销' })).status).toBe(403);
      const noNote = await as.cityOfficial.post(path, { resolution: 'handled' });
      expect(noNote.status).toBe(400);
      expect(noNote.body.details).toEqual([expect.objectContaining({ path: 'note', message: '请填写处理说明' })]);
      expect((await as.cityOfficial.post(path, { resolution: 'handled', note: '很'.repeat(501) })).status).toBe(400);
      expect((await as.cityOfficial.get('/alerts/clones')).body).toHaveLength(1);
      const resolved = await as.cityOfficial.post(path, { resolution: 'handled', note: '已联系企业核实，原证已撤销' });
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({
        id: alertId,
        resolution: 'handled',
        resolutionNote: '已联系企业核实，原证已撤销',
      });
      expect((await as.cityOfficial.post(path, { resolution: 'dismissed', note: '误报' })).status).toBe(409);
      expect((await as.cityOfficial.get('/alerts/clones')).body).toEqual([]);
      expect((await as.cityOfficial.get('/alerts/clones?state=resolved')).body).toEqual([
        expect.objectContaining({ id: alertId, resolution: 'handled', resolvedAt: expect.any(String) }),
      ]);
      expect((await as.cityOfficial.get('/alerts/clones?state=maybe')).status).toBe(400);
      const audit = await as.admin.get(`/admin/audit?entityType=clone_alert&entityId=${alertId}`);
      expect(audit.body).toEqual([
        expect.objectContaining({
          action: 'clone_alert.handled',
          after: { resolution: 'handled', note: '已联系企业核实，原证已撤销' },
        }),
      ]);
    });
  });

  it('rate-limits public verification per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 125; i++) statuses.push((await fetch(`${t.url}/V/1`)).status);
    expect(statuses.slice(0, 100).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const verify = () =>
      fetch(`${t.url}/api/verification/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url: 'x' }),
      });
    // Within the limit the x-ratelimit-* headers are left out (no client reads them; §6.7); a refusal has them.
    let limited = await verify();
    expect(limited.status).toBe(200);
    expect(limited.headers.get('x-ratelimit-limit')).toBeNull();
    for (let i = 0; i < 125 && limited.status !== 429; i++) limited = await verify();
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' });
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited.headers.get('x-ratelimit-limit')).toMatch(/^\d+$/);
    // A refusal is an API answer like any other: the same security headers, never cached.
    expect(limited.headers.get('cache-control')).toBe('no-store');
    expect(limited.headers.get('x-content-type-options')).toBe('nosniff');
    expect(limited.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    const page = await fetch(`${t.url}/V/1`);
    expect([page.status, page.headers.get('retry-after'), page.headers.get('x-frame-options')]).toEqual([
      429,
      expect.stringMatching(/^\d+$/),
      'DENY',
    ]);
  });
});

/** An Ed25519 key no trust list knows: how a forger would sign. */
function strangerSecretKey(): Uint8Array {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  return new Uint8Array(Buffer.from(jwk.d!, 'base64url'));
}
