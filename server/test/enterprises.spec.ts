import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { apiClient } from './support/api.js';
import { domainRowCounts, newCreditCode, newPhone, registerEnterprise, seedAndLogin } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('enterprises and the whitelist', () => {
  let t: TestApp;
  let as: Awaited<ReturnType<typeof seedAndLogin>>;

  beforeAll(async () => {
    t = await startTestApp();
    as = await seedAndLogin(t);
  });

  afterAll(async () => {
    await t.close();
  });

  const registration = (creditCode: string, phone: string, districtCode = '320115') => ({
    enterprise: {
      creditCode,
      name: '南京测试冷链物流有限公司',
      address: '南京市江宁区测试大道1号',
      contactName: '李四',
      contactPhone: phone,
      districtCode,
    },
    manager: { name: '李四', phone, password: 'Fleet2022' },
  });

  it('registers an enterprise with its fleet manager, unverified until an official verifies it', async () => {
    const phone = newPhone();
    const res = await apiClient(t.url).post('/enterprises/register', registration(newCreditCode(), phone));
    expect(res.status).toBe(201);
    expect(res.body.account).toMatchObject({ role: 'fleet_manager', phone });
    const mine = await apiClient(t.url, res.body.accessToken).get('/enterprises/mine');
    expect(mine.body).toMatchObject({ verified: false, whitelisted: false, districtCode: '320115' });
  });

  it('refuses a second registration of the same credit code and writes nothing', async () => {
    const code = newCreditCode();
    expect((await apiClient(t.url).post('/enterprises/register', registration(code, newPhone()))).status).toBe(201);
    const before = await domainRowCounts(t);
    const again = await apiClient(t.url).post('/enterprises/register', registration(code, newPhone()));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DUPLICATE_ENTERPRISE');
    expect(await domainRowCounts(t)).toEqual(before);
  });

  it.each([
    [
      'a wrong check character',
      (r: any) => ({ ...r, enterprise: { ...r.enterprise, creditCode: '91320115MA1MY5Q2XA' } }),
      'enterprise.creditCode',
    ],
    [
      'a city instead of a county',
      (r: any) => ({ ...r, enterprise: { ...r.enterprise, districtCode: '320100' } }),
      'enterprise.districtCode',
    ],
    ['a weak password', (r: any) => ({ ...r, manager: { ...r.manager, password: '12345678' } }), 'manager.password'],
  ])('refuses %s with its field named, writing nothing', async (_case, mutate, path) => {
    const before = await domainRowCounts(t);
    const res = await apiClient(t.url).post('/enterprises/register', mutate(registration(newCreditCode(), newPhone())));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await domainRowCounts(t)).toEqual(before);
  });

  it('is verified by an official of its district or city, and by nobody else', async () => {
    const { enterpriseId } = await registerEnterprise(t, { verified: false });
    const elsewhere = await registerEnterprise(t, { districtCode: '320106', verified: false });

    // The demo district official (江宁区 320115) sees its own district's pending enterprises only.
    const pending = await as.districtOfficial.get('/enterprises?pending=true');
    expect(pending.body.map((e: { id: string }) => e.id)).toContain(enterpriseId);
    expect(pending.body.map((e: { id: string }) => e.id)).not.toContain(elsewhere.enterpriseId);

    expect((await as.districtOfficial.post(`/enterprises/${elsewhere.enterpriseId}/verify`)).status).toBe(404);
    expect((await as.fleetManager.post(`/enterprises/${enterpriseId}/verify`)).status).toBe(403);
    expect((await as.checkpointStaff.post(`/enterprises/${enterpriseId}/verify`)).status).toBe(403);

    const verified = await as.districtOfficial.post(`/enterprises/${enterpriseId}/verify`);
    expect(verified.status).toBe(200);
    expect(verified.body.verified).toBe(true);
    // The Nanjing city official covers every district of Nanjing, 鼓楼区 included.
    expect((await as.cityOfficial.post(`/enterprises/${elsewhere.enterpriseId}/verify`)).status).toBe(200);

    const audit = (await as.admin.get(`/admin/audit?entityId=${enterpriseId}`)).body;
    expect(audit.map((e: any) => [e.action, e.actorName])).toEqual([
      ['enterprise.verify', '李审核'],
      ['enterprise.register', null],
    ]);
  });

  it('lets a fleet manager change its address and contact, never another enterprise', async () => {
    const res = await as.fleetManager.put('/enterprises/mine', {
      contactName: '王建军',
      contactPhone: '025-84561234',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ contactName: '王建军', contactPhone: '025-84561234' });
    expect((await as.fleetManager.put('/enterprises/mine', { creditCode: '91320115MA1MY5Q2XW' })).body.creditCode).toBe(
      '91320115MA1MY5Q2XW',
    );
    expect((await as.districtOfficial.get('/enterprises/mine')).status).toBe(403);
  });

  describe('whitelist import', () => {
    it('imports a batch, and the enterprise then shows as whitelisted', async () => {
      const other = newCreditCode();
      const csv = [
        '统一社会信用代码,企业名称,操作',
        '91320115MA1MY5Q2XW,南京江宁示范物流有限公司,加入',
        `${other},"某某化工有限公司, 二厂",`,
      ].join('\r\n');
      const res = await as.admin.post('/admin/whitelist/import', { batch: '第一批', csv });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ batch: '第一批', added: 2, updated: 0, removed: 0 });
      const [logged] = (await as.admin.get('/admin/audit?action=whitelist.import')).body;
      expect(logged).toMatchObject({ actorRole: 'admin', after: { batch: '第一批', added: 2 } });
      expect((await as.fleetManager.get('/enterprises/mine')).body.whitelisted).toBe(true);

      const removal = await as.admin.post('/admin/whitelist/import', {
        batch: '调整',
        csv: '91320115MA1MY5Q2XW,南京江宁示范物流有限公司,移出\n',
      });
      expect(removal.body).toMatchObject({ removed: 1 });
      expect((await as.fleetManager.get('/enterprises/mine')).body.whitelisted).toBe(false);
    });

    it('refuses the whole batch when any row is wrong, saying which rows and why', async () => {
      const good = newCreditCode();
      const before = await domainRowCounts(t);
      const csv = [
        `${good},好企业`,
        '91320115MA1MY5Q2XA,校验位错误的企业',
        `${good},重复的企业`,
        `${newCreditCode()},X`,
      ].join('\n');
      const res = await as.admin.post('/admin/whitelist/import', { batch: '第二批', csv });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { path: string }) => d.path.split(' ')[0])).toEqual(['第2行', '第3行', '第4行']);
      expect(res.body.details[1].message).toBe('与第1行重复');
      expect(await domainRowCounts(t)).toEqual(before);
    });

    it('is for admins only', async () => {
      const res = await as.districtOfficial.post('/admin/whitelist/import', {
        batch: '越权',
        csv: `${newCreditCode()},某企业`,
      });
      expect(res.status).toBe(403);
    });
  });
});
