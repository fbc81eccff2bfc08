import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { checkCrewIdNumber, type IssuingDepartmentView, type TrustList, verifyPassUrl } from '@pass/shared';
import { type ApiClient, apiClient } from './support/api.js';
import {
  completeApplication,
  newIdNumber,
  registerFleet,
  seedAndLogin,
  submitApplication,
} from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const run = promisify(execFile);

describe('issuing departments: who to call about a pass', () => {
  let t: TestApp;
  let as: Awaited<ReturnType<typeof seedAndLogin>>;
  let anonymous: ApiClient;

  beforeAll(async () => {
    t = await startTestApp();
    as = await seedAndLogin(t);
    anonymous = apiClient(t.url);
  }, 120_000);
  afterAll(() => t?.close());

  const departments = async () => (await as.admin.get<IssuingDepartmentView[]>('/admin/departments')).body;

  it('lists the seeded departments, and the admin sets a duty phone (audited)', async () => {
    expect((await departments()).map((d) => [d.regionCode, d.name])).toEqual([
      ['320100', '南京市工业和信息化局'],
      ['320115', '江宁区工业和信息化局'],
    ]);
    const saved = await as.admin.put<IssuingDepartmentView>('/admin/departments/320100', {
      name: ' 南京市工业和信息化局 ',
      dutyPhone: '025 8345 6789',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ regionCode: '320100', name: '南京市工业和信息化局', dutyPhone: '02583456789' });
    const withHyphen = await as.admin.put('/admin/departments/320100', {
      name: '南京市工业和信息化局',
      dutyPhone: '025-83456789',
    });
    expect(withHyphen.body.dutyPhone).toBe('025-83456789');
    const created = await as.admin.put('/admin/departments/320500', {
      name: '苏州市工业和信息化局',
      dutyPhone: '13912340000',
    });
    expect(created.status).toBe(200);

    const audit = await as.admin.get('/admin/audit?entityId=320100&action=department.update');
    expect(audit.body[0]).toMatchObject({
      before: { dutyPhone: '02583456789' },
      after: { dutyPhone: '025-83456789' },
    });
    expect((await as.admin.get('/admin/audit?entityId=320500&action=department.create')).body).toHaveLength(1);
  });

  it('refuses bad input with a code and a Chinese message, and changes nothing', async () => {
    const before = await departments();
    const cases: [string, unknown, RegExp][] = [
      ['320100', { name: '南京市工业和信息化局', dutyPhone: '12345' }, /值班电话应为带区号的固定电话/],
      ['320100', { name: '南京市工业和信息化局', dutyPhone: '' }, /请填写值班电话/],
      ['320100', { name: '南京', dutyPhone: '025-83456789' }, /核发单位名称至少4个字/],
      ['320100', { name: '南京市工业\u202e和信息化局', dutyPhone: '025-83456789' }, /核发单位名称/],
      ['320100', { dutyPhone: '025-83456789' }, /请填写核发单位名称/],
      ['329999', { name: '某某市工业和信息化局', dutyPhone: '025-83456789' }, /行政区划代码不存在/],
      ['32010', { name: '某某市工业和信息化局', dutyPhone: '025-83456789' }, /行政区划代码应为6位数字/],
      ['110000', { name: '北京市经济和信息化局', dutyPhone: '010-12345678' }, /只能设置本省/],
    ];
    for (const [code, body, message] of cases) {
      const res = await as.admin.put(`/admin/departments/${code}`, body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.body)).toMatch(message);
    }
    expect(await departments()).toEqual(before);
  });

  it('records parallel saves of one new jurisdiction one after the other, never a 500', async () => {
    const saves = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        as.admin.put('/admin/departments/320115', { name: '江宁区工业和信息化局', dutyPhone: `025-5200000${i}` }),
      ),
    );
    expect(saves.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const kept = (await departments()).find((d) => d.regionCode === '320115')!;
    expect(saves.map((r) => r.body.dutyPhone)).toContain(kept.dutyPhone);
    const fresh = await Promise.all(
      Array.from({ length: 4 }, () =>
        as.admin.put('/admin/departments/320200', { name: '无锡市工业和信息化局', dutyPhone: '0510-81820000' }),
      ),
    );
    expect(fresh.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const audit = await as.admin.get('/admin/audit?entityId=320200');
    expect(audit.body.map((e: { action: string }) => e.action).sort()).toEqual([
      'department.create',
      'department.update',
      'department.update',
      'department.update',
    ]);
  });

  it('lets no other role read or change the departments', async () => {
    const body = { name: '南京市工业和信息化局', dutyPhone: '025-00000000' };
    for (const client of [as.districtOfficial, as.cityOfficial, as.checkpointStaff, as.fleetManager]) {
      expect((await client.get('/admin/departments')).status).toBe(403);
      const res = await client.put('/admin/departments/320100', body);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    expect((await anonymous.put('/admin/departments/320100', body)).status).toBe(401);
    expect((await departments()).find((d) => d.regionCode === '320100')?.dutyPhone).toBe('025-83456789');
  });

  it('names the department and its phone in the trust list, both verdicts, the public page and the PDF; the crew checks offline', async () => {
    const fleet = await registerFleet(as.fleetManager, '苏A6D001', 700);
    const id = await submitApplication(as.fleetManager, completeApplication(fleet, 0, 5));
    await as.districtOfficial.post(`/reviews/${id}/decision`, { decision: 'approve' });
    const approved = await as.cityOfficial.post(`/reviews/${id}/decision`, { decision: 'approve' });
    const pass = (await as.fleetManager.get(`/passes/${approved.body.passId}`)).body;
    expect(pass.passNumber.slice(0, 6)).toBe('320100');

    const trustList = (await anonymous.get<TrustList>('/trust-list')).body;
    expect(trustList.departments).toContainEqual({
      regionCode: '320100',
      name: '南京市工业和信息化局',
      dutyPhone: '025-83456789',
    });

    // Offline: the device's trust list alone.
    const offline = verifyPassUrl(pass.url, { trustList });
    expect(offline.state).toBe('valid');
    if (offline.state !== 'valid') return;
    expect(offline.issuingDepartment).toMatchObject({ name: '南京市工业和信息化局', dutyPhone: '025-83456789' });
    expect(offline.claims.crew?.map((c) => [c.role, c.initial])).toEqual([
      ['driver', '周'],
      ['escort', '郑'],
    ]);
    const right = checkCrewIdNumber(pass.passNumber, offline.claims.crew!, newIdNumber(700));
    expect(right.ok && right.matches.map((m) => m.role)).toEqual(['driver']);
    const wrong = checkCrewIdNumber(pass.passNumber, offline.claims.crew!, newIdNumber(702));
    expect(wrong.ok && wrong.matches).toEqual([]);

    // Online: the facts carry the phone as kept now.
    const online = (await anonymous.post('/verification/verify', { url: pass.url })).body;
    expect(online.facts).toMatchObject({
      issuingDepartment: '南京市工业和信息化局',
      issuingDepartmentPhone: '025-83456789',
    });
    expect(online.verification.issuingDepartment.dutyPhone).toBe('025-83456789');
    // A new phone reaches the very next online verdict (the kept list is dropped on save), then back.
    for (const dutyPhone of ['025-86660000', '025-83456789']) {
      await as.admin.put('/admin/departments/320100', { name: '南京市工业和信息化局', dutyPhone });
      const again = (await anonymous.post('/verification/verify', { url: pass.url })).body;
      expect([again.facts.issuingDepartmentPhone, again.verification.issuingDepartment.dutyPhone]).toEqual([
        dutyPhone,
        dutyPhone,
      ]);
    }

    const page = await fetch(`${t.url}${new URL(pass.url).pathname}`);
    const html = await page.text();
    expect(html).toContain('南京市工业和信息化局');
    expect(html).toMatch(/值班电话<\/(th|dt|td)>\s*<(td|dd)>025-83456789/);

    const login = await anonymous.post('/auth/login', { phone: '13800000001', password: 'demo1234' });
    const pdf = await fetch(`${t.url}/api/passes/${pass.id}/pdf`, {
      headers: { authorization: `Bearer ${login.body.accessToken}` },
    });
    expect(pdf.status).toBe(200);
    const dir = await mkdtemp(join(tmpdir(), 'pass-pdf-'));
    await writeFile(join(dir, 'pass.pdf'), Buffer.from(await pdf.arrayBuffer()));
    const { stdout: text } = await run('pdftotext', ['-layout', join(dir, 'pass.pdf'), '-']);
    expect(text).toContain('核发单位：南京市工业和信息化局');
    expect(text).toContain('值班电话：025-83456789');

    // Revoked: the advice says whom to call, online and offline.
    const revoked = await as.cityOfficial.post(`/passes/${pass.id}/revoke`, { reason: '企业申请注销' });
    expect(revoked.status).toBe(200);
    const refused = (await anonymous.post('/verification/verify', { url: pass.url })).body.verification;
    expect(refused.state).toBe('revoked');
    expect(refused.advice).toContain('南京市工业和信息化局（值班电话 025-83456789）');
  });
});
