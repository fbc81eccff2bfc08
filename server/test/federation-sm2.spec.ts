import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import {
  decodeBase64,
  extractTokenFromUrl,
  type IssuerDocument,
  keyFingerprint,
  type SigningAlgorithm,
  type TrustList,
  toHex,
} from '@pass/shared';
import { apiClient } from './support/api.js';
import {
  issueDemoPass,
  issuerDocumentOf,
  offlineVerify,
  onlineVerifyUntil,
  type Province,
  withJiangsuAndZhejiang,
} from './support/provinces.js';

const run = promisify(execFile);

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

/**
 * Switching algorithms is a rotation (docs/pass-token.md §5): Ed25519 Jiangsu rotates to an SM2 key with
 * the CLI and SIGNING_ALGORITHM=SM2. Zhejiang learns the SM2 key from a document still signed by the
 * Ed25519 key, then takes the first SM2-signed document without a phone call; both Jiangsu's old
 * Ed25519 pass and its new SM2 pass verify in Zhejiang.
 */
describe('an Ed25519 issuer that rotates to SM2 stays trusted by its peer', () => {
  const world = withJiangsuAndZhejiang('苏A9F321', 932);
  const cli = resolve(import.meta.dirname, '../dist/signing/rotate-key.cli.js');
  // Long enough for Jiangsu to publish the planned key and Zhejiang to sync before it signs.
  const activationSeconds = 75;

  const syncJiangsuIn = async (province: Province) => {
    const [issuer] = (await province.admin.get('/admin/federation/issuers')).body;
    return (await province.admin.post(`/admin/federation/issuers/${issuer.id}/sync`)).body;
  };
  /** Polls until `check` holds: the server re-reads its keys folder every 30 s. */
  const eventually = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 120 && !(await check()); i++) await new Promise((r) => setTimeout(r, 1000));
    expect(await check()).toBe(true);
  };

  it('follows the rotation and verifies the passes of both keys', async () => {
    const { signed } = await issuerDocumentOf(world.jiangsu);
    expect(
      (
        await world.zhejiang.admin.post('/admin/federation/issuers', {
          document: signed,
          fingerprint: (JSON.parse(signed.body) as IssuerDocument).fingerprint,
        })
      ).status,
    ).toBe(201);

    const { stdout } = await run('node', [cli, '--activate-in-hours', String(activationSeconds / 3600)], {
      env: { ...process.env, NODE_ENV: 'test', DATA_DIR: world.jiangsu.dataDir, SIGNING_ALGORITHM: 'SM2' },
    });
    expect(stdout).toMatch(/新密钥 [0-9a-f]{8} 已发布，将于 .+ 起用于签发（SM2）/);
    const trustListAlgs = async () =>
      (await apiClient(world.jiangsu.server.url).get<TrustList>('/trust-list')).body.keys.map((k) => k.alg);
    await eventually(async () => (await trustListAlgs()).join() === 'EdDSA,SM2');

    // Still signed by the Ed25519 key: Zhejiang learns the planned SM2 key from it.
    const learned = await syncJiangsuIn(world.zhejiang);
    expect(learned.lastSyncError).toBeNull();
    // Once it signs, Jiangsu's documents are SM2-signed: taken because the key is already trusted.
    await eventually(async () => (await issuerDocumentOf(world.jiangsu)).signed.alg === 'SM2');
    const followed = await syncJiangsuIn(world.zhejiang);
    expect(followed).toMatchObject({ status: 'active', lastSyncError: null });

    const { passUrl: sm2PassUrl } = await issueDemoPass(world.jiangsu, '苏A9F322', 940);
    expect(toHex(extractTokenFromUrl(sm2PassUrl)!)).toMatch(/^844da2013a00010000/);
    for (const url of [world.passUrl, sm2PassUrl]) {
      expect((await onlineVerifyUntil(world.zhejiang, url, 'valid')).body.verification.state).toBe('valid');
      expect((await offlineVerify(world.zhejiang, url)).verification.state).toBe('valid');
    }
  }, 300_000);
});
