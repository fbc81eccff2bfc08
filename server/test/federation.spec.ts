import { beforeAll, describe, expect, it } from '@jest/globals';
import {
  decodeBase64,
  type IssuerDocument,
  keyFingerprint,
  openSignedDocument,
  type SignedDocument,
  type TrustList,
} from '@pass/shared';
import { type ApiClient, apiClient, loginAs } from './support/api.js';
import { completeApplication, demoPhones, newCreditCode, registerFleet } from './support/fixtures.js';
import { offlineVerify, type Province, withJiangsuAndZhejiang } from './support/provinces.js';
import { freePort } from './support/server-process.js';

/**
 * Two deployments configured as two provinces on loopback (Jiangsu and Zhejiang), each with its own
 * database, keys and address: each imports the other's issuer document, a pass issued in Jiangsu is
 * verified in Zhejiang online and offline, and its revocation reaches Zhejiang at the next sync.
 */
describe('federation of issuers: two provinces verify each other’s passes (全国互认)', () => {
  const world = withJiangsuAndZhejiang('苏A9F301', 930);

  it('publishes a signed issuer document whose fingerprint is SHA-256 of the signing key', async () => {
    const signed = (await apiClient(world.jiangsu.server.url).get<SignedDocument>('/federation/issuer')).body;
    const document = JSON.parse(signed.body) as IssuerDocument;
    expect(document).toMatchObject({
      format: 'pass-issuer/1',
      issuerName: '江苏省重点物资运输车辆通行证签发系统',
      issuerRegion: '320000',
      statusListUrl: `${world.jiangsu.server.url}/api/verification/status-list`,
      passPageUrl: world.jiangsu.server.url,
    });
    const key = document.trustList.keys.find((k) => k.kid === signed.kid)!;
    expect(document.fingerprint).toBe(keyFingerprint(decodeBase64(key.publicKey)!));
    expect(openSignedDocument(signed, document.trustList)).toBeDefined();
  });

  it('refuses a wrong fingerprint, an altered document and a non-admin, and writes nothing', async () => {
    const signed = (await apiClient(world.jiangsu.server.url).get<SignedDocument>('/federation/issuer')).body;
    const fingerprint = (JSON.parse(signed.body) as IssuerDocument).fingerprint;
    const wrong = await world.zhejiang.admin.post('/admin/federation/issuers', {
      document: signed,
      fingerprint: `${fingerprint.slice(0, 63)}${fingerprint.endsWith('0') ? '1' : '0'}`,
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('FINGERPRINT_MISMATCH');
    const altered = await world.zhejiang.admin.post('/admin/federation/issuers', {
      document: { ...signed, body: signed.body.replace('320000', '330000') },
      fingerprint,
    });
    expect(altered.status).toBe(422);
    expect(altered.body.code).toBe('ISSUER_DOCUMENT_INVALID');
    const ownProvince = (await apiClient(world.zhejiang.server.url).get<SignedDocument>('/federation/issuer')).body;
    const own = await world.zhejiang.admin.post('/admin/federation/issuers', {
      document: ownProvince,
      fingerprint: (JSON.parse(ownProvince.body) as IssuerDocument).fingerprint,
    });
    expect(own.status).toBe(400);
    expect(own.body.code).toBe('VALIDATION_FAILED');
    const checkpointStaff = await loginAs(world.zhejiang.server.url, demoPhones.checkpointStaff);
    expect((await checkpointStaff.post('/admin/federation/issuers', { document: signed, fingerprint })).status).toBe(
      403,
    );
    expect((await checkpointStaff.get('/admin/federation/issuers')).status).toBe(403);
    expect((await world.zhejiang.admin.post('/admin/federation/issuers', { fingerprint })).status).toBe(400);
    const both = await world.zhejiang.admin.post('/admin/federation/issuers', {
      document: signed,
      documentUrl: `${world.jiangsu.server.url}/api/federation/issuer`,
      fingerprint,
    });
    expect(both.status).toBe(400);
    expect(
      (await world.zhejiang.admin.post('/admin/federation/issuers', { document: signed, fingerprint: 'abc' })).status,
    ).toBe(400);
    const garbage = await world.zhejiang.admin.post('/admin/federation/issuers', {
      document: { body: '{"format":"pass-issuer/1"}', kid: 'zz', signature: '' },
      fingerprint,
    });
    expect(garbage.status).toBe(422);
    expect(garbage.body.code).toBe('ISSUER_DOCUMENT_INVALID');
    // An address where nothing answers: a refusal naming it, not a server error.
    const nowhere = await world.zhejiang.admin.post('/admin/federation/issuers', {
      documentUrl: `http://127.0.0.1:${await freePort()}/api/federation/issuer`,
      fingerprint,
    });
    expect(nowhere.status).toBe(422);
    expect(nowhere.body.code).toBe('ISSUER_UNREACHABLE');
    expect((await world.zhejiang.admin.get('/admin/federation/issuers')).body).toEqual([]);
  });

  it('a Jiangsu pass is unknown in Zhejiang before the import', async () => {
    const online = await apiClient(world.zhejiang.server.url).post('/verification/verify', { url: world.passUrl });
    expect(online.body.verification.state).toBe('unknown_key');
  });

  it('imports each province into the other: by address with the fingerprint read out, or pasted', async () => {
    const jiangsuDocument = (await apiClient(world.jiangsu.server.url).get<SignedDocument>('/federation/issuer')).body;
    const imported = await world.zhejiang.admin.post('/admin/federation/issuers', {
      documentUrl: `${world.jiangsu.server.url}/api/federation/issuer`,
      // As typed from a phone call: grouped, upper case.
      fingerprint: (JSON.parse(jiangsuDocument.body) as IssuerDocument).fingerprint
        .toUpperCase()
        .replace(/(.{4})/g, '$1 '),
    });
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({
      issuerName: '江苏省重点物资运输车辆通行证签发系统',
      issuerRegion: '320000',
      status: 'active',
      stale: false,
      lastSyncError: null,
    });
    expect(imported.body.statusListVersion).not.toBeNull();
    const zhejiangDocument = (await apiClient(world.zhejiang.server.url).get<SignedDocument>('/federation/issuer'))
      .body;
    const back = await world.jiangsu.admin.post('/admin/federation/issuers', {
      document: zhejiangDocument,
      fingerprint: (JSON.parse(zhejiangDocument.body) as IssuerDocument).fingerprint,
    });
    expect(back.body).toMatchObject({ issuerRegion: '330000', status: 'active' });
    expect(back.body.issuerRegion).toBe('330000');
    const again = await world.zhejiang.admin.post('/admin/federation/issuers', {
      document: jiangsuDocument,
      fingerprint: (JSON.parse(jiangsuDocument.body) as IssuerDocument).fingerprint,
    });
    expect(again.status).toBe(409);
    const audit = await world.zhejiang.admin.get('/admin/audit?action=federation.issuer.import');
    expect(audit.body).toHaveLength(1);
  });

  it('verifies the Jiangsu pass in Zhejiang online and offline, naming the issuer', async () => {
    const online = await apiClient(world.zhejiang.server.url).post('/verification/verify', { url: world.passUrl });
    expect(online.status).toBe(200);
    expect(online.body.verification.state).toBe('valid');
    expect(online.body.verification.signer.issuerName).toBe('江苏省重点物资运输车辆通行证签发系统');
    expect(online.body.foreignIssuer).toEqual({
      issuerName: '江苏省重点物资运输车辆通行证签发系统',
      issuerRegion: '320000',
      passPageUrl: world.jiangsu.server.url,
    });
    expect(online.body.facts).toBeNull();
    expect(online.body.verification.warnings.map((w: { code: string }) => w.code)).not.toContain('unofficial_origin');
    const atHome = await apiClient(world.jiangsu.server.url).post('/verification/verify', { url: world.passUrl });
    // The Jiangsu department and its duty phone, from Jiangsu's document: whom a Zhejiang checkpoint calls.
    expect(atHome.body.verification.issuingDepartment?.dutyPhone).toEqual(expect.any(String));
    expect(online.body.verification.issuingDepartment).toEqual(atHome.body.verification.issuingDepartment);

    // The public page at Zhejiang's address names the issuer and links to Jiangsu's own page of the pass.
    const digits = world.passUrl.split('/V/')[1]!;
    const page = await (await fetch(`${world.zhejiang.server.url}/V/${digits}`)).text();
    expect(page).toContain('通行证有效');
    expect(page).toContain('签发方（外省）');
    expect(page).toContain(`href="${world.jiangsu.server.url}/V/${digits}"`);

    const offline = await offlineVerify(world.zhejiang, world.passUrl);
    expect(offline.verification.state).toBe('valid');
    expect(offline.foreignIssuer?.issuerRegion).toBe('320000');
    expect(offline.verification.warnings.map((w) => w.code)).not.toContain('status_list_missing');
  });

  it('after Jiangsu revokes the pass and Zhejiang syncs, it is revoked there too, online and offline', async () => {
    const revoked = await world.official.post(`/passes/${world.passId}/revoke`, { reason: '车辆信息有误' });
    expect(revoked.status).toBe(200);
    const [issuer] = (await world.zhejiang.admin.get('/admin/federation/issuers')).body;
    // Before the sync Zhejiang still holds the old list: what the schedule is for. The device already
    // holds that version, so the bundle comes without its bits.
    const before = await offlineVerify(world.zhejiang, world.passUrl);
    expect(before.verification.state).toBe('valid');
    expect(before.update.issuers[0]).toMatchObject({ statusListUnchanged: true, statusList: null });
    const synced = await world.zhejiang.admin.post(`/admin/federation/issuers/${issuer.id}/sync`);
    expect(synced.status).toBe(200);
    expect(synced.body.lastSyncError).toBeNull();
    expect(synced.body.statusListVersion).toBeGreaterThan(issuer.statusListVersion);
    // A few seconds of per-process cache at most.
    let online: any;
    for (let i = 0; i < 30; i++) {
      online = await apiClient(world.zhejiang.server.url).post('/verification/verify', { url: world.passUrl });
      if (online.body.verification.state !== 'valid') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(online.body.verification.state).toBe('revoked');
    const after = await offlineVerify(world.zhejiang, world.passUrl);
    expect(after.verification.state).toBe('revoked');
    expect(after.update.issuers[0]?.statusListUnchanged).toBe(false);
    const bad = await apiClient(world.zhejiang.server.url).get('/federation/bundle?known=320000');
    expect(bad.status).toBe(400);
  });

  describe('whitelist recognition (白名单互认): Jiangsu recognises Zhejiang’s whitelist', () => {
    // The demo enterprise registered in Jiangsu, listed by Zhejiang (the two deployments share the seed).
    const demoCreditCode = '91320115MA1MY5Q2XW';
    let jiangsu: Province;
    let zhejiang: Province;
    let official: ApiClient;
    let fleetManager: ApiClient;
    let exported: SignedDocument;
    let zhejiangId: string;
    let plates = 0;
    const draft = async () => {
      plates++;
      const fleet = await registerFleet(fleetManager, `苏A9W4${String(plates).padStart(2, '0')}`, 940 + plates * 2);
      return (await fleetManager.post('/applications', completeApplication(fleet, 0, 5))).body.id as string;
    };
    const submitDraft = async (id: string) => {
      const submitted = await fleetManager.post(`/applications/${id}/submit`);
      expect(submitted.status).toBe(200);
      return id;
    };
    const submit = async () => submitDraft(await draft());
    const queue = async () =>
      (await official.get('/reviews/queue?whitelistFirst=true&limit=50')).body.items as {
        id: string;
        whitelisted: boolean;
        whitelistSource: string | null;
      }[];
    const recognitions = async () => (await jiangsu.admin.get('/admin/federation/whitelists')).body;

    beforeAll(async () => {
      ({ jiangsu, zhejiang, official } = world);
      fleetManager = await loginAs(jiangsu.server.url, demoPhones.fleetManager);
      const listed = await zhejiang.admin.post('/admin/whitelist/import', {
        batch: '长三角互认',
        csv: `统一社会信用代码,企业名称\n${demoCreditCode},南京江宁示范物流有限公司\n${newCreditCode('330106')},杭州西湖示范运输有限公司\n`,
      });
      expect(listed.status).toBe(200);
      exported = (await apiClient(zhejiang.server.url).get<SignedDocument>('/federation/whitelist')).body;
      zhejiangId = (await jiangsu.admin.get('/admin/federation/issuers')).body.find(
        (i: { issuerRegion: string }) => i.issuerRegion === '330000',
      ).id;
    }, 60_000);

    it('Zhejiang publishes its whitelist signed with its issuer key, and names the address in its issuer document', async () => {
      const anonymous = apiClient(zhejiang.server.url);
      const trustList = (await anonymous.get<TrustList>('/trust-list')).body;
      const body = openSignedDocument<Record<string, unknown>>(exported, trustList);
      expect(body).toMatchObject({ format: 'pass-whitelist/1', issuerRegion: '330000' });
      expect(body?.entries).toHaveLength(2);
      expect(body?.entries).toContainEqual({ creditCode: demoCreditCode, enterpriseName: '南京江宁示范物流有限公司' });
      const issuer = JSON.parse(
        (await anonymous.get<SignedDocument>('/federation/issuer')).body.body,
      ) as IssuerDocument;
      expect(issuer.whitelistUrl).toBe(`${zhejiang.server.url}/api/federation/whitelist`);
    });

    it('refuses a forged, an unsigned and an untrusted export and other roles, and writes nothing', async () => {
      const refused = async (document: unknown, code: string, status = 422) => {
        const res = await jiangsu.admin.post('/admin/federation/whitelists', { document });
        expect([res.status, res.body.code]).toEqual([status, code]);
      };
      await refused({ ...exported, body: exported.body.replace('杭州西湖', '杭州伪造') }, 'WHITELIST_EXPORT_INVALID');
      await refused({ ...exported, signature: '' }, 'WHITELIST_EXPORT_INVALID');
      await refused({ body: exported.body }, 'VALIDATION_FAILED', 400);
      // Jiangsu's own export is signed by Jiangsu, not by an issuer it imported.
      const own = (await apiClient(jiangsu.server.url).get<SignedDocument>('/federation/whitelist')).body;
      await refused(own, 'WHITELIST_EXPORT_INVALID');
      const both = await jiangsu.admin.post('/admin/federation/whitelists', {
        document: exported,
        issuerId: zhejiangId,
      });
      expect(both.status).toBe(400);
      expect((await jiangsu.admin.post('/admin/federation/whitelists', { issuerId: 'nope' })).status).toBe(400);
      for (const client of [official, fleetManager, await loginAs(jiangsu.server.url, demoPhones.checkpointStaff)]) {
        expect((await client.post('/admin/federation/whitelists', { document: exported })).status).toBe(403);
        expect((await client.get('/admin/federation/whitelists')).status).toBe(403);
      }
      expect(await recognitions()).toEqual([]);
    });

    it('an imported entry ranks the enterprise’s application first in Jiangsu’s queue, with the source shown', async () => {
      const before = await submit();
      const synced = await jiangsu.admin.post('/admin/federation/whitelists', { issuerId: zhejiangId });
      expect(synced.status).toBe(200);
      expect(synced.body).toMatchObject({ issuerRegion: '330000', sourceName: '浙江省', entryCount: 2 });
      expect((await fleetManager.get('/enterprises/mine')).body.whitelisted).toBe(true);
      const after = await submit();
      const items = await queue();
      expect(items[0]).toMatchObject({ id: after, whitelisted: true, whitelistSource: '浙江省' });
      // Submitted before the import: no priority (whitelisting is the application's snapshot).
      expect(items.find((i) => i.id === before)).toMatchObject({ whitelisted: false, whitelistSource: null });
      const detail = await official.get(`/reviews/${after}`);
      expect(detail.body.enterprise).toMatchObject({ whitelisted: true, whitelistSource: '浙江省' });
    });

    it('re-import replaces the previous list whole, an older export is refused, concurrent imports leave one copy', async () => {
      // The export fetched before the sync above is older than the one imported: a replay.
      const replay = await jiangsu.admin.post('/admin/federation/whitelists', { document: exported });
      expect([replay.status, replay.body.code]).toEqual([409, 'CONFLICT']);
      const removed = await zhejiang.admin.post('/admin/whitelist/import', {
        batch: '长三角互认',
        csv: `${demoCreditCode},南京江宁示范物流有限公司\n`,
      });
      expect(removed.status).toBe(200);
      const smaller = await zhejiang.admin.get('/admin/whitelist');
      expect(smaller.body).toHaveLength(2);
      await zhejiang.admin.delete(
        `/admin/whitelist/${smaller.body.find((e: { creditCode: string }) => e.creditCode !== demoCreditCode).creditCode}`,
      );
      const fresh = (await apiClient(zhejiang.server.url).get<SignedDocument>('/federation/whitelist')).body;
      const results = await Promise.all([
        jiangsu.admin.post('/admin/federation/whitelists', { document: fresh }),
        jiangsu.admin.post('/admin/federation/whitelists', { document: fresh }),
        jiangsu.admin.post('/admin/federation/whitelists', { issuerId: zhejiangId }),
      ]);
      expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
      const [held] = await recognitions();
      expect(held).toMatchObject({ issuerRegion: '330000', entryCount: 1 });
      expect(await recognitions()).toHaveLength(1);
      const audit = await jiangsu.admin.get('/admin/audit?action=whitelist.recognition.import');
      expect(audit.body.length).toBeGreaterThanOrEqual(4);
    });

    it('suspending Zhejiang ends the priority of waiting applications and refuses imports; removal is audited', async () => {
      const ranked = await submit();
      expect((await queue()).find((i) => i.id === ranked)).toMatchObject({ whitelisted: true });
      // Submissions racing the suspension: each either waits for it or is demoted by it.
      const drafts = await Promise.all([draft(), draft(), draft()]);
      const [suspended] = await Promise.all([
        jiangsu.admin.post(`/admin/federation/issuers/${zhejiangId}/suspend`),
        ...drafts.map(submitDraft),
      ]);
      expect(suspended.status).toBe(200);
      const items = await queue();
      expect(items.filter((i) => drafts.includes(i.id))).toHaveLength(3);
      expect(items.filter((i) => i.whitelisted)).toEqual([]);
      expect(items.find((i) => i.id === ranked)).toMatchObject({ whitelisted: false, whitelistSource: null });
      expect((await fleetManager.get('/enterprises/mine')).body.whitelisted).toBe(false);
      const unranked = await submit();
      expect((await official.get(`/reviews/${unranked}`)).body.enterprise.whitelisted).toBe(false);
      const sync = await jiangsu.admin.post('/admin/federation/whitelists', { issuerId: zhejiangId });
      expect([sync.status, sync.body.code]).toEqual([422, 'ISSUER_NOT_TRUSTED']);
      const fresh = (await apiClient(zhejiang.server.url).get<SignedDocument>('/federation/whitelist')).body;
      const pasted = await jiangsu.admin.post('/admin/federation/whitelists', { document: fresh });
      expect([pasted.status, pasted.body.code]).toEqual([422, 'ISSUER_NOT_TRUSTED']);

      // Reinstated, the recognised list counts again for new submissions.
      await jiangsu.admin.post(`/admin/federation/issuers/${zhejiangId}/reinstate`);
      expect((await fleetManager.get('/enterprises/mine')).body.whitelisted).toBe(true);
      const [held] = await recognitions();
      expect((await jiangsu.admin.delete(`/admin/federation/whitelists/${held.id}`)).status).toBe(204);
      expect(await recognitions()).toEqual([]);
      expect((await fleetManager.get('/enterprises/mine')).body.whitelisted).toBe(false);
      expect((await jiangsu.admin.delete(`/admin/federation/whitelists/${held.id}`)).status).toBe(404);
      const actions = (await jiangsu.admin.get('/admin/audit?entityType=recognised_whitelist')).body.map(
        (e: { action: string }) => e.action,
      );
      expect(actions).toEqual(expect.arrayContaining(['whitelist.recognition.import', 'whitelist.recognition.remove']));
    });
  });

  it('a suspended issuer’s passes are unknown; removing it is audited', async () => {
    const [issuer] = (await world.zhejiang.admin.get('/admin/federation/issuers')).body;
    const suspended = await world.zhejiang.admin.post(`/admin/federation/issuers/${issuer.id}/suspend`);
    expect(suspended.body.status).toBe('suspended');
    expect((await offlineVerify(world.zhejiang, world.passUrl)).verification.state).toBe('unknown_key');
    const removed = await world.zhejiang.admin.delete(`/admin/federation/issuers/${issuer.id}`);
    expect(removed.status).toBe(204);
    expect((await world.zhejiang.admin.get('/admin/federation/issuers')).body).toEqual([]);
    const actions = (await world.zhejiang.admin.get('/admin/audit?entityType=trusted_issuer')).body.map(
      (e: { action: string }) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['federation.issuer.suspend', 'federation.issuer.remove']));
    expect((await world.zhejiang.admin.post(`/admin/federation/issuers/${issuer.id}/suspend`)).status).toBe(404);
  });
});
