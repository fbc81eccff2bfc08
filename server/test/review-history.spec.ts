import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type ApiClient, firstSignIn } from './support/api.js';
import { completeApplication, registerFleet, seedAndLogin, submitApplication } from './support/fixtures.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** What each level decided, said to the applicant and noted for the officials, along the Jiangsu chain. */
describe('review history', () => {
  let t: TestApp;
  let as: Awaited<ReturnType<typeof seedAndLogin>>;
  let gulouOfficial: ApiClient;
  let serial = 40;

  const newApplication = async () => {
    serial++;
    const fleet = await registerFleet(as.fleetManager, `苏A${String(20000 + serial)}`, 700 + serial * 2);
    return submitApplication(as.fleetManager, completeApplication(fleet));
  };

  beforeAll(async () => {
    t = await startTestApp();
    as = await seedAndLogin(t);
    await as.admin.post('/admin/accounts', {
      role: 'official',
      name: '鼓楼审核',
      phone: '13700000060',
      password: 'Review2022',
      jurisdictionCode: '320106',
      department: '鼓楼区工业和信息化局',
      reviewLevel: 'district',
    });
    gulouOfficial = await firstSignIn(t.url, '13700000060', 'Review2022');
  });

  afterAll(async () => {
    await t.close();
  });

  it("shows the city reviewer the district's decision, comment, internal note, office and time", async () => {
    const id = await newApplication();
    const approved = await as.districtOfficial.post(`/reviews/${id}/decision`, {
      decision: 'approve',
      comment: '材料齐全，同意。',
      internalNote: '该企业上月有过一次超载记录，请市级留意',
    });
    expect(approved.status).toBe(200);

    const detail = await as.cityOfficial.get(`/reviews/${id}`);
    expect(detail.status).toBe(200);
    const approval = detail.body.history.find((step: any) => step.action === 'approve');
    expect(approval).toMatchObject({
      actorRole: 'official',
      actorName: '李审核',
      actorDepartment: '江宁区工业和信息化局',
      jurisdictionCode: '320115',
      reviewLevel: 'district',
      comment: '材料齐全，同意。',
      internalNote: '该企业上月有过一次超载记录，请市级留意',
      fromStatus: 'submitted',
      toStatus: 'under_review',
      fieldsToFix: [],
    });
    expect(Date.parse(approval.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(detail.body.history.map((step: any) => step.action)).toEqual(['create', 'submit', 'approve']);
    // The district official who decided reads it too; an official elsewhere does not see the application.
    expect((await as.districtOfficial.get(`/reviews/${id}`)).body.history).toHaveLength(3);
    expect((await gulouOfficial.get(`/reviews/${id}`)).status).toBe(404);
  });

  it('never gives the applicant an internal note, but does give the comments addressed to them', async () => {
    const id = await newApplication();
    await as.districtOfficial.post(`/reviews/${id}/decision`, {
      decision: 'return',
      reason: '收货单位地址不完整，证明材料不清晰',
      internalNote: '内部：疑似挂靠车辆，复核时核对行驶证',
      fieldsToFix: ['consignee', 'attachmentIds', 'quantityUnit'],
    });

    const responses = await Promise.all([
      as.fleetManager.get(`/applications/${id}/events`),
      as.fleetManager.get(`/applications/${id}`),
      as.fleetManager.get('/applications'),
    ]);
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(JSON.stringify(response.body)).not.toContain('疑似挂靠');
      expect(JSON.stringify(response.body)).not.toContain('internalNote');
    }
    const events = responses[0].body;
    expect(events.at(-1)).toMatchObject({
      action: 'return',
      comment: '收货单位地址不完整，证明材料不清晰',
      fieldsToFix: ['consignee', 'attachmentIds', 'quantityUnit'],
      actorDepartment: '江宁区工业和信息化局',
    });
    // The fleet manager cannot read the officials' history either.
    expect((await as.fleetManager.get(`/reviews/${id}`)).status).toBe(403);

    // Officials keep the note through the resubmission.
    expect((await as.fleetManager.post(`/applications/${id}/resubmit`)).status).toBe(200);
    const history = (await as.districtOfficial.get(`/reviews/${id}`)).body.history;
    expect(history.find((step: any) => step.action === 'return').internalNote).toBe(
      '内部：疑似挂靠车辆，复核时核对行驶证',
    );
  });

  it('drops the resolved return reason once the application is resubmitted', async () => {
    const id = await newApplication();
    await as.districtOfficial.post(`/reviews/${id}/decision`, { decision: 'return', reason: '物资说明不清楚' });
    expect((await as.fleetManager.get(`/applications/${id}`)).body.lastReason).toBe('物资说明不清楚');
    await as.fleetManager.post(`/applications/${id}/resubmit`);
    await as.districtOfficial.post(`/reviews/${id}/decision`, { decision: 'approve', comment: '已补正，同意。' });

    const detail = (await as.cityOfficial.get(`/reviews/${id}`)).body;
    expect(detail.application).toMatchObject({ status: 'under_review', lastReason: null, fieldsToFix: [] });
    expect(detail.history.map((step: any) => [step.action, step.comment])).toEqual([
      ['create', null],
      ['submit', null],
      ['return', '物资说明不清楚'],
      ['resubmit', null],
      ['approve', '已补正，同意。'],
    ]);
  });

  it('refuses an internal note over 500 characters instead of cutting it, and writes nothing', async () => {
    const id = await newApplication();
    const refused = await as.districtOfficial.post(`/reviews/${id}/decision`, {
      decision: 'approve',
      internalNote: '很'.repeat(501),
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(refused.body)).toContain('内部意见最多500个字');
    const detail = (await as.districtOfficial.get(`/reviews/${id}`)).body;
    expect(detail.application.status).toBe('submitted');
    expect(detail.history.map((step: any) => step.action)).toEqual(['create', 'submit']);
  });

  it('logs a draft saved unchanged as no step, a real change as one', async () => {
    const fleet = await registerFleet(as.fleetManager, '苏A29999', 799);
    const body = completeApplication(fleet);
    const draft = (await as.fleetManager.post('/applications', body)).body;
    expect((await as.fleetManager.put(`/applications/${draft.id}`, body)).status).toBe(200);
    expect((await as.fleetManager.put(`/applications/${draft.id}`, body)).status).toBe(200);
    let actions = (await as.fleetManager.get(`/applications/${draft.id}/events`)).body.map((e: any) => e.action);
    expect(actions).toEqual(['create']);

    expect((await as.fleetManager.put(`/applications/${draft.id}`, { quantity: 13 })).body.quantity).toBe(13);
    actions = (await as.fleetManager.get(`/applications/${draft.id}/events`)).body.map((e: any) => e.action);
    expect(actions).toEqual(['create', 'edit']);
  });

  it('gives the applicant the due time of the step the application awaits', async () => {
    const id = await newApplication();
    const app = (await as.fleetManager.get(`/applications/${id}`)).body;
    expect(Date.parse(app.dueAt)).toBeGreaterThan(Date.now());
    expect(app.reviewSteps).toEqual([
      { level: 'district', jurisdictionCode: '320115' },
      { level: 'city', jurisdictionCode: '320100' },
    ]);
  });
});
