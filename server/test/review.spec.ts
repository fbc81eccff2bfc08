import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, chinaToday, maskIdNumber } from '@pass/shared';
import { DataSource } from 'typeorm';
import { AccountEntity } from '../src/accounts/account.entity.js';
import { ApplicationEntity } from '../src/applications/application.entity.js';
import { recountStepCounts } from '../src/applications/step-counts.js';
import { type ApiClient, apiClient, firstSignIn, loginAs } from './support/api.js';
import { completeApplication, type Fleet, registerFleet, seedAndLogin, submitApplication } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('review workflow along the Jiangsu chain (district → city)', () => {
  let t: TestApp;
  let as: Awaited<ReturnType<typeof seedAndLogin>>;
  let fleet: Fleet;
  let gulouOfficial: ApiClient;
  let plateSerial = 10;

  /** A new vehicle each time, so passes of one test never collide with another's. */
  const newFleet = async () => {
    plateSerial++;
    return {
      ...fleet,
      ...(await registerFleet(as.fleetManager, `苏A${String(10000 + plateSerial)}`, 600 + plateSerial * 2)),
    };
  };

  beforeAll(async () => {
    t = await startTestApp();
    as = await seedAndLogin(t);
    fleet = await registerFleet(as.fleetManager, '苏A10000', 600);
    await as.admin.post('/admin/accounts', {
      role: 'official',
      name: '鼓楼审核',
      phone: '13700000020',
      password: 'Review2022',
      jurisdictionCode: '320106',
      department: '鼓楼区工业和信息化局',
      reviewLevel: 'district',
    });
    gulouOfficial = await firstSignIn(t.url, '13700000020', 'Review2022');
  });

  afterAll(async () => {
    await t.close();
  });

  const queueIds = async (client: ApiClient, query = '') =>
    ((await client.get(`/reviews/queue${query}`)).body.items as { id: string }[]).map((i) => i.id);

  it('routes a submission to the district queue only, and gives the official what helps decide', async () => {
    const id = await submitApplication(as.fleetManager, completeApplication(fleet));
    expect(await queueIds(as.districtOfficial)).toContain(id);
    expect(await queueIds(as.cityOfficial)).not.toContain(id);
    expect(await queueIds(gulouOfficial)).not.toContain(id);
    expect((await as.fleetManager.get('/reviews/queue')).status).toBe(403);

    const detail = await as.districtOfficial.get(`/reviews/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      enterprise: { name: '南京江宁示范物流有限公司', verified: true },
      vehicle: { plate: '苏A10000' },
      blacklistHits: [],
      vehicleActivePasses: [],
      application: { status: 'submitted', actions: ['accept', 'approve', 'reject', 'return'] },
    });
    expect(detail.body.crew[0].idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    const attachment = detail.body.attachments[0].id;
    expect((await as.districtOfficial.get(`/reviews/${id}/attachments/${attachment}/content`)).status).toBe(200);
    expect((await gulouOfficial.get(`/reviews/${id}`)).status).toBe(404);
    expect((await gulouOfficial.get(`/reviews/${id}/attachments/${attachment}/content`)).status).toBe(404);
  });

  it('refuses decisions from the wrong jurisdiction or level, and reasonless refusals', async () => {
    const id = await submitApplication(as.fleetManager, completeApplication(await newFleet()));
    const wrongPlace = await gulouOfficial.post(`/reviews/${id}/decision`, { decision: 'approve' });
    expect(wrongPlace.status).toBe(403);
    expect(wrongPlace.body.code).toBe('NOT_IN_JURISDICTION');
    const wrongLevel = await as.cityOfficial.post(`/reviews/${id}/decision`, { decision: 'approve' });
    expect(wrongLevel.body.code).toBe('NOT_IN_JURISDICTION');
    expect((await as.districtOfficial.post(`/reviews/${id}/decision`, { decision: 'reject' })).status).toBe(400);
    expect((await as.districtOfficial.post(`/reviews/${id}/decision`, { decision: 'return', reason: '' })).status).toBe(
      400,
    );
    expect((await as.fleetManager.post(`/reviews/${id}/decision`, { decision: 'approve' })).status).toBe(403);
    expect((await as.fleetManager.get(`/applications/${id}`)).body.status).toBe('submitted');
  });

  it('returns with a reason, the applicant corrects and resubmits, then it is rejected with a reason', async () => {
    const id = await submitApplication(as.fleetManager, completeApplication(await newFleet()));
    const returned = await as.districtOfficial.post(`/reviews/${id}/decision`, {
      decision: 'return',
      reason: '承诺书未加盖公章',
      fieldsToFix: ['attachmentIds'],
    });
    expect(returned.body).toMatchObject({
      status: 'returned',
      lastReason: '承诺书未加盖公章',
      fieldsToFix: ['attachmentIds'],
    });
    expect(await queueIds(as.districtOfficial)).not.toContain(id);

    expect((await as.fleetManager.get(`/applications/${id}`)).body.actions).toEqual(['edit', 'withdraw', 'resubmit']);
    expect((await as.fleetManager.post(`/applications/${id}/resubmit`)).body.status).toBe('resubmitted');
    expect(await queueIds(as.districtOfficial)).toContain(id);

    const rejected = await as.districtOfficial.post(`/reviews/${id}/decision`, {
      decision: 'reject',
      reason: '运输物资不属于重点物资',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', lastReason: '运输物资不属于重点物资', actions: [] });
    const timeline = (await as.fleetManager.get(`/applications/${id}/events`)).body.map((e: any) => e.action);
    expect(timeline).toEqual(['create', 'submit', 'return', 'resubmit', 'reject']);
  });

  describe('approval and issuance', () => {
    let id: string;
    let passId: string;

    it('moves up the chain on district approval and issues the pass on city approval', async () => {
      id = await submitApplication(as.fleetManager, completeApplication(await newFleet()));
      const first = await as.districtOfficial.post(`/reviews/${id}/decision`, {
        decision: 'approve',
        comment: '材料齐全',
      });
      expect(first.body).toMatchObject({ status: 'under_review', reviewLevelIndex: 1 });
      expect(await queueIds(as.districtOfficial)).not.toContain(id);
      expect(await queueIds(as.cityOfficial)).toContain(id);

      const second = await as.cityOfficial.post(`/reviews/${id}/decision`, { decision: 'approve' });
      expect(second.status).toBe(200);
      expect(second.body.status).toBe('approved');
      passId = second.body.passId;

      const pass = await as.fleetManager.get(`/passes/${passId}`);
      expect(pass.body).toMatchObject({
        passNumber: expect.stringMatching(/^320100\d{6}$/),
        status: 'active',
        issuingDepartment: '南京市工业和信息化局',
        url: expect.stringMatching(/^HTTP:\/\/127\.0\.0\.1:3000\/V\/\d+$/),
      });
      for (const [path, type] of [
        ['qr.png', 'image/png'],
        ['qr.svg', 'image/svg+xml'],
        ['pdf', 'application/pdf'],
      ]) {
        const res = await fetch(`${t.url}/api/passes/${passId}/${path}`, {
          headers: { authorization: `Bearer ${await tokenOf(t, '13800000001')}` },
        });
        expect([path, res.status, res.headers.get('content-type')]).toEqual([path, 200, type]);
      }
    });

    it('writes every transition and the issuance to the audit log', async () => {
      const log = await as.admin.get(`/admin/audit?entityId=${id}`);
      expect(log.body.map((e: any) => e.action).reverse()).toEqual([
        'application.create',
        'application.submit',
        'application.approve',
        'application.approve',
      ]);
      const issued = await as.admin.get(`/admin/audit?action=pass.issue&entityId=${passId}`);
      expect(issued.body[0]).toMatchObject({ actorRole: 'official', after: { applicationId: id } });
      expect((await as.districtOfficial.get('/admin/audit')).status).toBe(403);
    });

    it('will not issue a second pass for the same vehicle over the same days', async () => {
      const application = completeApplication(fleet);
      const pass = await as.fleetManager.get(`/passes/${passId}`);
      const vehicle = (await as.fleetManager.get('/vehicles')).body.find((v: any) => v.plate === pass.body.plate);
      const again = await submitApplication(as.fleetManager, { ...application, vehicleId: vehicle.id });
      await as.districtOfficial.post(`/reviews/${again}/decision`, { decision: 'approve' });
      const refused = await as.cityOfficial.post(`/reviews/${again}/decision`, { decision: 'approve' });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('VEHICLE_HAS_ACTIVE_PASS');
      expect((await as.fleetManager.get(`/applications/${again}`)).body.status).toBe('under_review');
    });

    it('is revoked by its issuer with a reason, not by the applicant or another jurisdiction', async () => {
      expect((await as.fleetManager.post(`/passes/${passId}/revoke`, { reason: '自行撤销' })).status).toBe(403);
      expect((await gulouOfficial.post(`/passes/${passId}/revoke`, { reason: '越权撤销' })).status).toBe(404);
      expect((await as.cityOfficial.post(`/passes/${passId}/revoke`, {})).status).toBe(400);
      const revoked = await as.cityOfficial.post(`/passes/${passId}/revoke`, { reason: '车辆信息与实际不符' });
      expect(revoked.body).toMatchObject({ status: 'revoked', endReason: '车辆信息与实际不符' });
      expect((await as.cityOfficial.post(`/passes/${passId}/revoke`, { reason: '再次撤销' })).status).toBe(409);
    });
  });

  describe('QR images of a pass', () => {
    const image = async (token: string, passId: string, kind: string) => {
      const res = await fetch(`${t.url}/api/passes/${passId}/qr.${kind}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
    };

    it('are drawn once and served to whoever may see the pass, the same bytes, before and after revocation', async () => {
      const issue = async () => {
        const id = await submitApplication(as.fleetManager, completeApplication(await newFleet()));
        await as.districtOfficial.post(`/reviews/${id}/decision`, { decision: 'approve' });
        return (await as.cityOfficial.post(`/reviews/${id}/decision`, { decision: 'approve' })).body.passId as string;
      };
      const [passId, otherId] = [await issue(), await issue()];
      const owner = await tokenOf(t, '13800000001');
      const city = await tokenOf(t, '13800000003');
      for (const kind of ['png', 'svg']) {
        const first = await image(owner, passId, kind);
        expect(first.status).toBe(200);
        // Cached now: the same bytes again, for the owner and for the issuing city.
        expect(await image(owner, passId, kind)).toEqual(first);
        expect(await image(city, passId, kind)).toEqual(first);
        // Another pass, another image: the cache never answers for the wrong pass.
        const other = await image(owner, otherId, kind);
        expect(other.status).toBe(200);
        expect(other.bytes.equals(first.bytes)).toBe(false);
        // Scope is checked before the cache: another jurisdiction gets no image of a pass it may not see.
        expect((await gulouOfficial.get(`/passes/${passId}/qr.${kind}`)).status).toBe(404);
      }
      const revoked = await as.cityOfficial.post(`/passes/${passId}/revoke`, { reason: '车辆信息与实际不符' });
      expect(revoked.status).toBe(200);
      for (const kind of ['png', 'svg']) {
        expect((await image(owner, passId, kind)).status).toBe(200);
        expect((await gulouOfficial.get(`/passes/${passId}/qr.${kind}`)).status).toBe(404);
        expect((await apiClient(t.url).get(`/passes/${passId}/qr.${kind}`)).status).toBe(401);
      }
    });

    it('are kept by the phone: asked again with their ETag, the answer is 304 without a body', async () => {
      const id = await submitApplication(as.fleetManager, completeApplication(await newFleet()));
      await as.districtOfficial.post(`/reviews/${id}/decision`, { decision: 'approve' });
      const passId = (await as.cityOfficial.post(`/reviews/${id}/decision`, { decision: 'approve' })).body.passId;
      const owner = { authorization: `Bearer ${await tokenOf(t, '13800000001')}` };
      const tags: string[] = [];
      for (const kind of ['png', 'svg']) {
        const url = `${t.url}/api/passes/${passId}/qr.${kind}`;
        const first = await fetch(url, { headers: owner });
        const etag = first.headers.get('etag') ?? '';
        expect([first.status, first.headers.get('cache-control'), etag]).toEqual([
          200,
          'private, max-age=86400',
          expect.stringMatching(/^"[^"]+"$/),
        ]);
        tags.push(etag);
        const kept = await fetch(url, { headers: { ...owner, 'if-none-match': etag } });
        expect([kept.status, (await kept.arrayBuffer()).byteLength]).toEqual([304, 0]);
        // Another tag (an image this phone does not have) gets the image.
        const stale = await fetch(url, { headers: { ...owner, 'if-none-match': '"other"' } });
        expect([stale.status, stale.headers.get('content-type')]).toEqual([
          200,
          kind === 'png' ? 'image/png' : 'image/svg+xml',
        ]);
        // The tag opens nothing: outside the pass's scope it is still 404, signed out 401.
        const denied = await gulouOfficial.get(`/passes/${passId}/qr.${kind}`, { 'if-none-match': etag });
        expect(denied.status).toBe(404);
        expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(401);
      }
      expect(tags[0]).not.toBe(tags[1]);
    });
  });

  it('enforces four-eyes: whoever approved one level cannot approve the next', async () => {
    const id = await submitApplication(as.fleetManager, completeApplication(await newFleet()));
    await as.districtOfficial.post(`/reviews/${id}/decision`, { decision: 'approve' });
    // The same person moved to the city level (a re-organisation) must not approve their own step again.
    const accounts = t.app.get(DataSource).getRepository(AccountEntity);
    await accounts.update({ phone: '13800000002' }, { jurisdictionCode: '320100', reviewLevel: 'city' });
    try {
      const promoted = await loginAs(t.url, '13800000002');
      const res = await promoted.post(`/reviews/${id}/decision`, { decision: 'approve' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FOUR_EYES_REQUIRED');
    } finally {
      await accounts.update({ phone: '13800000002' }, { jurisdictionCode: '320115', reviewLevel: 'district' });
    }
  });

  it('flags overdue applications, escalates them to the next level and counts them', async () => {
    const id = await submitApplication(as.fleetManager, completeApplication(await newFleet()));
    const applications = t.app.get(DataSource).getRepository(ApplicationEntity);
    // Time passing, written straight to the row: the count rows are made to follow it as seeding does.
    await applications.update({ id }, { dueAt: new Date(Date.now() - 60_000) });
    await recountStepCounts(t.app.get(DataSource).manager);

    const district = (await as.districtOfficial.get('/reviews/queue?overdue=true')).body.items;
    expect(district.find((i: any) => i.id === id)).toMatchObject({ overdue: true, escalated: false });
    const city = (await as.cityOfficial.get('/reviews/queue')).body.items;
    expect(city.find((i: any) => i.id === id)).toMatchObject({ overdue: true, escalated: true });
    expect((await as.districtOfficial.get('/reviews/counters')).body).toMatchObject({ overdue: 1, quotaLeft: null });
    expect((await as.cityOfficial.get('/reviews/counters')).body.escalated).toBe(1);
    await applications.update({ id }, { dueAt: new Date(Date.now() + 86_400_000) });
    await recountStepCounts(t.app.get(DataSource).manager);
  });

  it('sets a due time from the province deadline in working days on submission', async () => {
    const id = await submitApplication(as.fleetManager, completeApplication(await newFleet()));
    const item = (await as.districtOfficial.get('/reviews/queue')).body.items.find((i: any) => i.id === id);
    expect(item.validFrom).toBe(chinaToday());
    const due = new Date(item.dueAt).getTime();
    expect(due).toBeGreaterThan(Date.now());
    expect(due).toBeLessThanOrEqual(Date.now() + 4 * 86_400_000);
  });

  describe('sanctions', () => {
    it('refuses submission and approval for a blacklisted vehicle, and shows the hit to the reviewer', async () => {
      const mine = await newFleet();
      const before = await submitApplication(as.fleetManager, completeApplication(mine));
      const plate = (await as.fleetManager.get(`/vehicles/${mine.vehicleId}`)).body.plate;
      const entry = await as.admin.post('/admin/blacklist', { kind: 'vehicle', key: plate, reason: '出借通行证' });
      expect(entry.status).toBe(201);

      const draft = await as.fleetManager.post('/applications', completeApplication(mine));
      const refused = await as.fleetManager.post(`/applications/${draft.body.id}/submit`);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('BLACKLISTED');

      expect((await as.districtOfficial.get(`/reviews/${before}`)).body.blacklistHits).toEqual([
        expect.objectContaining({ kind: 'vehicle', label: plate, reason: '出借通行证' }),
      ]);
      await as.districtOfficial.post(`/reviews/${before}/decision`, { decision: 'approve' });
      const approval = await as.cityOfficial.post(`/reviews/${before}/decision`, { decision: 'approve' });
      expect(approval.body.code).toBe('BLACKLISTED');

      expect((await as.admin.delete(`/admin/blacklist/${entry.body.id}`)).status).toBe(204);
      // Lifted already: nothing in force to lift, and no second audit record.
      expect((await as.admin.delete(`/admin/blacklist/${entry.body.id}`)).status).toBe(404);
      expect((await as.cityOfficial.post(`/reviews/${before}/decision`, { decision: 'approve' })).body.status).toBe(
        'approved',
      );
    });

    it('refuses approval once the enterprise or a crew member is blacklisted or the enterprise suspended, naming which', async () => {
      const mine = await newFleet();
      const id = await submitApplication(as.fleetManager, completeApplication(mine));
      expect((await as.districtOfficial.post(`/reviews/${id}/decision`, { decision: 'approve' })).status).toBe(200);
      const approve = () => as.cityOfficial.post(`/reviews/${id}/decision`, { decision: 'approve' });
      const { id: enterpriseId, creditCode } = (await as.fleetManager.get('/enterprises/mine')).body;
      const { idNumber } = (await as.fleetManager.get(`/drivers/${mine.escortId}/id-number`)).body;
      const subjects = [
        { kind: 'enterprise', key: creditCode, label: creditCode, named: '企业' },
        { kind: 'driver', key: idNumber, label: maskIdNumber(idNumber), named: '司乘人员' },
      ];
      for (const { kind, key, label, named } of subjects) {
        const entry = await as.admin.post('/admin/blacklist', { kind, key, reason: '测试用黑名单' });
        expect(entry.status).toBe(201);
        expect((await as.cityOfficial.get(`/reviews/${id}`)).body.blacklistHits).toEqual([
          expect.objectContaining({ kind, label, reason: '测试用黑名单' }),
        ]);
        const refused = await approve();
        expect(refused.status).toBe(403);
        expect(refused.body).toMatchObject({
          code: 'BLACKLISTED',
          message: `${named}${label}已被列入黑名单：测试用黑名单`,
        });
        expect((await as.admin.delete(`/admin/blacklist/${entry.body.id}`)).status).toBe(204);
      }
      const until = addDays(chinaToday(), 7);
      expect(
        (await as.admin.post('/admin/suspensions', { enterpriseId, until, reason: '疫情溯源关联企业' })).status,
      ).toBe(204);
      expect((await approve()).body.code).toBe('ENTERPRISE_SUSPENDED');
      expect((await as.admin.delete(`/admin/suspensions/${enterpriseId}`)).status).toBe(204);
      expect((await approve()).body.status).toBe('approved');
    });

    it('suspends an enterprise (熔断) until a date, then lifts it', async () => {
      const enterpriseId = (await as.fleetManager.get('/enterprises/mine')).body.id;
      const suspended = await as.admin.post('/admin/suspensions', {
        enterpriseId,
        until: addDays(chinaToday(), 7),
        reason: '疫情溯源关联企业',
      });
      expect(suspended.status).toBe(204);
      const draft = await as.fleetManager.post('/applications', completeApplication(await newFleet()));
      const refused = await as.fleetManager.post(`/applications/${draft.body.id}/submit`);
      expect(refused.body.code).toBe('ENTERPRISE_SUSPENDED');
      expect(
        (
          await as.districtOfficial.post('/admin/suspensions', {
            enterpriseId,
            until: chinaToday(),
            reason: '越权操作',
          })
        ).status,
      ).toBe(403);
      expect((await as.admin.delete(`/admin/suspensions/${enterpriseId}`)).status).toBe(204);
      expect((await as.fleetManager.post(`/applications/${draft.body.id}/submit`)).status).toBe(200);
    });
  });

  it('batch-approves, deciding each one on its own', async () => {
    const ok1 = await submitApplication(as.fleetManager, completeApplication(await newFleet()));
    const ok2 = await submitApplication(as.fleetManager, completeApplication(await newFleet()));
    const returned = await submitApplication(as.fleetManager, completeApplication(await newFleet()));
    await as.districtOfficial.post(`/reviews/${returned}/decision`, { decision: 'return', reason: '请补充材料' });
    const res = await as.districtOfficial.post('/reviews/batch-approve', { applicationIds: [ok1, returned, ok2] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { id: ok1, ok: true, status: 'under_review', passId: null },
      expect.objectContaining({ id: returned, ok: false, code: 'INVALID_TRANSITION' }),
      { id: ok2, ok: true, status: 'under_review', passId: null },
    ]);
  });

  it('gives statistics and a CSV export to officials, scoped to their jurisdiction', async () => {
    const stats = await as.cityOfficial.get('/stats');
    expect(stats.status).toBe(200);
    expect(stats.body.issuedPerDay.at(-1)).toEqual({ date: chinaToday(), count: expect.any(Number) });
    expect(stats.body.issuedPerCategory).toEqual([
      expect.objectContaining({ category: 'medical', name: '医疗与防控物资' }),
    ]);
    expect((await gulouOfficial.get('/stats')).body).toMatchObject({ issuedPerDay: [], waiting: 0, overdue: 0 });
    const csv = await fetch(`${t.url}/api/stats/issued.csv`, {
      headers: { authorization: `Bearer ${await tokenOf(t, '13800000003')}` },
    });
    const bytes = Buffer.from(await csv.arrayBuffer());
    // Excel needs the UTF-8 byte order mark to read Chinese correctly.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      '证件编号,签发时间（北京时间）,车牌号码,企业,物资类别,始发地,目的地,有效期起,有效期止,状态,核发单位',
    );
    // Officials read the file in Excel: China's wall clock and Chinese words, not UTC ISO and enum values.
    const first = text.split('\r\n').find((line) => line.startsWith('320100000001'));
    expect(first?.split(',')[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(first?.split(',')[1].slice(0, 10)).toBe(chinaToday());
    expect(['有效', '已过期', '已撤销', '已被新证替代']).toContain(first?.split(',')[9]);
    expect((await as.fleetManager.get('/stats')).status).toBe(403);
  });

  it('shows a submission and a decision in the counters at once (they are kept with each step)', async () => {
    const waiting = async () => (await as.districtOfficial.get('/reviews/counters')).body.waiting as number;
    const before = await waiting();
    const id = await submitApplication(as.fleetManager, completeApplication(await newFleet()));
    expect(await waiting()).toBe(before + 1);
    expect((await as.districtOfficial.post(`/reviews/${id}/decision`, { decision: 'approve' })).status).toBe(200);
    expect(await waiting()).toBe(before);
  });

  it('keeps the counters equal to a count of the applications through every kind of step', async () => {
    const dataSource = t.app.get(DataSource);
    /** The counters as a count of the rows would give them, and the count rows as a recount would. */
    const expectExact = async () => {
      const now = new Date();
      for (const [client, j, l] of [
        [as.districtOfficial, '320115', 'district'],
        [as.cityOfficial, '320100', 'city'],
      ] as const) {
        const count = (where: string) =>
          dataSource.getRepository(ApplicationEntity).createQueryBuilder('a').where(where, { j, l, now }).getCount();
        const mine = 'a.current_jurisdiction = :j AND a.current_level = :l';
        expect((await client.get('/reviews/counters')).body).toMatchObject({
          waiting: await count(mine),
          overdue: await count(`${mine} AND a.due_at < :now`),
          escalated: await count('a.escalation_jurisdiction = :j AND a.escalation_level = :l AND a.due_at < :now'),
        });
      }
      const rows = (await dataSource.query(
        'SELECT jurisdiction, level, side, due_hour, n FROM review_step_counts ORDER BY jurisdiction, level, side, due_hour',
      )) as Record<string, unknown>[];
      const kept = rows.map((r) => `${r.jurisdiction}|${r.level}|${r.side}|${r.due_hour}:${r.n}`);
      await recountStepCounts(dataSource.manager);
      const recounted = (await dataSource.query(
        'SELECT jurisdiction, level, side, due_hour, n FROM review_step_counts ORDER BY jurisdiction, level, side, due_hour',
      )) as Record<string, unknown>[];
      expect(kept).toEqual(recounted.map((r) => `${r.jurisdiction}|${r.level}|${r.side}|${r.due_hour}:${r.n}`));
    };
    const counters = async (client: ApiClient) => (await client.get('/reviews/counters')).body;
    await expectExact();
    const district = await counters(as.districtOfficial);
    const city = await counters(as.cityOfficial);
    const [a, b, c] = [
      await submitApplication(as.fleetManager, completeApplication(await newFleet())),
      await submitApplication(as.fleetManager, completeApplication(await newFleet())),
      await submitApplication(as.fleetManager, completeApplication(await newFleet())),
    ];
    expect((await counters(as.districtOfficial)).waiting).toBe(district.waiting + 3);
    await expectExact();
    // Approved at the district: waits at the city now.
    expect((await as.districtOfficial.post(`/reviews/${a}/decision`, { decision: 'approve' })).status).toBe(200);
    expect((await counters(as.districtOfficial)).waiting).toBe(district.waiting + 2);
    expect((await counters(as.cityOfficial)).waiting).toBe(city.waiting + 1);
    await expectExact();
    // Returned, then resubmitted, then withdrawn.
    const returned = await as.districtOfficial.post(`/reviews/${b}/decision`, {
      decision: 'return',
      reason: '请补充材料',
    });
    expect(returned.status).toBe(200);
    expect((await counters(as.districtOfficial)).waiting).toBe(district.waiting + 1);
    await expectExact();
    expect((await as.fleetManager.post(`/applications/${b}/resubmit`)).status).toBe(200);
    await expectExact();
    expect((await as.fleetManager.post(`/applications/${c}/withdraw`)).status).toBe(200);
    await expectExact();
    // Overdue at the district: escalated to the city, from the rows of past hours and of this hour.
    await dataSource
      .getRepository(ApplicationEntity)
      .update({ id: b }, { dueAt: new Date(Date.now() - 2 * 3_600_000) });
    await recountStepCounts(dataSource.manager);
    expect((await counters(as.cityOfficial)).escalated).toBe(city.escalated + 1);
    await expectExact();
    expect((await as.cityOfficial.post(`/reviews/${a}/decision`, { decision: 'approve' })).status).toBe(200);
    expect((await as.districtOfficial.post(`/reviews/${b}/decision`, { decision: 'approve' })).status).toBe(200);
    expect((await counters(as.cityOfficial)).escalated).toBe(city.escalated);
    await expectExact();
  });
});

async function tokenOf(t: TestApp, phone: string): Promise<string> {
  const res = await fetch(`${t.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password: 'demo1234' }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}
