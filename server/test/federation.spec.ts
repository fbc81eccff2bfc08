import { describe, expect, it } from '@jest/globals';
import {
  decodeBase64,
  type IssuerDocument,
  keyFingerprint,
  openSignedDocument,
  type SignedDocument,
} from '@pass/shared';
import { apiClient, loginAs } from './support/api.js';
import { demoPhones } from './support/fixtures.js';
import { offlineVerify, withJiangsuAndZhejiang } from './support/provinces.js';
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
