import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  decodeBase64,
  extractTokenFromUrl,
  keyFingerprint,
  type SigningAlgorithm,
  type TrustList,
  toHex,
} from '@pass/shared';
import { apiClient } from './support/api.js';
import { issuerDocumentOf, offlineVerify, onlineVerifyUntil, withJiangsuAndZhejiang } from './support/provinces.js';

const trustListEntry = {
  SM2: { alg: 'SM2', crv: 'SM2', bytes: 65 },
  Ed25519: { alg: 'EdDSA', crv: 'Ed25519', bytes: 32 },
};

/**
 * A mixed federation (全国互认 with a 国密 issuer): two deployments on loopback, one signing with SM2
 * (SIGNING_ALGORITHM=SM2) and one with Ed25519, each importing the other's issuer document. The issuing
 * province's pass verifies in the other online and offline (the checkpoint bundle), and its revocation
 * reaches the other at the next sync. Run both ways: an SM2 Jiangsu trusted by an Ed25519 Zhejiang,
 * and an Ed25519 Jiangsu trusted by an SM2 Zhejiang (the demo seed issues passes in Jiangsu only).
 */
describe.each<[SigningAlgorithm, SigningAlgorithm]>([
  ['SM2', 'Ed25519'],
  ['Ed25519', 'SM2'],
])('a Jiangsu issuer signing with %s and a Zhejiang one with %s trust each other', (issuing, verifying) => {
  const world = withJiangsuAndZhejiang('苏A9F311', 931, {
    jiangsu: { SIGNING_ALGORITHM: issuing },
    zhejiang: { SIGNING_ALGORITHM: verifying },
  });

  it('publishes keys, documents and tokens that carry their algorithm', async () => {
    for (const [province, algorithm] of [
      [world.jiangsu, issuing],
      [world.zhejiang, verifying],
    ] as const) {
      const [keyFile] = readdirSync(join(province.dataDir, 'keys')).filter((f) => f.endsWith('.json'));
      expect(JSON.parse(readFileSync(join(province.dataDir, 'keys', keyFile!), 'utf8')).alg).toBe(algorithm);
      const { signed, document } = await issuerDocumentOf(province);
      const key = document.trustList.keys.find((k) => k.kid === signed.kid)!;
      expect(key).toMatchObject({ alg: trustListEntry[algorithm].alg, crv: trustListEntry[algorithm].crv });
      const publicKey = decodeBase64(key.publicKey)!;
      expect(publicKey).toHaveLength(trustListEntry[algorithm].bytes);
      // The fingerprint read out by phone is SHA-256 of the key's bytes, whichever the algorithm.
      expect(document.fingerprint).toBe(keyFingerprint(publicKey));
      expect(signed.alg).toBe(algorithm === 'SM2' ? 'SM2' : undefined);
      const trustList = (await apiClient(province.server.url).get<TrustList>('/trust-list')).body;
      expect(trustList.keys.map((k) => k.alg)).toEqual([trustListEntry[algorithm].alg]);
    }
    // [h'{1: alg, 4: kid}', …]: SM2's −65537 (private use) is 3a 00010000, EdDSA's −8 is 27.
    const token = toHex(extractTokenFromUrl(world.passUrl)!);
    expect(token).toMatch(issuing === 'SM2' ? /^844da2013a0001000004/ : /^8449a2012704/);
  });

  it('imports each into the other with the fingerprints read out', async () => {
    for (const [importer, issuer] of [
      [world.zhejiang, world.jiangsu],
      [world.jiangsu, world.zhejiang],
    ] as const) {
      const { document } = await issuerDocumentOf(issuer);
      const imported = await importer.admin.post('/admin/federation/issuers', {
        documentUrl: `${issuer.server.url}/api/federation/issuer`,
        fingerprint: document.fingerprint.toUpperCase().replace(/(.{4})/g, '$1 '),
      });
      expect(imported.status).toBe(201);
      expect(imported.body).toMatchObject({
        issuerRegion: document.issuerRegion,
        status: 'active',
        lastSyncError: null,
      });
      expect(imported.body.statusListVersion).not.toBeNull();
    }
  });

  it('verifies the Jiangsu pass in Zhejiang online and offline; a forged one is refused', async () => {
    const online = await apiClient(world.zhejiang.server.url).post('/verification/verify', { url: world.passUrl });
    expect(online.status).toBe(200);
    expect(online.body.verification.state).toBe('valid');
    expect(online.body.foreignIssuer).toMatchObject({ issuerRegion: '320000', passPageUrl: world.jiangsu.server.url });
    expect(online.body.verification.issuingDepartment?.dutyPhone).toEqual(expect.any(String));
    // The public page at Zhejiang's address (what WeChat's scanner opens) verifies it too.
    const digits = world.passUrl.split('/V/')[1]!;
    const page = await (await fetch(`${world.zhejiang.server.url}/V/${digits}`)).text();
    expect(page).toContain('通行证有效');
    expect(page).toContain(`href="${world.jiangsu.server.url}/V/${digits}"`);
    const offline = await offlineVerify(world.zhejiang, world.passUrl);
    expect(offline.verification.state).toBe('valid');
    expect(offline.foreignIssuer?.issuerRegion).toBe('320000');
    expect(offline.verification.warnings.map((w) => w.code)).not.toContain('status_list_missing');

    // One digit changed near the end (inside the signature): not valid anywhere.
    const forged = world.passUrl.replace(
      /(\d)(\d{20})$/,
      (_m, d: string, rest: string) => `${(Number(d) + 1) % 10}${rest}`,
    );
    const forgedOnline = await apiClient(world.zhejiang.server.url).post('/verification/verify', { url: forged });
    expect(forgedOnline.body.verification.allowsPassage).toBe(false);
    expect((await offlineVerify(world.zhejiang, forged)).verification.allowsPassage).toBe(false);
  });

  it('after Jiangsu revokes it and Zhejiang syncs, it is revoked there too, online and offline', async () => {
    const revoked = await world.official.post(`/passes/${world.passId}/revoke`, { reason: '车辆信息有误' });
    expect(revoked.status).toBe(200);
    expect((await offlineVerify(world.zhejiang, world.passUrl)).verification.state).toBe('valid');
    const [issuer] = (await world.zhejiang.admin.get('/admin/federation/issuers')).body;
    const synced = await world.zhejiang.admin.post(`/admin/federation/issuers/${issuer.id}/sync`);
    expect(synced.status).toBe(200);
    expect(synced.body.lastSyncError).toBeNull();
    expect((await onlineVerifyUntil(world.zhejiang, world.passUrl, 'revoked')).body.verification.state).toBe('revoked');
    expect((await offlineVerify(world.zhejiang, world.passUrl)).verification.state).toBe('revoked');
    // At home too, with its own algorithm.
    expect((await onlineVerifyUntil(world.jiangsu, world.passUrl, 'revoked')).body.verification.state).toBe('revoked');
  });

  it('Jiangsu also syncs Zhejiang, whose documents are signed with the other algorithm', async () => {
    const [issuer] = (await world.jiangsu.admin.get('/admin/federation/issuers')).body;
    const synced = await world.jiangsu.admin.post(`/admin/federation/issuers/${issuer.id}/sync`);
    expect(synced.status).toBe(200);
    expect(synced.body).toMatchObject({ issuerRegion: '330000', lastSyncError: null, stale: false });
    // Jiangsu's checkpoints carry Zhejiang's keys with their algorithm.
    const { update } = await offlineVerify(world.jiangsu, world.passUrl);
    expect(update.issuers.map((i) => [i.issuerRegion, i.trustList.keys.map((k) => k.alg)])).toEqual([
      ['330000', [trustListEntry[verifying].alg]],
    ]);
  });
});
