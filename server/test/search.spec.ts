import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiClient, firstSignIn } from './support/api.js';
import {
  completeApplication,
  type Fleet,
  registerEnterprise,
  registerFleet,
  seedAndLogin,
  submitApplication,
} from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Search (issue 17) in the review queue, pass management and the fleet's lists: by plate (whole or its
 * beginning), pass number, credit code or the beginning of an enterprise's name, each within what the
 * asker may see. Plans at volume are in query-plans.spec.ts.
 */
describe('search', () => {
  let t: TestApp;
  let as: Awaited<ReturnType<typeof seedAndLogin>>;
  let other: Awaited<ReturnType<typeof registerEnterprise>>;
  let elsewhere: Awaited<ReturnType<typeof registerEnterprise>>;
  let wuxiOfficial: ApiClient;
  const demoCreditCode = '91320115MA1MY5Q2XW';
  const ids = { first: '', second: '', other: '', elsewhere: '', again: '' };
  let passNumber = '';
  let fleet: Fleet;

  const q = (text: string) => `q=${encodeURIComponent(text)}`;
  const idsOf = (body: { items: { id: string }[] }) => body.items.map((i) => i.id).sort();
  const sorted = (...values: string[]) => [...values].sort();

  beforeAll(async () => {
    t = await startTestApp();
    as = await seedAndLogin(t);
    fleet = await registerFleet(as.fleetManager, '苏A81001', 810);
    const second = await registerFleet(as.fleetManager, '苏A81002', 820);
    ids.first = await submitApplication(as.fleetManager, completeApplication(fleet));
    ids.second = await submitApplication(as.fleetManager, completeApplication(second));
    // Another enterprise of the same district, with a plate the demo fleet also has.
    other = await registerEnterprise(t, { districtCode: '320115' });
    const otherFleet = await registerFleet(other.client, '苏A81001', 830);
    ids.other = await submitApplication(other.client, completeApplication(otherFleet));
    // An enterprise of another city, reviewed there.
    elsewhere = await registerEnterprise(t, { districtCode: '320205' });
    const elsewhereFleet = await registerFleet(elsewhere.client, '苏B83001', 840);
    ids.elsewhere = await submitApplication(elsewhere.client, {
      ...completeApplication(elsewhereFleet),
      originCode: '320205',
    });
    await as.admin.post('/admin/accounts', {
      role: 'official',
      name: '锡山审核',
      phone: '13700000077',
      password: 'Review2022',
      jurisdictionCode: '320205',
      department: '锡山区工业和信息化局',
      reviewLevel: 'district',
    });
    wuxiOfficial = await firstSignIn(t.url, '13700000077', 'Review2022');
    // The first is approved at both levels and issued; the same truck then applies again.
    expect((await as.districtOfficial.post(`/reviews/${ids.first}/decision`, { decision: 'approve' })).status).toBe(
      200,
    );
    const issued = await as.cityOfficial.post(`/reviews/${ids.first}/decision`, { decision: 'approve' });
    expect(issued.status).toBe(200);
    passNumber = (await as.fleetManager.get(`/passes/${issued.body.passId}`)).body.passNumber;
    ids.again = await submitApplication(as.fleetManager, completeApplication(fleet, 20));
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  describe('review queue', () => {
    it.each([
      ['a whole plate: every enterprise’s truck with it', '苏A81001', () => [ids.again, ids.other]],
      ['a plate typed loosely', ' 苏a·81002 ', () => [ids.second]],
      ['the beginning of a plate', '苏A810', () => [ids.again, ids.second, ids.other]],
      ['a credit code', demoCreditCode, () => [ids.again, ids.second]],
      ['the beginning of a name', '南京江宁示范', () => [ids.again, ids.second]],
      ['a pass number: the same truck’s applications', '', () => [ids.again]],
      ['a plate nobody has', '苏A99999', () => []],
    ])('%s', async (_, text, expected) => {
      const res = await as.districtOfficial.get(`/reviews/queue?${q(text || passNumber)}`);
      expect(res.status).toBe(200);
      expect(idsOf(res.body)).toEqual(sorted(...expected()));
    });

    it('keeps the filters and pages one at a time', async () => {
      const first = await as.districtOfficial.get(`/reviews/queue?${q('苏A810')}&limit=1&whitelistFirst=true`);
      expect(first.body.items).toHaveLength(1);
      const rest = await as.districtOfficial.get(
        `/reviews/queue?${q('苏A810')}&limit=5&whitelistFirst=true&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      );
      expect(sorted(...idsOf(first.body), ...idsOf(rest.body))).toEqual(sorted(ids.again, ids.second, ids.other));
      const medical = await as.districtOfficial.get(`/reviews/queue?${q('苏A810')}&category=medical&overdue=false`);
      expect(idsOf(medical.body)).toEqual(sorted(ids.again, ids.second, ids.other));
      const postal = await as.districtOfficial.get(`/reviews/queue?${q('苏A810')}&category=postal_express`);
      expect(postal.body.items).toEqual([]);
      expect((await as.districtOfficial.get(`/reviews/queue?${q('苏A810')}&overdue=true`)).body.items).toEqual([]);
    });

    it('never finds another jurisdiction’s application, however it is named', async () => {
      for (const text of [elsewhere.creditCode, '苏B83001', '测试运输']) {
        const res = await as.districtOfficial.get(`/reviews/queue?${q(text)}`);
        expect({ text, ids: idsOf(res.body) }).toEqual({ text, ids: text === '测试运输' ? [ids.other] : [] });
      }
      const there = await wuxiOfficial.get(`/reviews/queue?${q(elsewhere.creditCode)}`);
      expect(idsOf(there.body)).toEqual([ids.elsewhere]);
      expect(idsOf((await wuxiOfficial.get(`/reviews/queue?${q(demoCreditCode)}`)).body)).toEqual([]);
    });
  });

  describe('pass management', () => {
    it('finds a pass by number, plate, credit code or name, within the jurisdiction', async () => {
      for (const text of [passNumber, '苏A81001', '苏A81', demoCreditCode, '南京江宁']) {
        for (const official of [as.districtOfficial, as.cityOfficial, as.admin]) {
          const res = await official.get(`/passes?${q(text)}`);
          expect({
            text,
            status: res.status,
            numbers: res.body.items.map((p: { passNumber: string }) => p.passNumber),
          }).toEqual({
            text,
            status: 200,
            numbers: [passNumber],
          });
        }
        expect({ text, items: (await wuxiOfficial.get(`/passes?${q(text)}`)).body.items }).toEqual({ text, items: [] });
      }
      expect((await as.districtOfficial.get(`/passes?${q('苏A81002')}`)).body.items).toEqual([]);
    });

    it('a fleet manager finds its own passes by plate or number, never another enterprise’s', async () => {
      for (const text of [passNumber, '苏A81001', '苏A8']) {
        const own = await as.fleetManager.get(`/passes?${q(text)}`);
        expect({ text, numbers: own.body.items.map((p: { passNumber: string }) => p.passNumber) }).toEqual({
          text,
          numbers: [passNumber],
        });
        expect({ text, items: (await other.client.get(`/passes?${q(text)}`)).body.items }).toEqual({ text, items: [] });
      }
      // Its own enterprise's name is no search among its own passes.
      expect((await as.fleetManager.get(`/passes?${q('南京江宁')}`)).body.items).toEqual([]);
    });
  });

  describe('fleet lists', () => {
    it('applications by plate, own only', async () => {
      const own = await as.fleetManager.get(`/applications?${q('苏A81001')}`);
      expect(idsOf(own.body)).toEqual(sorted(ids.first, ids.again));
      const byStatus = await as.fleetManager.get(`/applications?${q('苏A810')}&status=approved`);
      expect(idsOf(byStatus.body)).toEqual([ids.first]);
      expect(idsOf((await other.client.get(`/applications?${q('苏A81002')}`)).body)).toEqual([]);
      expect(idsOf((await other.client.get(`/applications?${q('苏A81001')}`)).body)).toEqual([ids.other]);
    });

    it('vehicles by plate and crew by name, own only', async () => {
      const vehicles = await as.fleetManager.get(`/vehicles?${q('苏A810')}`);
      expect(vehicles.body.map((v: { plate: string }) => v.plate).sort()).toEqual(['苏A81001', '苏A81002']);
      expect((await other.client.get(`/vehicles?${q('苏A810')}`)).body.map((v: { id: string }) => v.id)).toEqual([
        expect.any(String),
      ]);
      const crew = await as.fleetManager.get(`/drivers?${q('周师')}`);
      expect(crew.body.map((d: { name: string }) => d.name)).toEqual(['周师傅', '周师傅']);
      expect((await as.fleetManager.get(`/drivers?${q('钱师傅')}`)).body).toEqual([]);
      expect((await other.client.get(`/drivers?${q('郑押')}`)).body).toHaveLength(1);
      // A plate is no name and a name no plate.
      expect((await as.fleetManager.get(`/vehicles?${q('周师')}`)).body).toEqual([]);
      expect((await as.fleetManager.get(`/drivers?${q('苏A810')}`)).body).toEqual([]);
    });
  });

  it('answers a search it cannot read with 400, a code and a Chinese message, on every list', async () => {
    const cases: [ApiClient, string][] = [
      [as.districtOfficial, '/reviews/queue'],
      [as.districtOfficial, '/passes'],
      [as.fleetManager, '/passes'],
      [as.fleetManager, '/applications'],
      [as.fleetManager, '/vehicles'],
      [as.fleetManager, '/drivers'],
    ];
    for (const [client, path] of cases) {
      for (const [text, message] of [
        ['12345', '通行证编号应为12位数字'],
        ['91320115MA1', '统一社会信用代码应为18位数字或大写字母'],
        ['南', '名称请至少输入2个字'],
        ['南'.repeat(51), '查询参数q过长'],
      ]) {
        const res = await client.get(`${path}?${q(text!)}`);
        expect({ path, text, status: res.status, code: res.body.code, message: res.body.message }).toEqual({
          path,
          text,
          status: 400,
          code: 'VALIDATION_FAILED',
          message: expect.stringContaining(message!),
        });
      }
      const repeated = await client.get(`${path}?q=a&q=b`);
      expect({ path, status: repeated.status }).toEqual({ path, status: 400 });
    }
  });
});
